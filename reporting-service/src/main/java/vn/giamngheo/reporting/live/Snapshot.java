package vn.giamngheo.reporting.live;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.reporting.figures.Figures;
import vn.giamngheo.reporting.plans.Progress;

/**
 * What the dashboard shows of an area on a day, and what its SSE stream sends whenever that changes: the total, one
 * row per ward or commune, and the progress of the area's current plan (null when it has none). Aggregates only.
 */
public record Snapshot(String area, String code, String name, LocalDate asOf, Figures total, List<Figures> units,
        Progress.PlanProgress plan) {
}
