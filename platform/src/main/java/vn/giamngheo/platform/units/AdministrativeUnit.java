package vn.giamngheo.platform.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of an administrative unit. A code alone is not a key: 08707 was Phường Tích Sơn until 2025-06-30 and is
 * Phường Vĩnh Yên from 2025-07-01, so a unit is identified by its code and the date.
 *
 * @param validTo    last day in force (inclusive); null while in force
 * @param successors the codes that took over its territory the day after {@code validTo}; two or more when it was
 *                   split (Xã Vầy Nưa → 04828 and 04891), none for a district level that was abolished
 */
public record AdministrativeUnit(
        String code,
        String name,
        UnitType type,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> successors) {

    public AdministrativeUnit {
        successors = successors == null ? List.of() : List.copyOf(successors);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public Optional<AreaType> areaType() {
        return type.areaType();
    }

    /** Whether its territory was divided between several successors (NSO table: "nhập một phần"). */
    public boolean isSplit() {
        return successors.size() > 1;
    }
}
