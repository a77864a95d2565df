package vn.giamngheo.policy.decisions;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.web.ApiException;

/** Runs the daily job now, e.g. after restoring a backup; it is safe to run any number of times. */
@RestController
class DailyRunController {

    private final DailyDecisions daily;
    private final Clock clock;

    DailyRunController(DailyDecisions daily, Clock clock) {
        this.daily = daily;
        this.clock = clock;
    }

    /** Brings every household's decisions in line on each day that matters up to {@code date} (default today). */
    @PostMapping("/api/v1/decisions/daily-run")
    DailyDecisions.Run run(@RequestParam(required = false) LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = date == null ? today : date;
        if (until.isAfter(today)) {
            throw ApiException.invalid("date", "must not be after today (" + today + "): decisions are not made ahead");
        }
        return daily.run(until);
    }
}
