package vn.giamngheo.reporting.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.figures.FigureCalculator;
import vn.giamngheo.reporting.figures.Figures;
import vn.giamngheo.reporting.figures.Indicator;

/**
 * A plan's progress on a day: each target's baseline (the figure the day before the period starts), its value now,
 * what has been achieved, where the period will end at this pace, and a status — ACHIEVED, ON_TRACK (the pace reaches
 * the target), AT_RISK (it does not), MISSED (the period is over) or NO_DATA (a rate without statistics, a coverage
 * of nobody).
 */
@Component
public class Progress {

    public record TargetProgress(String indicator, String name, String unit, String goal, BigDecimal targetMin,
            BigDecimal targetMax, BigDecimal baseline, BigDecimal current, BigDecimal achieved, BigDecimal projected,
            BigDecimal percentOfTarget, String status) {
    }

    public record PlanProgress(Plan plan, String areaName, LocalDate asOf, LocalDate baselineDate,
            BigDecimal elapsedPercent, List<TargetProgress> targets) {
    }

    private final FigureCalculator calculator;
    private final Plans plans;

    public Progress(FigureCalculator calculator, Plans plans) {
        this.calculator = calculator;
        this.plans = plans;
    }

    public PlanProgress of(Plan plan, LocalDate asOf) {
        return of(plan, asOf, calculator::of);
    }

    /** @param figures where the area's figures on a day come from (the live streams keep today's current) */
    public PlanProgress of(Plan plan, LocalDate asOf, BiFunction<Area, LocalDate, Figures> figures) {
        Area area = plans.areaOf(plan);
        LocalDate day = asOf.isAfter(plan.to()) ? plan.to() : asOf.isBefore(plan.from()) ? plan.from() : asOf;
        LocalDate baselineDate = plan.from().minusDays(1);
        Figures baseline = figures.apply(area, baselineDate);
        Figures current = figures.apply(area, day);
        double elapsed = (ChronoUnit.DAYS.between(plan.from(), day) + 1.0)
                / (ChronoUnit.DAYS.between(plan.from(), plan.to()) + 1.0);
        boolean over = !asOf.isBefore(plan.to());
        List<TargetProgress> targets = plan.targets().stream()
                .map(t -> target(t, Indicator.valueOf(t.indicator()), baseline, current, elapsed, over)).toList();
        return new PlanProgress(plan, area.name(), day, baselineDate,
                BigDecimal.valueOf(elapsed * 100).setScale(1, RoundingMode.HALF_UP), targets);
    }

    static TargetProgress target(Plan.Target t, Indicator indicator, Figures baselineFigures, Figures currentFigures,
            double elapsed, boolean over) {
        BigDecimal baseline = baselineFigures.value(indicator);
        BigDecimal current = currentFigures.value(indicator);
        BigDecimal achieved = null;
        BigDecimal projected = null;
        BigDecimal percent = null;
        String status;
        if (current == null || (indicator.goal() == Indicator.Goal.REDUCE && baseline == null)) {
            status = "NO_DATA";
        } else if (indicator.goal() == Indicator.Goal.REDUCE) {
            achieved = baseline.subtract(current);
            BigDecimal pace = achieved.divide(BigDecimal.valueOf(elapsed), 4, RoundingMode.HALF_UP);
            projected = baseline.subtract(pace).setScale(current.scale(), RoundingMode.HALF_UP);
            percent = t.min().signum() == 0 ? null
                    : achieved.multiply(BigDecimal.valueOf(100)).divide(t.min(), 1, RoundingMode.HALF_UP);
            status = achieved.compareTo(t.min()) >= 0 ? "ACHIEVED" : over ? "MISSED"
                    : pace.compareTo(t.min()) >= 0 ? "ON_TRACK" : "AT_RISK";
        } else {
            BigDecimal start = baseline == null ? current : baseline;
            achieved = current.subtract(start);
            projected = start.add(achieved.divide(BigDecimal.valueOf(elapsed), 4, RoundingMode.HALF_UP))
                    .min(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
            percent = t.min().signum() == 0 ? null
                    : current.multiply(BigDecimal.valueOf(100)).divide(t.min(), 1, RoundingMode.HALF_UP);
            status = current.compareTo(t.min()) >= 0 ? "ACHIEVED" : over ? "MISSED"
                    : projected.compareTo(t.min()) >= 0 ? "ON_TRACK" : "AT_RISK";
        }
        return new TargetProgress(indicator.name(), indicator.nameVi(), indicator.unit(), indicator.goal().name(),
                t.min(), t.max(), baseline, current, achieved, projected, percent, status);
    }
}
