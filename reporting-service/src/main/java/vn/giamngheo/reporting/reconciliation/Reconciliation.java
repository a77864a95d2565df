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
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * Events published while it runs may show as differences; run it when the topics are quiet, or run it again.
 */
@Component
public class Reconciliation {

    /** One figure that differs: the area, the day, the field, and both values. */
    public record Difference(String area, LocalDate date, String field, Object live, Object rebuilt) {
    }

    public record Result(Instant startedAt, long millis, long eventsRead, long unreadable, int householdsLive,
            int householdsRebuilt, int areasCompared, int datesCompared, long differenceCount,
            List<Difference> differences) {
    }

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TOPICS =
            List.of(Topics.HOUSEHOLD_EVENTS, Topics.BENEFIT_EVENTS, Topics.INSURANCE_CARD_EVENTS);

    private final MongoDatabase database;
    private final KafkaConnectionDetails kafka;
    private final KafkaProperties kafkaProperties;
    private final Areas areas;
    private final FactIndex live;
    private final FigureCalculator calculator;
    private final Clock clock;
    private volatile Result last;

    public Reconciliation(MongoDatabase database, KafkaConnectionDetails kafka, KafkaProperties kafkaProperties,
            Areas areas, FactIndex live, FigureCalculator calculator, Clock clock) {
        this.database = database;
        this.kafka = kafka;
        this.kafkaProperties = kafkaProperties;
        this.areas = areas;
        this.live = live;
        this.calculator = calculator;
        this.clock = clock;
    }

    public Result last() {
        return last;
    }

    public synchronized Result run() {
        Instant started = clock.instant();
        FactStore fresh = new FactStore(database, "rebuild_" + started.toEpochMilli() + "_");
        try {
            FactIndex rebuilt = new FactIndex(areas);
            FactRecorder recorder = new FactRecorder(fresh, rebuilt);
            EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
            Map<String, Consumer<Message<byte[]>>> consumers = Map.of(
                    Topics.HOUSEHOLD_EVENTS, recorder.householdEvents(metrics),
                    Topics.BENEFIT_EVENTS, recorder.benefitEvents(metrics),
                    Topics.INSURANCE_CARD_EVENTS, recorder.cardEvents(metrics));
            long[] counts = replay(consumers);
            LocalDate today = LocalDate.now(clock);
            List<LocalDate> dates = new ArrayList<>();
            for (LocalDate d = areas.firstDay().withDayOfMonth(1).plusMonths(1).minusDays(1); d.isBefore(today);
                    d = d.plusDays(1).plusMonths(1).minusDays(1)) {
                dates.add(d);
            }
            dates.add(today);
            List<Area> all = areas.all();
            FigureCalculator fromTopics = calculator.over(rebuilt);
            List<Difference> differences = new ArrayList<>();
            long count = 0;
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
            Result result = new Result(started, Duration.between(started, clock.instant()).toMillis(), counts[0],
                    counts[1], live.size(), rebuilt.size(), all.size(), dates.size(), count,
                    List.copyOf(differences));
            log.info("Reconciliation: {} events replayed, {} households live / {} rebuilt, {} differences",
                    counts[0], live.size(), rebuilt.size(), count);
            last = result;
            return result;
        } finally {
            fresh.drop();
        }
    }

    private long[] replay(Map<String, Consumer<Message<byte[]>>> consumers) {
        // The service's own Kafka settings (credentials and TLS in production), with its own reading rules.
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getConsumer().getBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long read = 0;
        long unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the replay did not reach the end of the topics in 30 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
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
        return new long[] {read, unreadable};
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
