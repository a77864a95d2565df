package vn.giamngheo.portal.search;

import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.signin.AccessTokens;

/**
 * household-service's household search as the signed-in person: the search page's call, also used where a form picks
 * a household (a request at the counter, a household added to a survey list).
 */
@Component
public class HouseholdSearch {

    /** One line of household-service's search answer. */
    public record Item(String id, String unitCode, String village, String headName, int activeMembers,
            String currentClass, String status) {
    }

    public record Page(List<Item> items, int page, int size, long total) {

        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    private static final ParameterizedTypeReference<Page> PAGE = new ParameterizedTypeReference<>() { };

    private final ServiceClient services;
    private final AccessTokens tokens;

    HouseholdSearch(ServiceClient services, AccessTokens tokens) {
        this.services = services;
        this.tokens = tokens;
    }

    /**
     * The households matching {@code text} (blank: any) with the filters given (null: not filtered).
     *
     * @throws vn.giamngheo.portal.services.ServiceProblem as household-service refused or failed
     */
    public Page find(String text, String unitCode, String householdClass, String status, int page, int size) {
        return services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/households/search")
                .queryParamIfPresent("q", Optional.ofNullable(text).filter(t -> !t.isBlank()))
                .queryParamIfPresent("unitCode", Optional.ofNullable(unitCode))
                .queryParamIfPresent("class", Optional.ofNullable(householdClass))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParam("page", page).queryParam("size", size).build(), PAGE, tokens.current());
    }
}
