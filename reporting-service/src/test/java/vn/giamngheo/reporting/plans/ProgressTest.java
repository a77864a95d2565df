package vn.giamngheo.reporting.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.giamngheo.reporting.figures.Figures;
import vn.giamngheo.reporting.figures.Indicator;

/** The status of a target from its baseline, its value now and the share of the period gone by. */
class ProgressTest {

    private static Figures poor(long poor, String healthInsurancePercent) {
        Map<String, Long> households = new HashMap<>(Map.of("POOR", poor, "NEAR_POOR", 0L, "MIDDLE", 0L,
                "ABOVE", 0L, "UNCLASSIFIED", 0L));
        Figures.Coverage none = new Figures.Coverage(0, 0, null, "");
        Figures.Coverage insurance = healthInsurancePercent == null ? none
                : new Figures.Coverage(100, 0, new BigDecimal(healthInsurancePercent), "");
        return new Figures("243@2021-01-01", "Thành phố Vĩnh Yên", LocalDate.parse("2022-06-30"), households, 0, 0,
                null, null, null, Map.of(), Map.of(), insurance, none, none, none);
    }

    private static String status(Indicator indicator, String min, Figures baseline, Figures now, double elapsed,
            boolean over) {
        return Progress.target(new Plan.Target(indicator.name(), new BigDecimal(min), null), indicator, baseline, now,
                elapsed, over).status();
    }

    @Test
    void aReductionIsOnTrackWhenThePaceReachesTheTargetAndAtRiskWhenItDoesNot() {
        // 85 fewer poor households in the year; half the year gone.
        assertThat(status(Indicator.POOR_HOUSEHOLDS, "85", poor(400, null), poor(350, null), 0.5, false))
                .isEqualTo("ON_TRACK");   // 50 in half a year: 100 at this pace
        assertThat(status(Indicator.POOR_HOUSEHOLDS, "85", poor(400, null), poor(380, null), 0.5, false))
                .isEqualTo("AT_RISK");    // 20 in half a year: 40 at this pace
        assertThat(status(Indicator.POOR_HOUSEHOLDS, "85", poor(400, null), poor(310, null), 0.5, false))
                .isEqualTo("ACHIEVED");
        assertThat(status(Indicator.POOR_HOUSEHOLDS, "85", poor(400, null), poor(380, null), 1.0, true))
                .isEqualTo("MISSED");
    }

    @Test
    void theTrajectoryIsTheEndOfThePeriodAtThisPace() {
        Progress.TargetProgress t = Progress.target(new Plan.Target("POOR_HOUSEHOLDS", BigDecimal.valueOf(85), null),
                Indicator.POOR_HOUSEHOLDS, poor(400, null), poor(370, null), 0.25, false);
        assertThat(t.achieved()).isEqualByComparingTo("30");
        assertThat(t.projected()).isEqualByComparingTo("280");
        assertThat(t.percentOfTarget()).isEqualByComparingTo("35.3");
    }

    @Test
    void aCoverageIsReachedOrProjectedAndARateWithoutStatisticsHasNoData() {
        assertThat(status(Indicator.HEALTH_INSURANCE_COVERAGE, "100", poor(1, "80"), poor(1, "85"), 0.5, false))
                .isEqualTo("AT_RISK");    // 80 → 85 in half a year: 90 at the end
        assertThat(status(Indicator.HEALTH_INSURANCE_COVERAGE, "100", poor(1, "80"), poor(1, "90"), 0.5, false))
                .isEqualTo("ON_TRACK");   // 80 → 90 in half a year: 100 at the end
        assertThat(status(Indicator.HEALTH_INSURANCE_COVERAGE, "100", poor(1, "80"), poor(1, "100"), 0.5, false))
                .isEqualTo("ACHIEVED");
        assertThat(status(Indicator.HEALTH_INSURANCE_COVERAGE, "100", poor(1, null), poor(1, null), 0.5, false))
                .isEqualTo("NO_DATA");
        assertThat(status(Indicator.POOR_RATE, "0.2", poor(1, null), poor(1, null), 0.5, false))
                .isEqualTo("NO_DATA");
    }
}
