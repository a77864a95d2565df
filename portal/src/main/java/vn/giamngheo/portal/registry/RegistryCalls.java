package vn.giamngheo.portal.registry;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;

/**
 * What every registry form does with the services: read the household, send the change as the signed-in person (so
 * that the service's rules, access checks and audit apply to that person), and turn a refusal into errors beside the
 * fields the service named. A refusal, a sign-in to renew, a household outside the person's units or one that does
 * not exist are the services' answers; the portal adds no rule of its own beyond the shape of what was typed.
 */
@Component
public class RegistryCalls {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Reasons reasons;
    private final RegistryProperties properties;

    RegistryCalls(ServiceClient services, AccessTokens tokens, Reasons reasons, RegistryProperties properties) {
        this.services = services;
        this.tokens = tokens;
        this.reasons = reasons;
        this.properties = properties;
    }

    public Reasons reasons() {
        return reasons;
    }

    /** The household as the person may see it; a 403/404/unavailable becomes the portal's error page. */
    public Household household(String id) {
        requireId(id);
        return services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/households/{id}").build(id), Household.class,
                tokens.current());
    }

    /** An id from a URL: anything else is no household (404), never a path sent on to a service. */
    public static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ServiceProblem(Service.HOUSEHOLD, ServiceProblem.Kind.NOT_FOUND, 404, "not an id", List.of(),
                    null);
        }
        return id;
    }

    /**
     * Sends a change; its answer, or null when the service refused it or did not answer, with the reasons put in
     * {@code errors}: beside the form field that {@code formField} names for the service's field (null: in the
     * summary only).
     */
    public <T> T send(Service service, HttpMethod method, Function<UriBuilder, URI> uri, Object body, Class<T> type,
            Function<String, String> formField, FormErrors errors) {
        try {
            return services.send(service, method, uri, body, type, tokens.current(), properties.writeTimeout());
        } catch (ServiceProblem problem) {
            explain(problem, formField, errors);
            return null;
        }
    }

    /** Puts a service's refusal into {@code errors}; rethrows what is not about the form (→ the error pages). */
    public void explain(ServiceProblem problem, Function<String, String> formField, FormErrors errors) {
        switch (problem.kind()) {
            case REFUSED -> {
                if (problem.errors().isEmpty()) {
                    errors.add(null, problem.detail() == null ? reasons.text("form.error.refused")
                            : reasons.translate(problem.detail()));
                }
                for (ServiceProblem.FieldError e : problem.errors()) {
                    String field = formField.apply(e.field());
                    String text = reasons.translate(e.reason());
                    errors.add(field, field == null ? label(e.field()) + text : text);
                }
            }
            case UNAVAILABLE -> {
                errors.unavailable();
                errors.add(null, reasons.text(problem.status() == 0 ? "form.error.noAnswer" : "form.error.unavailable",
                        reasons.text(problem.service().messageKey())));
            }
            default -> throw problem;
        }
    }

    private String label(String serviceField) {
        return serviceField == null || serviceField.startsWith("(") ? "" : serviceField + ": ";
    }

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)](?:\\.(.+))?");

    /** {@code members[2].dateOfBirth} → ("members", 2, "dateOfBirth"); null when the field is not indexed. */
    public record Indexed(String list, int index, String rest) {

        public static Indexed of(String field) {
            Matcher m = INDEXED.matcher(field == null ? "" : field);
            return m.matches() ? new Indexed(m.group(1), Integer.parseInt(m.group(2)), m.group(3)) : null;
        }
    }
}
