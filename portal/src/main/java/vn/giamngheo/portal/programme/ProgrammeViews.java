package vn.giamngheo.portal.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** reporting-service's plans, progress, statistics and training records, as the programme pages read and send them. */
final class ProgrammeViews {

    private ProgrammeViews() {
    }

    /** The indicators a plan can set targets on, in the order of reporting-service's Indicator. */
    static final List<String> INDICATORS = List.of("POOR_HOUSEHOLDS", "NEAR_POOR_HOUSEHOLDS", "POOR_RATE",
            "NEAR_POOR_RATE", "HEALTH_INSURANCE_COVERAGE", "EDUCATION_SUPPORT_COVERAGE", "LOAN_COVERAGE",
            "OFFICERS_TRAINED");

    record Plan(String id, String title, String basis, String area, int year, LocalDate from, LocalDate to,
            List<Target> targets) {

        Plan {
            targets = targets == null ? List.of() : targets;
        }
    }

    record Target(String indicator, BigDecimal min, BigDecimal max) {
    }

    record TargetProgress(String indicator, String name, String unit, String goal, BigDecimal targetMin,
            BigDecimal targetMax, BigDecimal baseline, BigDecimal current, BigDecimal achieved, BigDecimal projected,
            BigDecimal percentOfTarget, String status) {
    }

    record PlanProgress(Plan plan, String areaName, LocalDate asOf, LocalDate baselineDate,
            BigDecimal elapsedPercent, List<TargetProgress> targets) {
    }

    /** A row of the statistics office's figures. */
    record StatisticsRow(String unitCode, int year, long households, long population, Long officers) {
    }

    record Attendee(String officerId, String unitCode) {
    }

    record Course(String id, String title, String organiser, LocalDate startDate, LocalDate endDate,
            List<Attendee> attendees) {

        Course {
            attendees = attendees == null ? List.of() : attendees;
        }
    }
}
