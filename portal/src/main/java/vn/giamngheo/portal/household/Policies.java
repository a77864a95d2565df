package vn.giamngheo.portal.household;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.household.HouseholdViews.Policy;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;

/**
 * The benefit policies' Vietnamese names by code, from policy-service's public catalogue, kept for an hour. When
 * policy-service cannot be reached the codes are shown.
 */
@Component
public class Policies {

    private static final Duration KEEP = Duration.ofHours(1);
    private static final ParameterizedTypeReference<List<Policy>> POLICIES = new ParameterizedTypeReference<>() { };

    private final ServiceClient services;
    private volatile Map<String, String> names = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    Policies(ServiceClient services) {
        this.services = services;
    }

    public Map<String, String> names() {
        if (!names.isEmpty() && Duration.between(loadedAt, Instant.now()).compareTo(KEEP) < 0) {
            return names;
        }
        try {
            Map<String, String> loaded = new HashMap<>();
            services.get(Service.POLICY, u -> u.path("/api/v1/policies").build(), POLICIES, null)
                    .forEach(p -> loaded.putIfAbsent(p.code(), p.name()));
            names = Map.copyOf(loaded);
            loadedAt = Instant.now();
        } catch (ServiceProblem unavailable) {
            // Codes until the next page asks again.
        }
        return names;
    }
}
