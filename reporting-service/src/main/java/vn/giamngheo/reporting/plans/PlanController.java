package vn.giamngheo.reporting.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.reporting.signals.InputsChanged;
import vn.giamngheo.reporting.areas.Areas;

@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

    private final Plans plans;
    private final Progress progress;
    private final Areas areas;
    private final Clock clock;

    private final InputsChanged live;

    PlanController(Plans plans, Progress progress, Areas areas, Clock clock, InputsChanged live) {
        this.live = live;
        this.plans = plans;
        this.progress = progress;
        this.areas = areas;
        this.clock = clock;
    }

    @GetMapping
    List<Plan> list() {
        return plans.list();
    }

    @GetMapping("/{id}")
    Plan get(@PathVariable String id) {
        return plans.get(id);
    }

    @PutMapping("/{id}")
    Plan save(@PathVariable String id, @RequestBody Plan plan) {
        Plan saved = plans.save(id, plan);
        live.signal();
        return saved;
    }

    /** Progress on {@code asOf} (default today; a day after the period gives the final result). */
    @GetMapping("/{id}/progress")
    Progress.PlanProgress progress(@PathVariable String id, @RequestParam(required = false) String asOf) {
        Plan plan = plans.get(id);
        return progress.of(plan, areas.date("asOf", asOf, LocalDate.now(clock)));
    }
}
