package vn.giamngheo.reporting.training;

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
@RequestMapping("/api/v1/training/courses")
class TrainingController {

    private final Training training;
    private final Areas areas;
    private final Clock clock;

    private final InputsChanged live;

    TrainingController(Training training, Areas areas, Clock clock, InputsChanged live) {
        this.live = live;
        this.training = training;
        this.areas = areas;
        this.clock = clock;
    }

    @PutMapping("/{id}")
    Training.Course record(@PathVariable String id, @RequestBody Training.Course course) {
        Training.Course stored = training.record(id, course);
        live.signal();
        return stored;
    }

    @GetMapping
    List<Training.Course> list(@RequestParam(required = false) String area,
            @RequestParam(required = false) Integer year) {
        return training.list(area == null ? null : areas.resolve(area, LocalDate.now(clock)), year);
    }
}
