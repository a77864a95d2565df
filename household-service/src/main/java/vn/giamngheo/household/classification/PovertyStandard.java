package vn.giamngheo.household.classification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.platform.units.AreaType;

/**
 * One version of the multidimensional poverty standard, as loaded from its file.
 *
 * @param incomeLines line name → area type → VND per person per month
 */
public record PovertyStandard(
        String code,
        String name,
        String legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        boolean provisional,
        Map<String, Map<AreaType, Long>> incomeLines,
        List<ClassRule> classes,
        String aboveExplanation,
        List<DeprivationIndicator> indicators,
        String file) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public Optional<DeprivationIndicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public long line(String name, AreaType area) {
        return incomeLines.get(name).get(area);
    }
}
