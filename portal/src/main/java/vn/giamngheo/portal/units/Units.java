package vn.giamngheo.portal.units;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.Officer;

/**
 * The communes and wards in force, from household-service's public units API, kept for an hour: names for codes,
 * and the units a person may filter by. When household-service cannot be reached the codes are shown as they are.
 */
@Component
public class Units {

    /** A commune-level unit as the units API describes it (fields the portal uses). */
    public record Unit(String code, String name, String level) {
    }

    private static final Duration KEEP = Duration.ofHours(1);
    private static final ParameterizedTypeReference<List<Unit>> UNITS = new ParameterizedTypeReference<>() { };

    private final ServiceClient services;
    private volatile Map<String, Unit> communes = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    Units(ServiceClient services) {
        this.services = services;
    }

    /** "Phường Vĩnh Phúc (08707)"; the code alone when the unit is unknown. */
    public String label(String code) {
        Unit unit = all().get(code);
        return unit == null ? code : unit.name() + " (" + code + ")";
    }

    public String name(String code) {
        Unit unit = all().get(code);
        return unit == null ? code : unit.name();
    }

    /** The communes and wards {@code officer} acts for, by name; all of them for the whole province. */
    public List<Unit> of(Officer officer) {
        Map<String, Unit> known = all();
        if (officer.actsForEveryUnit()) {
            return known.values().stream().sorted(Comparator.comparing(Unit::name)).toList();
        }
        return officer.units().stream().map(code -> known.getOrDefault(code, new Unit(code, code, "COMMUNE")))
                .toList();
    }

    private Map<String, Unit> all() {
        if (Duration.between(loadedAt, Instant.now()).compareTo(KEEP) < 0 && !communes.isEmpty()) {
            return communes;
        }
        try {
            Map<String, Unit> loaded = new LinkedHashMap<>();
            for (Unit unit : services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/units").queryParam("level", "COMMUNE")
                    .build(), UNITS, null)) {
                loaded.put(unit.code(), unit);
            }
            communes = Map.copyOf(loaded);
            loadedAt = Instant.now();
        } catch (ServiceProblem unavailable) {
            // Shown as codes until the next page asks again.
        }
        return communes;
    }
}
