package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.units.UnitType;

/**
 * The fact {@code household.formerProvince}: the province a household's unit belonged to before its territory last
 * changed province. On 2025-07-01 Vĩnh Phúc (26) and Hòa Bình (17) were merged into Phú Thọ (25); a provincial
 * resolution of a former province keeps applying to the communes that came from it until the new province replaces it.
 *
 * <p>Read from the dated units only: a household's unit is the version in force on the reference date (or, for a code
 * no longer in force, its last version: the household's own former unit). If its province is the one its predecessors
 * had, the walk goes on through their predecessors; at the first predecessors in another province version, that
 * province's code is the answer. With no change of province in the unit's history the answer is its own province, so
 * a Vĩnh Yên ward in 2022 and Phường Vĩnh Phúc (08716) in 2026 both answer 26. Empty when the unit is unknown or its
 * predecessors came from different provinces (no 2025 commune did).
 */
public final class FormerProvinces {

    private final UnitCatalog units;
    /** Predecessors of each unit version, by {@code code@validFrom}: the versions that list it as a successor. */
    private final Map<String, List<AdministrativeUnit>> predecessors = new HashMap<>();
    private final Map<AdministrativeUnit, String> answers = new ConcurrentHashMap<>();

    public FormerProvinces(UnitCatalog units) {
        this.units = units;
        for (AdministrativeUnit unit : units.all()) {
            if (unit.validTo() == null) {
                continue;
            }
            for (String successor : unit.successors()) {
                predecessors.computeIfAbsent(successor + "@" + unit.validTo().plusDays(1), k -> new ArrayList<>())
                        .add(unit);
            }
        }
    }

    /** The former province's code for a household of {@code unitCode} on {@code date}; empty when it cannot be told. */
    public String of(String unitCode, LocalDate date) {
        if (unitCode == null) {
            return "";
        }
        Optional<AdministrativeUnit> start = units.find(unitCode, date).or(() -> units.versions(unitCode).stream()
                .filter(u -> u.validTo() != null && u.validTo().isBefore(date)).reduce((a, b) -> b));
        return start.map(unit -> answers.computeIfAbsent(unit, u -> formerProvince(u, new HashSet<>()).orElse("")))
                .orElse("");
    }

    private Optional<String> formerProvince(AdministrativeUnit unit, Set<AdministrativeUnit> seen) {
        Optional<AdministrativeUnit> province = provinceOf(unit);
        if (province.isEmpty() || !seen.add(unit)) {
            return Optional.empty();
        }
        List<AdministrativeUnit> before = predecessors.getOrDefault(unit.code() + "@" + unit.validFrom(), List.of());
        if (before.isEmpty()) {
            return Optional.of(province.get().code());
        }
        Set<String> found = new HashSet<>();
        for (AdministrativeUnit predecessor : before) {
            Optional<AdministrativeUnit> theirs = provinceOf(predecessor);
            if (theirs.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> answer = theirs.get().equals(province.get()) ? formerProvince(predecessor, seen)
                    : Optional.of(theirs.get().code());
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            found.add(answer.get());
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** The province version above {@code unit}, through its parents in force when it started. */
    private Optional<AdministrativeUnit> provinceOf(AdministrativeUnit unit) {
        AdministrativeUnit current = unit;
        for (int level = 0; level < 5; level++) {
            if (current.type() == UnitType.TINH) {
                return Optional.of(current);
            }
            if (current.parentCode() == null) {
                return Optional.empty();
            }
            AdministrativeUnit child = current;
            Optional<AdministrativeUnit> parent = units.find(child.parentCode(), unit.validFrom())
                    .or(() -> units.find(child.parentCode(), child.validFrom()));
            if (parent.isEmpty()) {
                return Optional.empty();
            }
            current = parent.get();
        }
        return Optional.empty();
    }
}
