package vn.giamngheo.portal.programme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.giamngheo.portal.PortalProperties;
import vn.giamngheo.portal.programme.ProgrammeViews.Plan;
import vn.giamngheo.portal.programme.ProgrammeViews.PlanProgress;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * A plan's progress, live: the browser's EventSource opens this endpoint; the portal opens reporting-service's
 * stream of the plan's area ({@code GET /api/v1/areas/{area}/stream}) and, on each {@code figures} event, reads the
 * plan's progress as the person (the token stays on the server) and sends it on as a {@code progress} event with the
 * rows the page shows. Each relay lives {@link ProgrammeProperties#streamLifetime()} (then the browser reconnects, with
 * the person's refreshed token); the relays held by one person and by all are bounded (429 beyond); a browser that
 * left is found out by the service's next heartbeat, which is passed on.
 */
@Controller
class LiveRelay {

    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ProgrammeCalls calls;
    private final ProgressRows rows;
    private final ServiceClient services;
    private final ProgrammeProperties properties;
    private final URI reporting;
    private final HttpClient http;
    private final PortalProperties.Timeouts timeouts;
    private final VietnameseFormats vi;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> byPerson = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("live-relay-watchdog").factory());

    LiveRelay(ProgrammeCalls calls, ProgressRows rows, ServiceClient services, ProgrammeProperties properties,
            PortalProperties portal, VietnameseFormats vi) {
        this.vi = vi;
        this.calls = calls;
        this.rows = rows;
        this.services = services;
        this.properties = properties;
        this.reporting = portal.services().reporting();
        this.timeouts = portal.timeouts();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(portal.timeouts().connect()).build();
    }

    /** How many relays are open now (for the tests and the logs). */
    int open() {
        return open.get();
    }

    @GetMapping(path = PlanController.BASE + "/{id}/truc-tiep", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> relay(@PathVariable String id) {
        RegistryCalls.requireId(id);
        String token = calls.token();
        // Read as the person first: a plan they may not read, or that does not exist, is their error page.
        Plan plan = calls.get(u -> u.path("/api/v1/plans/{id}").build(id), Plan.class);
        String person = PageModel.current() == null ? "?" : PageModel.current().login();
        if (!take(person)) {
            return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER,
                    String.valueOf(properties.reconnect().toSeconds() * 10)).build();
        }
        SseEmitter emitter = new SseEmitter(properties.streamLifetime().plusSeconds(30).toMillis());
        AtomicBoolean released = new AtomicBoolean();
        AtomicReference<InputStream> upstream = new AtomicReference<>();
        Runnable end = () -> {
            if (released.compareAndSet(false, true)) {
                release(person);
            }
            closeQuietly(upstream.get());
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(e -> end.run());
        Thread.ofVirtual().name("live-relay-" + id).start(() -> {
            try {
                run(plan, token, emitter, upstream);
            } finally {
                end.run();
                emitter.complete();
            }
        });
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }

    private void run(Plan plan, String token, SseEmitter emitter, AtomicReference<InputStream> upstream) {
        long deadline = System.nanoTime() + properties.streamLifetime().toNanos();
        URI stream = URI.create(reporting.toString().replaceAll("/$", "") + "/api/v1/areas/"
                + URLEncoder.encode(plan.area(), StandardCharsets.UTF_8) + "/stream");
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(stream)
                    .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                    .timeout(timeouts.connect().plus(timeouts.read())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            upstream.set(response.body());
            if (response.statusCode() != 200) {
                log.warn("reporting-service's stream of {} answered {}", plan.area(), response.statusCode());
                return;
            }
            // A service that stops sending (not even its heartbeat) does not hold the relay past its lifetime.
            watchdog.schedule(() -> closeQuietly(response.body()),
                    properties.streamLifetime().plus(timeouts.read()).toMillis(), TimeUnit.MILLISECONDS);
            emitter.send(SseEmitter.event().reconnectTime(properties.reconnect().toMillis()).comment("relay"));
            BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String event = null;
            String line;
            while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
                if (line.isEmpty()) {
                    if ("figures".equals(event) && !forward(plan, token, emitter)) {
                        return;
                    }
                    event = null;
                } else if (line.startsWith(":")) {
                    emitter.send(SseEmitter.event().comment(""));
                } else if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                }
            }
        } catch (IOException e) {
            // The browser left, the service's stream ended or the watchdog closed it: the relay ends.
            log.debug("Relay of plan {} ended: {}", plan.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the plan's progress now; false when the person's token is no longer accepted (the browser reconnects). */
    private boolean forward(Plan plan, String token, SseEmitter emitter) throws IOException {
        PlanProgress progress;
        try {
            progress = services.get(Service.REPORTING, u -> u.path("/api/v1/plans/{id}/progress").build(plan.id()),
                    PlanProgress.class, token);
        } catch (ServiceProblem problem) {
            if (problem.kind() == ServiceProblem.Kind.SIGN_IN_AGAIN || problem.kind() == ServiceProblem.Kind.NOT_ALLOWED) {
                return false;
            }
            log.warn("Live progress of plan {} not read: {}", plan.id(), problem.getMessage());
            return true;
        }
        emitter.send(SseEmitter.event().name("progress").data(new ProgressRows.Update(
                calls.reasons().text("programme.progress.asOf", vi.date(progress.asOf())),
                LocalTime.now(VietnameseFormats.VIETNAM).format(TIME), rows.of(progress)),
                MediaType.APPLICATION_JSON));
        return true;
    }

    private boolean take(String person) {
        if (open.incrementAndGet() > properties.streamsTotal()) {
            open.decrementAndGet();
            return false;
        }
        boolean[] taken = {false};
        byPerson.compute(person, (p, n) -> {
            int held = n == null ? 0 : n;
            taken[0] = held < properties.streamsPerPerson();
            return taken[0] ? held + 1 : n;
        });
        if (!taken[0]) {
            open.decrementAndGet();
        }
        return taken[0];
    }

    private void release(String person) {
        byPerson.computeIfPresent(person, (p, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing is all that is wanted.
            }
        }
    }
}
