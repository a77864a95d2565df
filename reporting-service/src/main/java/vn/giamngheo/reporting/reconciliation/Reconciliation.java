package vn.giamngheo.reporting.reconciliation;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.platform.PlatformProperties;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;
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

    /**
     * @param sameCut whether live and rebuilt were compared having read exactly the same events; false when events
     *                kept arriving for {@value #MAX_ROUNDS} rounds, and differences may then be events in flight
     * @param rounds  how many times the replay read on to the topics' new end and compared again
     */
    public record Result(Instant startedAt, long millis, long eventsRead, long unreadable, int householdsLive,
            int householdsRebuilt, int areasCompared, int datesCompared, long differenceCount,
            List<Difference> differences, boolean sameCut, int rounds) {
    }

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TOPICS =
            List.of(Topics.HOUSEHOLD_EVENTS, Topics.BENEFIT_EVENTS, Topics.INSURANCE_CARD_EVENTS);

    private static final int MAX_ROUNDS = 5;
    private static final Duration MAX_DURATION = Duration.ofMinutes(30);

    private final MongoDatabase database;
    private final KafkaConnectionDetails kafka;
    private final KafkaProperties kafkaProperties;
    private final Areas areas;
    private final FactIndex live;
    private final FigureCalculator calculator;
    private final Clock clock;
    private final String group;
    private volatile Result last;

    public Reconciliation(MongoDatabase database, KafkaConnectionDetails kafka, KafkaProperties kafkaProperties,
            Areas areas, FactIndex live, FigureCalculator calculator, Clock clock, PlatformProperties platform) {
        this.database = database;
        this.kafka = kafka;
        this.kafkaProperties = kafkaProperties;
        this.areas = areas;
        this.live = live;
        this.calculator = calculator;
        this.clock = clock;
        this.group = platform.messaging().consumerGroup();
    }

    public Result last() {
        return last;
    }

    public synchronized Result run() {
        Instant started = clock.instant();
        FactStore fresh = new FactStore(database, "rebuild_" + started.toEpochMilli() + "_");
        try (Replay replay = new Replay(); Admin admin = Admin.create(adminConfig())) {
            FactIndex rebuilt = new FactIndex(areas);
            FactRecorder recorder = new FactRecorder(fresh, rebuilt);
            EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
            Map<String, Consumer<Message<byte[]>>> consumers = Map.of(
                    Topics.HOUSEHOLD_EVENTS, recorder.householdEvents(metrics),
                    Topics.BENEFIT_EVENTS, recorder.benefitEvents(metrics),
                    Topics.INSURANCE_CARD_EVENTS, recorder.cardEvents(metrics));
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
            // did not change while the figures were computed. Otherwise read on and compare again.
            int rounds = 0;
            boolean sameCut = false;
            List<Difference> differences = new ArrayList<>();
            long count = 0;
            while (!sameCut && rounds < MAX_ROUNDS && Instant.now().isBefore(deadline)) {
                rounds++;
                Map<TopicPartition, Long> cut = replay.endOffsets();
                replay.readUpTo(cut, consumers, deadline);
                boolean liveCaughtUp = awaitLive(admin, cut, deadline);
                long liveVersion = live.version();
                boolean nothingAppended = replay.endOffsets().equals(cut);
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
            }
            Result result = new Result(started, Duration.between(started, clock.instant()).toMillis(), replay.read,
                    replay.unreadable, live.size(), rebuilt.size(), all.size(), dates.size(), count,
                    List.copyOf(differences), sameCut, rounds);
            log.info("Reconciliation: {} events replayed, {} households live / {} rebuilt, {} differences{}",
                    replay.read, live.size(), rebuilt.size(), count,
                    sameCut ? "" : " (events kept arriving: live and rebuilt were not compared at one cut)");
            last = result;
            return result;
        } finally {
            fresh.drop();
        }
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
                        .get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
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

    private Map<String, Object> adminConfig() {
        // The service's own Kafka settings (credentials and TLS in production).
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildAdminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getAdmin().getBootstrapServers());
        return config;
    }

    /** A reader of the three topics from their beginning, without a consumer group, that goes on where it stopped. */
    private final class Replay implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<TopicPartition> partitions = new ArrayList<>();
        private long read;
        private long unreadable;

        Replay() {
            // The service's own Kafka settings (credentials and TLS in production), with its own reading rules.
            Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getConsumer().getBootstrapServers());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            consumer = new KafkaConsumer<>(config);
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        Map<TopicPartition, Long> endOffsets() {
            return consumer.endOffsets(partitions);
        }

        void readUpTo(Map<TopicPartition, Long> end, Map<String, Consumer<Message<byte[]>>> consumers,
                Instant deadline) {
            // Pause what is read already, so that a poll brings only what is still wanted.
            while (true) {
                List<TopicPartition> behind = partitions.stream().filter(p -> consumer.position(p) < end.get(p))
                        .toList();
                if (behind.isEmpty()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the replay did not reach the end of the topics in "
                            + MAX_DURATION.toMinutes() + " minutes");
                }
                consumer.pause(partitions);
                consumer.resume(behind);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        // beyond this cut: read it again from here in the next round
                        consumer.seek(partition, record.offset());
                        continue;
                    }
                    read++;
                    try {
                        consumers.get(record.topic()).accept(message(record));
                    } catch (RuntimeException e) {
                        unreadable++;
                        log.warn("Reconciliation skipped an unreadable record {}-{}@{}: {}", record.topic(),
                                record.partition(), record.offset(), e.getMessage());
                    }
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static Message<byte[]> message(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return MessageBuilder.createMessage(record.value() == null ? new byte[0] : record.value(),
                new MessageHeaders(headers));
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

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> all = new java.util.HashSet<>(a);
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
