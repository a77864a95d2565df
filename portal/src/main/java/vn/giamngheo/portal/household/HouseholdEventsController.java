package vn.giamngheo.portal.household;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.web.PageModel;

/**
 * A diagnostic for the administrator and the Sở NN&MT: the household's events notification-service has seen (from
 * {@code household.events}), oldest first, each with its type in words, its sequence and its time; a gap in the
 * sequence or a missing event says where to look when a message or a card did not follow a change.
 */
@Controller
class HouseholdEventsController {

    static final String[] READERS = {"CITY_ADMIN", "LABOUR_OFFICER"};
    private static final ParameterizedTypeReference<List<SeenEvent>> EVENTS = new ParameterizedTypeReference<>() { };

    /**
     * notification-service's {@code SeenEvent}.
     *
     * @param type the CloudEvents type, vn.giamngheo.household.registered.v1
     */
    record SeenEvent(String eventId, String type, long sequence, Instant time) {

        /** The message key of the type's name: events.type.household.registered; the type itself when not ours. */
        public String key() {
            return type == null ? "events.type.unknown"
                    : "events.type." + type.replaceFirst("^vn\\.giamngheo\\.", "").replaceFirst("\\.v\\d+$", "");
        }
    }

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final RegistryCalls calls;

    HouseholdEventsController(ServiceClient services, AccessTokens tokens, RegistryCalls calls) {
        this.services = services;
        this.tokens = tokens;
        this.calls = calls;
    }

    @GetMapping("/ho-gia-dinh/{id}/su-kien")
    String events(@PathVariable String id, Model model, HttpServletResponse response) {
        Officer officer = PageModel.current();
        if (officer == null || !officer.hasAny(READERS)) {
            throw new ServiceProblem(Service.NOTIFICATION, ServiceProblem.Kind.NOT_ALLOWED, 403,
                    "the events are a diagnostic for the administrator and the Sở NN&MT", List.of(), null);
        }
        Household household = calls.household(id);
        Section<List<SeenEvent>> events = services.section(Service.NOTIFICATION,
                u -> u.path("/api/v1/households/{id}/events").build(id), EVENTS, tokens.current());
        if (!events.ok()) {
            switch (events.problem().kind()) {
                case SIGN_IN_AGAIN -> throw events.problem();
                case UNAVAILABLE -> response.setStatus(503);
                default -> { }
            }
        }
        model.addAttribute("h", household);
        model.addAttribute("events", events);
        return "household/events";
    }
}
