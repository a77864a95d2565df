package vn.giamngheo.household.classification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.platform.units.AreaType;

/**
 * One version of the multidimensional poverty standard, as loaded from its file.
 *
 * @param incomeLines       line name → area type → VND per person per month
 * @param provisionalLines  line name → why that line is provisional (e.g. a band carried from the previous standard
 *                          until an administrator sets one); lines not named here are as sure as the standard
 */
public record PovertyStandard(
        String code,
        String name,
        String legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        boolean provisional,
        Map<String, Map<AreaType, Long>> incomeLines,
        Map<String, String> provisionalLines,
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

    /** The poverty line, which poor and near-poor households are within. */
    public static final String POVERTY = "poverty";

    /** The middle-living band's upper line (hộ có mức sống trung bình), when the standard has one. */
    public static final String MIDDLE = "middle";

    /**
     * This standard with the lines of {@code name} replaced, everything else unchanged: a what-if, never stored.
     * A line equal to the poverty line leaves its band empty.
     *
     * @param reason why these lines, shown with the figures (null: the lines are as sure as the standard)
     */
    public PovertyStandard withLine(String lineName, Map<AreaType, Long> lines, String reason) {
        Map<String, Map<AreaType, Long>> changed = new LinkedHashMap<>(incomeLines);
        changed.put(lineName, Map.copyOf(lines));
        Map<String, String> provisional = new LinkedHashMap<>(provisionalLines);
        provisional.remove(lineName);
        if (reason != null) {
            provisional.put(lineName, reason);
        }
        return new PovertyStandard(code, name, legalBasis, effectiveFrom, effectiveTo, this.provisional,
                Map.copyOf(changed), Map.copyOf(provisional), classes, aboveExplanation, indicators, file);
    }
}
