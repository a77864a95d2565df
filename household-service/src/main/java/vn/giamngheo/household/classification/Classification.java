package vn.giamngheo.household.classification;

import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.units.AreaType;

/**
 * The result of classifying a household: the class, under which standard and area type, and why.
 *
 * @param explanation Vietnamese sentences an officer or a citizen can read
 */
public record Classification(
        HouseholdClass householdClass,
        PovertyStandard standard,
        AreaType areaType,
        BigDecimal monthlyIncomePerCapitaVnd,
        List<Deprivation> deprivations,
        List<String> explanation) {

    /** A deprived indicator and the reason, in Vietnamese. */
    public record Deprivation(String code, String nameVi, String reason) {
    }

    public List<String> deprivedCodes() {
        return deprivations.stream().map(Deprivation::code).toList();
    }
}
