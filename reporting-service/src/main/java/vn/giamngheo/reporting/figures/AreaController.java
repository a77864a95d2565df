package vn.giamngheo.reporting.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;

/**
 * Figures of any area on any day: a unit in force then, one that no longer exists, or one that did not exist yet (its
 * territory's households roll up through the dated successors). Aggregates only.
 */
@RestController
@RequestMapping("/api/v1/areas")
class AreaController {

    record AreaView(String key, String code, String name, String type, LocalDate validFrom, LocalDate validTo) {

        static AreaView of(Area area) {
            return new AreaView(area.key(), area.code(), area.name(), area.unit().type().name(),
                    area.unit().validFrom(), area.unit().validTo());
        }
    }

    record UnitRows(AreaView area, LocalDate asOf, Figures total, List<Figures> units) {
    }

    record ChangesView(AreaView area, LocalDate from, LocalDate to, FigureCalculator.Changes changes) {
    }

    record TrendPoint(LocalDate date, long poor, long nearPoor, java.math.BigDecimal poorRate,
            java.math.BigDecimal nearPoorRate, java.math.BigDecimal healthInsurance) {
    }

    private final Areas areas;
    private final FigureCalculator calculator;
    private final Clock clock;

    AreaController(Areas areas, FigureCalculator calculator, Clock clock) {
        this.areas = areas;
        this.calculator = calculator;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @GetMapping("/{area}")
    AreaView area(@PathVariable String area, @RequestParam(required = false) String asOf) {
        return AreaView.of(areas.resolve(area, areas.date("asOf", asOf, today())));
    }

    @GetMapping("/{area}/figures")
    Figures figures(@PathVariable String area, @RequestParam(required = false) String asOf) {
        LocalDate date = areas.date("asOf", asOf, today());
        return calculator.of(areas.resolve(area, date), date);
    }

    /** The area's total and one row per commune-level unit in force that day inside it. */
    @GetMapping("/{area}/units")
    UnitRows units(@PathVariable String area, @RequestParam(required = false) String asOf) {
        LocalDate date = areas.date("asOf", asOf, today());
        Area whole = areas.resolve(area, date);
        List<Area> rows = areas.communesWithin(whole, date);
        List<Area> all = new ArrayList<>(rows);
        all.add(whole);
        Map<String, Figures> figures = calculator.of(all, date);
        return new UnitRows(AreaView.of(whole), date, figures.get(whole.key()),
                rows.stream().map(a -> figures.get(a.key())).toList());
    }

    @GetMapping("/{area}/changes")
    ChangesView changes(@PathVariable String area, @RequestParam String from, @RequestParam(required = false) String to) {
        LocalDate last = areas.date("to", to, today());
        LocalDate first = areas.date("from", from, today());
        if (first.isAfter(last)) {
            throw ApiException.invalid("from", "is after to (" + last + ")");
        }
        Area whole = areas.resolve(area, last);
        return new ChangesView(AreaView.of(whole), first, last,
                calculator.changes(List.of(whole), first, last).get(whole.key()));
    }

    /** Month-end values over a year (to today for the current year). */
    @GetMapping("/{area}/trend")
    List<TrendPoint> trend(@PathVariable String area, @RequestParam(required = false) Integer year) {
        LocalDate today = today();
        int y = year == null ? today.getYear() : year;
        if (y < areas.firstDay().getYear() || y > today.getYear()) {
            throw ApiException.invalid("year", "must be between " + areas.firstDay().getYear() + " and "
                    + today.getYear() + "; was " + y);
        }
        LocalDate last = y == today.getYear() ? today : LocalDate.of(y, 12, 31);
        Area whole = areas.resolve(area, last);
        return calculator.monthly(whole, y, last).stream().map(e -> new TrendPoint(e.getKey(), e.getValue().poor(),
                e.getValue().nearPoor(), e.getValue().poorRate(), e.getValue().nearPoorRate(),
                e.getValue().healthInsurance().percent())).toList();
    }
}
