package vn.giamngheo.portal.units;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * and the units a person may filter by. A household may still be recorded under a code of the units before the
 * 2025 reorganisation (Vĩnh Yên's nine 2022 wards and communes): such a code is named as it was then, marked former.
 * When household-service cannot be reached the codes are shown as they are.
 */
@Component
public class Units {

    /** A commune-level unit as the units API describes it (fields the portal uses). */
    public record Unit(String code, String name, String level) {
    }

    private static final Duration KEEP = Duration.ofHours(1);
    /** The last day of the units before the reorganisation of 2025-07-01 (Resolution 60-NQ/TW). */
    private static final String BEFORE_REORGANISATION = "2025-06-30";
    private static final ParameterizedTypeReference<List<Unit>> UNITS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Former>> FORMER = new ParameterizedTypeReference<>() { };
    private static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);

    /** A unit of before the reorganisation with the units its territory went to (several: it was split). */
    private record Former(String code, String name, String level, List<String> successors) {
    }

    private final ServiceClient services;
    private volatile Map<String, Unit> communes = Map.of();
    private volatile Map<String, Unit> former = Map.of();
    private volatile Map<String, List<String>> splits = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    Units(ServiceClient services) {
        this.services = services;
    }

    /** "Phường Vĩnh Phúc (08707)"; the code alone when the unit is unknown. */
    public String label(String code) {
        String name = name(code);
        return name.equals(code) ? code : name + " (" + code + ")";
    }

    /** Today's name of the unit; for a code no longer in force, its name before 2025-07-01 marked "(cũ)". */
    public String name(String code) {
        Unit unit = all().get(code);
        if (unit != null) {
            return unit.name();
        }
        Unit was = former.get(code);
        return was == null ? code : was.name() + " (cũ)";
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

    /**
     * The units a household recorded under {@code code} on {@code recordedOn} may lie in today, when that unit was
     * split in the 2025 reorganisation (Xã Vầy Nưa 04891 → 04828 or 04891); empty when it was not (or is unknown).
     * household-service decides; this only lets a page say where the choice is to be made.
     */
    public List<String> successorsOf(String code, LocalDate recordedOn) {
        if (code == null || recordedOn == null || !recordedOn.isBefore(REORGANISED)) {
            return List.of();
        }
        all();
        return splits.getOrDefault(code, List.of());
    }

    /** The name of {@code code} before 2025-07-01 (Xã Vầy Nưa for 04891); the code when unknown. */
    public String formerName(String code) {
        all();
        Unit was = former.get(code);
        return was == null ? code : was.name();
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
            Map<String, Unit> before = new LinkedHashMap<>();
            Map<String, List<String>> split = new LinkedHashMap<>();
            for (Former unit : services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/units").queryParam("level",
                    "COMMUNE").queryParam("date", BEFORE_REORGANISATION).build(), FORMER, null)) {
                before.put(unit.code(), new Unit(unit.code(), unit.name(), unit.level()));
                if (unit.successors() != null && unit.successors().size() > 1) {
                    split.put(unit.code(), List.copyOf(unit.successors()));
                }
            }
            communes = Map.copyOf(loaded);
            former = Map.copyOf(before);
            splits = Map.copyOf(split);
            loadedAt = Instant.now();
        } catch (ServiceProblem unavailable) {
            // Shown as codes until the next page asks again.
        }
        return communes;
    }
}
