package vn.giamngheo.reporting.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.ClientKey;
import vn.giamngheo.reporting.ReportingProperties;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.figures.FigureCalculator;

/** The public dashboard's data: aggregates of an area today, its month-end trend this year, and its live stream. */
@RestController
class LiveController {

    record Dashboard(Snapshot snapshot, List<Trend> trend) {
    }

    record Trend(LocalDate date, long poor, long nearPoor, java.math.BigDecimal healthInsurance) {
    }

    /** A year's trend of an area as computed at an index version (twelve passes over every household). */
    private static final java.time.Duration TREND_MAX_AGE = java.time.Duration.ofSeconds(10);

    private record CachedTrend(long version, long computedAt, List<Trend> points) {
    }

    private final java.util.Map<String, CachedTrend> trends = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> streamsByClient = new ConcurrentHashMap<>();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final FactIndex index;

    private final LiveProgress live;
    private final Areas areas;
    private final FigureCalculator calculator;
    private final Clock clock;
    private final ReportingProperties properties;

    LiveController(LiveProgress live, Areas areas, FigureCalculator calculator, Clock clock,
            ReportingProperties properties, FactIndex index, MeterRegistry registry) {
        Gauge.builder("giamngheo.live.streams", openStreams, AtomicInteger::get)
                .description("Live (server-sent events) streams held open").register(registry);
        this.index = index;
        this.live = live;
        this.areas = areas;
        this.calculator = calculator;
        this.clock = clock;
        this.properties = properties;
    }

    /** Today's snapshot of {@code area} and the month-end trend of {@code year} (default this year). */
    @GetMapping("/api/v1/dashboard")
    Dashboard dashboard(@RequestParam(required = false) String area, @RequestParam(required = false) Integer year) {
        LocalDate today = LocalDate.now(clock);
        Area resolved = areas.resolve(area == null ? properties.dashboard().area() : area, today);
        int y = year == null ? today.getYear() : year;
        if (y < areas.firstDay().getYear() || y > today.getYear()) {
            throw ApiException.invalid("year", "must be between " + areas.firstDay().getYear() + " and "
                    + today.getYear() + "; was " + y);
        }
        LocalDate last = y == today.getYear() ? today : LocalDate.of(y, 12, 31);
        // The public page asks on every load: recompute only when a fact changed (or the day did), and then at most
        // every TREND_MAX_AGE: each trend is twelve passes over all households, which a busy review day (facts
        // changing every millisecond, the page loaded by many) must not pay on every load. The snapshot is live.
        long version = index.version();
        long now = System.nanoTime();
        CachedTrend cached = trends.compute(resolved.key() + ":" + last, (k, old) -> old != null
                && (old.version() == version || now - old.computedAt() < TREND_MAX_AGE.toNanos()) ? old
                : new CachedTrend(version, now, calculator.monthly(resolved, y, last).stream().map(e -> new Trend(
                        e.getKey(), e.getValue().poor(), e.getValue().nearPoor(),
                        e.getValue().healthInsurance().percent())).toList()));
        if (trends.size() > 200) {
            trends.clear();
        }
        return new Dashboard(live.snapshot(resolved), cached.points());
    }

    /**
     * Server-sent events named {@code figures}, each a {@link Snapshot}: the current one, then each change. Open to
     * anyone, so the streams one address holds, and all together, are bounded (a 429 beyond).
     */
    @GetMapping(path = "/api/v1/areas/{area}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String area, HttpServletRequest request) {
        Area resolved = areas.resolve(area, LocalDate.now(clock));
        String client = ClientKey.of(request);
        ReportingProperties.Streams limits = properties.streams();
        if (openStreams.incrementAndGet() > limits.total()) {
            openStreams.decrementAndGet();
            throw tooMany("The service holds its most live streams (" + limits.total() + ")");
        }
        boolean[] taken = {false};
        streamsByClient.compute(client, (c, n) -> {
            int held = n == null ? 0 : n;
            taken[0] = held < limits.perClient();
            return taken[0] ? held + 1 : n;
        });
        if (!taken[0]) {
            openStreams.decrementAndGet();
            throw tooMany("Your address holds " + limits.perClient() + " live streams already; close one first");
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                streamsByClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
                openStreams.decrementAndGet();
            }
        };
        try {
            return live.subscribe(resolved, release);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /** A place frees when a stream ends; a client that left is found out by the next heartbeat. */
    private ApiException tooMany(String detail) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail, List.of(),
                properties.streams().heartbeat());
    }
}
