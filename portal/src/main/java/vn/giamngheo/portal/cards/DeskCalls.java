package vn.giamngheo.portal.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryProperties;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;

/**
 * The buttons of notification-service's lists ("Gửi lại" a card request or a message): a POST as the signed-in
 * person, its outcome put in the banner of the page the person comes back to — what was done, or in plain words why
 * not (a 409 because it is no longer FAILED, a service that did not answer). A refusal of the person (403) or of their
 * sign-in (401) goes to the error pages.
 */
@Component
public class DeskCalls {

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final RegistryProperties properties;
    private final DeskTexts texts;
    private final Reasons reasons;

    DeskCalls(ServiceClient services, AccessTokens tokens, RegistryProperties properties, DeskTexts texts,
            Reasons reasons) {
        this.services = services;
        this.tokens = tokens;
        this.properties = properties;
        this.texts = texts;
        this.reasons = reasons;
    }

    /**
     * POSTs to {@code path} (its one {@code {id}} being {@code id}); the answer, or null with the reasons in the
     * {@code refused} banner. {@code done} is the banner's text when it worked.
     */
    public <T> T post(String path, String id, Class<T> type, String done, RedirectAttributes redirect) {
        try {
            T answer = services.send(Service.NOTIFICATION, HttpMethod.POST, u -> u.path(path).build(id), Map.of(),
                    type, tokens.current(), properties.writeTimeout());
            redirect.addFlashAttribute("changed", done);
            return answer;
        } catch (ServiceProblem problem) {
            List<String> why = new ArrayList<>();
            switch (problem.kind()) {
                case REFUSED -> {
                    problem.errors().forEach(e -> why.add(texts.of(e.reason())));
                    if (why.isEmpty()) {
                        why.add(problem.detail() == null ? reasons.text("form.error.refused")
                                : texts.of(problem.detail()));
                    }
                }
                case UNAVAILABLE -> why.add(reasons.text(problem.status() == 0 ? "desk.error.noAnswer"
                        : "desk.error.unavailable", reasons.text(problem.service().messageKey())));
                case NOT_FOUND -> why.add(reasons.text("desk.error.gone"));
                default -> throw problem;
            }
            redirect.addFlashAttribute("refused", why);
            return null;
        }
    }
}
