package vn.giamngheo.portal.programme;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.programme.ProgrammeViews.PlanProgress;
import vn.giamngheo.portal.programme.ProgrammeViews.TargetProgress;
import vn.giamngheo.portal.registry.Reasons;

/**
 * A plan's progress as the page shows it, each figure already written as people read it: the same rows fill the
 * table when the page loads and, through the live stream, update its cells in place.
 */
@Component
class ProgressRows {

    /** One target's row; the figures as text ("5,2 %", "12 hộ"), the status as its code and its words. */
    record Row(String indicator, String name, String target, String baseline, String current, String achieved,
            String projected, String percent, String status, String statusText) {
    }

    /** What the live stream sends: the day, the time of the update and the rows. */
    record Update(String asOf, String at, List<Row> rows) {
    }

    private final ProgrammeCalls calls;
    private final Reasons reasons;

    ProgressRows(ProgrammeCalls calls) {
        this.calls = calls;
        this.reasons = calls.reasons();
    }

    List<Row> of(PlanProgress progress) {
        return progress.targets().stream().map(this::row).toList();
    }

    private Row row(TargetProgress t) {
        boolean reduce = "REDUCE".equals(t.goal());
        String unit = t.unit() == null ? "" : t.unit();
        // A rate is reduced by points; a count by households; a coverage is reached as a percentage.
        String byUnit = reduce && "%".equals(unit) ? reasons.text("programme.unit.points") : unit;
        String target = (reduce ? reasons.text("programme.target.reduce") : reasons.text("programme.target.reach"))
                + " " + calls.decimal(t.targetMin())
                + (t.targetMax() == null ? "" : "–" + calls.decimal(t.targetMax())) + " " + byUnit;
        return new Row(t.indicator(), reasons.text("indicator." + t.indicator()), target.strip(),
                with(t.baseline(), unit), with(t.current(), unit), with(t.achieved(), byUnit),
                with(t.projected(), unit), with(t.percentOfTarget(), "%"), t.status(),
                reasons.text("programme.status." + t.status()));
    }

    private String with(BigDecimal value, String unit) {
        return value == null ? "—" : (calls.decimal(value) + " " + unit).strip();
    }
}
