package vn.giamngheo.reporting.reconciliation;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.platform.PlatformProperties;
import vn.giamngheo.platform.dependencies.DependencyProperties;
import vn.giamngheo.platform.dependencies.DependencyUnavailableException;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.Fact;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.facts.FactRecorder;
import vn.giamngheo.reporting.facts.FactStore;
import vn.giamngheo.reporting.figures.FigureCalculator;
import vn.giamngheo.reporting.figures.Figures;

/**
 * Rebuilds the facts from the beginning of the topics into a fresh store (collections with their own prefix), with
 * the same recorder the live consumers use, then compares the figures of every area at the end of every month since
 * the first day and today, live against rebuilt, and reports each difference. The fresh store is dropped afterwards.
 * Live and rebuilt are compared at one cut of the topics (see {@link Result#sameCut()}), so events published while it
 * runs do not show as differences.
 */
@Component
public class Reconciliation {

    /** One figure that differs: the area, the day, the field, and both values. */
    public record Difference(String area, LocalDate date, String field, Object live, Object rebuilt) {
    }

    /** A household whose stored facts differ between live and rebuilt: one aggregate, both sides' facts. */
    public record Drift(String householdId, String aggregateId, Object live, Object rebuilt) {
    }

    /**
     * @param drifts  when figures differ, the first households whose facts differ, aggregate by aggregate (at most
     *                {@value #MAX_DRIFTS}): where to look
     * @param sameCut whether live and rebuilt were compared having read exactly the same events; false when events
     *                kept arriving for {@value #MAX_ROUNDS} rounds, and differences may then be events in flight
     * @param rounds  how many times the replay read on to the topics' new end
     */
    public record Result(Instant startedAt, long millis, long eventsRead, long unreadable, int householdsLive,
            int householdsRebuilt, int areasCompared, int datesCompared, long differenceCount,
            List<Difference> differences, List<Drift> drifts, boolean sameCut, int rounds) {
    }

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TOPICS =
            List.of(Topics.HOUSEHOLD_EVENTS, Topics.BENEFIT_EVENTS, Topics.INSURANCE_CARD_EVENTS);

    private static final int MAX_ROUNDS = 50;
    /** How long the live consumers may take to commit what the rebuild read. */
    private static final Duration LIVE_WAIT = Duration.ofMinutes(2);
    private static final int MAX_DRIFTS = 20;
    private static final Duration MAX_DURATION = Duration.ofMinutes(30);

    private final Aggregates aggregates;
    private final MongoDatabase database;
    private final KafkaConnectionDetails kafka;
    private final KafkaProperties kafkaProperties;
    private final Areas areas;
    private final FactIndex live;
    private final FigureCalculator calculator;
    private final Clock clock;
    private final String group;
    /** A lookup of metadata, offsets or the group's commits while the caller waits: Kafka stalled is then a 503. */
    private final Duration kafkaTimeout;
    private volatile Result last;

    public Reconciliation(Aggregates aggregates, MongoDatabase database, KafkaConnectionDetails kafka,
            KafkaProperties kafkaProperties, Areas areas, FactIndex live, FigureCalculator calculator, Clock clock,
            PlatformProperties platform, DependencyProperties dependencies) {
        this.aggregates = aggregates;
        this.database = database;
        this.kafka = kafka;
        this.kafkaProperties = kafkaProperties;
        this.areas = areas;
        this.live = live;
        this.calculator = calculator;
        this.clock = clock;
        this.group = platform.messaging().consumerGroup();
        this.kafkaTimeout = dependencies.kafka().requestTimeout();
    }

    public Result last() {
        return last;
    }

    public synchronized Result run() {
        Instant started = clock.instant();
        FactStore fresh = new FactStore(aggregates, database, "rebuild_" + started.toEpochMilli() + "_");
        try (TopicReplay replay = new TopicReplay(consumerConfig(), TOPICS);
                Admin admin = Admin.create(adminConfig())) {
            FactIndex rebuilt = new FactIndex(areas);
            PollReplay polls = new PollReplay(new FactRecorder(fresh, rebuilt));
            LocalDate today = LocalDate.now(clock);
            List<LocalDate> dates = new ArrayList<>();
            for (LocalDate d = areas.firstDay().withDayOfMonth(1).plusMonths(1).minusDays(1); d.isBefore(today);
                    d = d.plusDays(1).plusMonths(1).minusDays(1)) {
                dates.add(d);
            }
            dates.add(today);
            List<Area> all = areas.all();
            FigureCalculator fromTopics = calculator.over(rebuilt);
            Instant deadline = Instant.now().plus(MAX_DURATION);
            // Live and rebuilt are compared at one cut of the topics: the rebuild read up to the end offsets, the
            // live consumers have committed at least that far, no event was appended after it, and the live index
            // did not change while the figures were computed. While events keep coming, read on first.
            int rounds = 0;
            boolean sameCut = false;
            List<Difference> differences = new ArrayList<>();
            long count = 0;
            while (true) {
                rounds++;
                Map<TopicPartition, Long> cut = replay.endOffsets();
                replay.readPollsUpTo(cut, polls, deadline);
                boolean liveCaughtUp = awaitLive(admin, cut, earliest(deadline, Instant.now().plus(LIVE_WAIT)));
                long liveVersion = live.version();
                boolean nothingAppended = replay.endOffsets().equals(cut);
                boolean canReadOn = rounds < MAX_ROUNDS && Instant.now().isBefore(deadline);
                if (!(liveCaughtUp && nothingAppended) && canReadOn) {
                    continue;
                }
                differences.clear();
                count = 0;
                for (LocalDate date : dates) {
                    Map<String, Figures> a = calculator.of(all, date);
                    Map<String, Figures> b = fromTopics.of(all, date);
                    for (Area area : all) {
                        for (Difference d : compare(area.key(), date, a.get(area.key()), b.get(area.key()))) {
                            count++;
                            if (differences.size() < 100) {
                                differences.add(d);
                            }
                        }
                    }
                }
                sameCut = liveCaughtUp && nothingAppended && live.version() == liveVersion;
                if (sameCut || !canReadOn) {
                    break;
                }
            }
            Result result = new Result(started, Duration.between(started, clock.instant()).toMillis(), replay.read(),
                    replay.unreadable(), live.size(), rebuilt.size(), all.size(), dates.size(), count,
                    List.copyOf(differences), count == 0 ? List.of() : drifts(live, rebuilt), sameCut, rounds);
            log.info("Reconciliation: {} events replayed, {} households live / {} rebuilt, {} differences{}",
                    replay.read(), live.size(), rebuilt.size(), count,
                    sameCut ? "" : " (events kept arriving: live and rebuilt were not compared at one cut)");
            last = result;
            return result;
        } finally {
            fresh.drop();
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The households whose facts differ, aggregate by aggregate, up to {@value #MAX_DRIFTS}. */
    private static List<Drift> drifts(FactIndex live, FactIndex rebuilt) {
        List<Drift> drifts = new ArrayList<>();
        Set<String> households = new TreeSet<>(live.householdIds());
        households.addAll(rebuilt.householdIds());
        for (String householdId : households) {
            Map<String, ? extends Map<Long, Fact>> a = live.facts(householdId);
            Map<String, ? extends Map<Long, Fact>> b = rebuilt.facts(householdId);
            for (String aggregate : new TreeSet<>(union(a.keySet(), b.keySet()))) {
                if (!Objects.equals(a.get(aggregate), b.get(aggregate))) {
                    drifts.add(new Drift(householdId, aggregate, a.get(aggregate), b.get(aggregate)));
                    if (drifts.size() == MAX_DRIFTS) {
                        return drifts;
                    }
                }
            }
        }
        return drifts;
    }

    /**
     * Waits until this service's consumer group has committed, on every partition, at least the offsets given: the
     * live index has then recorded every event the rebuild read. False when it did not within the deadline.
     */
    private boolean awaitLive(Admin admin, Map<TopicPartition, Long> cut, Instant deadline) {
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed;
            try {
                committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(kafkaTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (TimeoutException e) {
                throw new DependencyUnavailableException(Unavailable.KAFKA,
                        "the live consumers' offsets could not be read in time", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the live consumers' offsets could not be read: " + e.getMessage(), e);
            }
            boolean caughtUp = cut.entrySet().stream().allMatch(c -> c.getValue() == 0
                    || (committed.get(c.getKey()) != null && committed.get(c.getKey()).offset() >= c.getValue()));
            if (caughtUp) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private Map<String, Object> consumerConfig() {
        // The service's own Kafka settings (credentials and TLS in production), with its own reading rules.
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getConsumer().getBootstrapServers());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        return config;
    }

    private Map<String, Object> adminConfig() {
        // The service's own Kafka settings (credentials and TLS in production).
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildAdminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getAdmin().getBootstrapServers());
        // The admin client refuses an API timeout below its request timeout (30 s by default): both.
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        return config;
    }

    @SuppressWarnings("unchecked")
    private static List<Difference> compare(String area, LocalDate date, Figures live, Figures rebuilt) {
        Map<String, Object> a = flatten("", JSON.convertValue(live, Map.class));
        Map<String, Object> b = flatten("", JSON.convertValue(rebuilt, Map.class));
        List<Difference> differences = new ArrayList<>();
        for (String field : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            if (!Objects.equals(a.get(field), b.get(field))) {
                differences.add(new Difference(area, date, field, a.get(field), b.get(field)));
            }
        }
        return differences;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(String prefix, Map<String, Object> map) {
        Map<String, Object> flat = new HashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                flat.putAll(flatten(prefix + k + ".", (Map<String, Object>) nested));
            } else {
                flat.put(prefix + k, v);
            }
        });
        return flat;
    }
}
