package vn.giamngheo.portal.desk;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each department's own policy-service instance ({@code portal.departments.<DEPARTMENT>.url}): a department's desk
 * calls its department's instance only. A department not listed is served by {@code portal.services.policy}.
 *
 * @param departments by department code as in the tokens and policy-service (EDUCATION, SOCIAL_POLICY_BANK,
 *                    HEALTH_INSURANCE, LABOUR, JUSTICE)
 */
@ConfigurationProperties("portal")
public record DeskProperties(Map<String, Instance> departments) {

    public DeskProperties {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }

    /** @param url where the portal's server reaches the department's policy-service */
    public record Instance(URI url) {
    }
}
