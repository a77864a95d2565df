package vn.giamngheo.reporting.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * The figures of one area at the end of one day. Aggregates only: no household or person appears here.
 *
 * @param households      by class (POOR, NEAR_POOR, MIDDLE, ABOVE) and UNCLASSIFIED
 * @param denominator     the statistics office's households and population the rates are taken over; null when the
 *                        office supplied none for the area
 * @param deprivations    per indicator code, how many poor and near-poor households are deprived on it
 * @param characteristics per {@link Characteristic}, how many poor and near-poor households have it (absent: none)
 */
public record Figures(
        String area,
        String areaName,
        LocalDate asOf,
        Map<String, Long> households,
        long peopleInPoorHouseholds,
        long peopleInNearPoorHouseholds,
        BigDecimal poorRate,
        BigDecimal nearPoorRate,
        Denominator denominator,
        Map<String, Deprived> deprivations,
        Map<String, Deprived> characteristics,
        Coverage healthInsurance,
        Coverage educationSupport,
        Coverage loans,
        Coverage officersTrained) {

    public record Denominator(int year, long households, long population) {
    }

    /** Poor and near-poor households counted (deprived on an indicator, or having a characteristic). */
    public record Deprived(long poor, long nearPoor) {
    }

    /**
     * @param eligible who should be covered (e.g. people aged 6 or more in poor and near-poor households)
     * @param covered  who is
     * @param percent  covered / eligible, null when nobody is eligible
     * @param note     what the figure counts, in Vietnamese
     */
    public record Coverage(long eligible, long covered, BigDecimal percent, String note) {

        public static Coverage of(long eligible, long covered, String note) {
            return new Coverage(eligible, covered, eligible == 0 ? null : Figures.percent(covered, eligible), note);
        }
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    public long poor() {
        return households.getOrDefault("POOR", 0L);
    }

    public long nearPoor() {
        return households.getOrDefault("NEAR_POOR", 0L);
    }

    /** The indicator's value, null where it cannot be computed (a rate without statistics, coverage of nobody). */
    public BigDecimal value(Indicator indicator) {
        return switch (indicator) {
            case POOR_HOUSEHOLDS -> BigDecimal.valueOf(poor());
            case NEAR_POOR_HOUSEHOLDS -> BigDecimal.valueOf(nearPoor());
            case POOR_RATE -> poorRate;
            case NEAR_POOR_RATE -> nearPoorRate;
            case HEALTH_INSURANCE_COVERAGE -> healthInsurance.percent();
            case EDUCATION_SUPPORT_COVERAGE -> educationSupport.percent();
            case LOAN_COVERAGE -> loans.percent();
            case OFFICERS_TRAINED -> officersTrained.percent();
        };
    }
}
