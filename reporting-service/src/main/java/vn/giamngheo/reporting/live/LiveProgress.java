package vn.giamngheo.reporting.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.figures.FigureCalculator;
import vn.giamngheo.reporting.figures.Figures;
import vn.giamngheo.reporting.figures.Indicator;
import vn.giamngheo.reporting.plans.Plan;
import vn.giamngheo.reporting.plans.Plans;
import vn.giamngheo.reporting.plans.Progress;
import vn.giamngheo.reporting.signals.InputsChanged;

/**
 * Keeps the progress streams current. Every recorded fact signals it with its household; one thread then brings
 * today's figures up to date with the changed households only ({@link FigureCalculator.Running}: the work of a change
 * is the work of its household, not of the whole registry), derives the figures of the tracked areas (the units in
 * force, the plans' areas, and every area someone is watching), publishes
 * each indicator whose value changed to {@code reporting.progress} (through {@link ProgressStore}'s outbox, one bulk
 * write a pass) and sends
 * a new {@link Snapshot} to the SSE subscribers of each area whose figures changed. Signals that arrive while it
 * computes are folded into the next pass, and passes start at least 250 ms apart, so a burst of events costs a few
 * passes, not one per event. It also recomputes every few seconds, for statistics, training records, plans and the
 * change of day.
 */
public class LiveProgress implements SmartLifecycle, InputsChanged {

    private static final Logger log = LoggerFactory.getLogger(LiveProgress.class);

    private final Areas areas;
    private final FigureCalculator calculator;
    private final Plans plans;
    private final Progress progress;
    private final ProgressStore store;
    private final Clock clock;
    private final long periodMillis;
    private final long heartbeatNanos;
    private long lastHeartbeat = System.nanoTime();
    private final BlockingQueue<Boolean> signals = new ArrayBlockingQueue<>(1);
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Snapshot> sent = new ConcurrentHashMap<>();
    private final java.util.Set<String> changed = ConcurrentHashMap.newKeySet();
    private final FactIndex index;
    /** Today's figures kept current by the live thread (only it touches them). */
    private FigureCalculator.Running liveFigures;
    /** The figures of the last pass, for the dashboard's requests. */
    private volatile Latest latest;
    private volatile boolean running;
    private Thread thread;

    LiveProgress(Areas areas, FigureCalculator calculator, Plans plans, Progress progress, ProgressStore store,
            Clock clock, FactIndex index, long periodMillis, Duration heartbeat) {
        this.heartbeatNanos = heartbeat.toNanos();
        this.areas = areas;
        this.calculator = calculator;
        this.plans = plans;
        this.progress = progress;
        this.store = store;
        this.clock = clock;
        this.periodMillis = periodMillis;
        this.index = index;
        index.onChange(timeline -> {
            changed.add(timeline.householdId());
            signal();
        });
    }

    private record Latest(LocalDate date, Map<String, Figures> figures) {
    }

    /** A plan's figures on another day than today (its baseline, or the end of a past plan), as computed then. */
    private record Past(long version, long computedAt, Figures figures) {
    }

    /** The shortest time from the start of a pass to the start of the next. */
    private static final long MIN_GAP_MILLIS = 250;

    /** While facts change, a plan's figures on past days are recomputed at most this often. */
    private static final long PAST_MAX_AGE_NANOS = java.time.Duration.ofSeconds(10).toNanos();

    private final Map<String, Past> past = new ConcurrentHashMap<>();

    /** Asks for a recomputation soon; never blocks. */
    @Override
    public void signal() {
        signals.offer(Boolean.TRUE);
    }

    /**
     * The dashboard's snapshot of {@code area} today: from the last live pass when it covered the area and its units
     * (as current as the streams), otherwise computed now.
     */
    public Snapshot snapshot(Area area) {
        LocalDate today = LocalDate.now(clock);
        List<Area> rows = areas.communesWithin(area, today);
        List<Area> all = new ArrayList<>(rows);
        all.add(area);
        Latest last = latest;
        if (last != null && last.date().equals(today) && all.stream().allMatch(a -> last.figures().containsKey(a.key()))) {
            return snapshot(area, today, last.figures());
        }
        return snapshot(area, today, calculator.of(all, today));
    }

    private Snapshot snapshot(Area area, LocalDate today, Map<String, Figures> figures) {
        Progress.PlanProgress plan = plans.current(area, today).map(p -> progress.of(p, today,
                (a, day) -> figures(a, day, today, figures))).orElse(null);
        return new Snapshot(area.key(), area.code(), area.name(), today, figures.get(area.key()),
                areas.communesWithin(area, today).stream().map(a -> figures.get(a.key())).toList(), plan);
    }

    /** An open stream, and what to run once when it ends (however it ends: completed, timed out, failed, gone). */
    private record Subscriber(SseEmitter emitter, List<Subscriber> list, Runnable closed, AtomicBoolean open) {

        void close() {
            if (open.compareAndSet(true, false)) {
                list.remove(this);
                closed.run();
                // Ends the response too, if it has not ended: a stream that failed a write holds nothing more.
                try {
                    emitter.complete();
                } catch (IllegalStateException alreadyDone) {
                    // completed or failed already
                }
            }
        }
    }

    /** An SSE stream of {@code area}'s snapshots, starting with the current one; {@code closed} runs once at its end. */
    public SseEmitter subscribe(Area area, Runnable closed) {
        SseEmitter emitter = new SseEmitter(0L);
        List<Subscriber> list = subscribers.computeIfAbsent(area.key(), k -> new CopyOnWriteArrayList<>());
        Subscriber subscriber = new Subscriber(emitter, list, closed, new AtomicBoolean(true));
        list.add(subscriber);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(e -> subscriber.close());
        Snapshot current = snapshot(area);
        sent.put(area.key(), current);
        send(subscriber, current);
        return emitter;
    }

    /** An SSE comment to every stream: a write to a client that has gone fails, and frees its place. */
    private void heartbeat() {
        subscribers.values().forEach(list -> list.forEach(subscriber -> {
            try {
                subscriber.emitter().send(SseEmitter.event().comment(""));
            } catch (IOException | IllegalStateException e) {
                subscriber.close();
            }
        }));
    }

    private void send(Subscriber subscriber, Snapshot snapshot) {
        try {
            subscriber.emitter().send(SseEmitter.event().name("figures").data(snapshot, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            subscriber.close();
        }
    }

    /** One pass: today's figures of every tracked area, published where they changed. */
    void recompute() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Area> tracked = new LinkedHashMap<>();
        areas.inForceOn(today).forEach(a -> tracked.put(a.key(), a));
        plans.list().forEach(p -> {
            Area area = plans.areaOf(p);
            tracked.put(area.key(), area);
        });
        Map<String, Area> watched = new LinkedHashMap<>();
        subscribers.forEach((key, list) -> {
            if (!list.isEmpty()) {
                Area area = areas.byKey(key).orElseThrow();
                watched.put(key, area);
                areas.communesWithin(area, today).forEach(a -> watched.putIfAbsent(a.key(), a));
            }
        });
        Map<String, Area> all = new LinkedHashMap<>(tracked);
        watched.forEach(all::putIfAbsent);
        Map<String, Figures> figures = current(today).of(List.copyOf(all.values()));
        latest = new Latest(today, figures);
        Map<String, Progress.PlanProgress> planProgress = new HashMap<>();
        List<ProgressStore.Publication> publications = new ArrayList<>();
        for (Area area : tracked.values()) {
            Optional<Plan> plan = plans.inForce(area, today);
            Optional<Progress.PlanProgress> current = plan.map(p -> planProgress.computeIfAbsent(p.id(),
                    id -> progress.of(p, today, (a, day) -> figures(a, day, today, figures))));
            String key = streamKey(area);
            for (Indicator indicator : Indicator.values()) {
                var value = figures.get(area.key()).value(indicator);
                if (value == null) {
                    continue;
                }
                var target = current.flatMap(p -> p.targets().stream()
                        .filter(t -> t.indicator().equals(indicator.name())).findFirst());
                publications.add(new ProgressStore.Publication(key, indicator.name(), today,
                        new ProgressStore.Value(value, target.map(Progress.TargetProgress::targetMin).orElse(null),
                                target.map(Progress.TargetProgress::status).orElse("NO_TARGET"))));
            }
        }
        store.publishAll(publications);
        subscribers.forEach((key, list) -> {
            if (list.isEmpty()) {
                return;
            }
            Snapshot snapshot = snapshot(watched.get(key), today, figures);
            if (!snapshot.equals(sent.get(key))) {
                sent.put(key, snapshot);
                list.forEach(subscriber -> send(subscriber, snapshot));
            }
        });
    }

    /**
     * An area's figures on a day for plan progress: today's from the live pass; another day's (a baseline, the end of
     * a past plan) from a full computation, redone when a fact changed but at most every 10 s — on a review day facts
     * change every millisecond, and each of these is a pass over every household.
     */
    private Figures figures(Area area, LocalDate day, LocalDate today, Map<String, Figures> live) {
        if (day.equals(today) && live.containsKey(area.key())) {
            return live.get(area.key());
        }
        long version = index.version();
        long now = System.nanoTime();
        return past.compute(area.key() + "@" + day, (k, old) -> old != null && (old.version() == version
                || now - old.computedAt() < PAST_MAX_AGE_NANOS) ? old
                : new Past(version, now, calculator.of(area, day))).figures();
    }

    /** Today's running figures with every changed household applied; rebuilt from all households when the day changes. */
    private FigureCalculator.Running current(LocalDate date) {
        if (liveFigures == null || !liveFigures.date().equals(date)) {
            liveFigures = calculator.running(date);
        }
        for (String householdId : List.copyOf(changed)) {
            changed.remove(householdId);
            index.timeline(householdId).ifPresent(liveFigures::update);
        }
        return liveFigures;
    }

    /** The key on the topic: the plain code for the latest version of a code, code@start for an older one. */
    String streamKey(Area area) {
        return areas.latestOfItsCode(area) ? area.code() : area.key();
    }

    private void loop() {
        while (running) {
            try {
                signals.poll(periodMillis, TimeUnit.MILLISECONDS);
                long started = System.nanoTime();
                // Before the pass, which may fail (MongoDB down): a client that left is found out all the same.
                if (started - lastHeartbeat >= heartbeatNanos) {
                    lastHeartbeat = started;
                    heartbeat();
                }
                recompute();
                // Under a stream of events a pass would follow a pass at once, each writing and publishing every
                // changed indicator: a short pause folds the events of the pause into the next pass instead.
                long rest = MIN_GAP_MILLIS - (System.nanoTime() - started) / 1_000_000;
                if (rest > 0) {
                    Thread.sleep(rest);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Recomputing the progress figures failed; retrying on the next signal", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("live-progress").daemon().start(this::loop);
        signal();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        subscribers.values().forEach(list -> list.forEach(subscriber -> subscriber.emitter().complete()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
