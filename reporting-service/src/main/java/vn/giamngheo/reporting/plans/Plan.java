package vn.giamngheo.reporting.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan's targets for one area and period, as data (plan-2022.md §I.2). The baseline of every target is the figure
 * at the start of the period.
 *
 * @param area    the area code, optionally with @ and the version's first day
 * @param targets each a minimum and, where the plan gives a range ("65–70 households"), a maximum
 */
public record Plan(String id, String title, String basis, String area, int year, LocalDate from, LocalDate to,
        List<Target> targets) {

    /**
     * @param min for a reduction, the number of households or rate points to reduce by; for a coverage, the
     *            percentage to reach
     */
    public record Target(String indicator, BigDecimal min, BigDecimal max) {
    }
}
