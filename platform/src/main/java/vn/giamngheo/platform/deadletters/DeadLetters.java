package vn.giamngheo.platform.deadletters;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.web.ApiException;

/**
 * What this service's consumers gave up on (design §4: poison messages go to a dead-letter topic "with a way to
 * replay them"): per binding, the records in its dead-letter topic with the error, the event and its time, and a
 * replay of one or of all of them into the binding's own handler — only this service handles them again, not every
 * consumer of the topic, and the idempotent handler makes a second replay harmless. Each replay's result (applied,
 * duplicate, ignored, or the error it still raises) is kept in the service's {@code dead_letter_replays} collection
 * and shown beside the record; Kafka's dead-letter topics themselves are append-only and keep their retention.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** At most this many records are read from one dead-letter topic for a listing or a replay of all. */
    static final int MAX_RECORDS = 10_000;
    static final int MAX_PAYLOAD_CHARS = 20_000;

    /** A binding that consumes a topic, its dead-letter topic and how to hand it a record again. */
    public record Binding(String name, String topic, String deadLetterTopic, Replayer replayer) {
    }

    @FunctionalInterface
    public interface Replayer {
        Outcome replay(Map<String, Object> headers, byte[] payload);
    }

    public record Summary(String binding, String topic, String deadLetterTopic, long held, long replayed,
            long waiting) {
    }

    public record Replay(Instant at, String by, String result, String message) {
    }

    public record Letter(int partition, long offset, Instant deadLetteredAt, String key, String type, String eventId,
            String subject, String eventTime, String error, String errorClass, String originalTopic,
            Integer originalPartition, Long originalOffset, String payload, Replay replay) {
    }

    public record Result(int applied, int duplicate, int ignored, List<Failure> failed) {
    }

    public record Failure(int partition, long offset, String message) {
    }

    private final Supplier<List<Binding>> declared;
    private volatile Map<String, Binding> bindings;
    private final Supplier<KafkaConsumer<byte[], byte[]>> consumers;
    private final MongoCollection<Document> replays;
    private final Clock clock;

    /** @param bindings read at the first call, once the binder's properties are all bound */
    public DeadLetters(Supplier<List<Binding>> bindings, Map<String, Object> consumerConfig, MongoDatabase database,
            Clock clock) {
        this.declared = bindings;
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        this.consumers = () -> new KafkaConsumer<>(config);
        this.replays = database.getCollection("dead_letter_replays");
        this.clock = clock;
    }

    public List<Summary> summaries() {
        List<Summary> summaries = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumers.get()) {
            for (Binding binding : bindings().values()) {
                List<TopicPartition> partitions = partitions(consumer, binding.deadLetterTopic());
                long held = 0;
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    held += end.get(partition) - begin.get(partition);
                }
                long replayed = replays.countDocuments(Filters.and(Filters.eq("deadLetterTopic",
                        binding.deadLetterTopic()), Filters.in("result", "APPLIED", "DUPLICATE", "IGNORED")));
                summaries.add(new Summary(binding.name(), binding.topic(), binding.deadLetterTopic(), held, replayed,
                        Math.max(0, held - replayed)));
            }
        }
        return summaries;
    }

    /** The binding's dead letters, newest first, a page at a time. */
    public List<Letter> letters(String bindingName, int offset, int limit) {
        Binding binding = binding(bindingName);
        List<ConsumerRecord<byte[], byte[]>> records = read(binding);
        records.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp()).reversed()
                .thenComparing(ConsumerRecord::partition).thenComparing(ConsumerRecord::offset));
        Map<String, Replay> replayed = replays(binding);
        return records.stream().skip(offset).limit(limit)
                .map(r -> letter(r, replayed.get(id(binding, r.partition(), r.offset())))).toList();
    }

    /** Hands one dead letter to the binding's handler again. */
    public Replay replay(String bindingName, int partition, long offset, String by) {
        Binding binding = binding(bindingName);
        ConsumerRecord<byte[], byte[]> record = readOne(binding, partition, offset);
        return replay(binding, record, by);
    }

    /** Every dead letter of the binding not yet replayed successfully, oldest first per partition. */
    public Result replayAll(String bindingName, String by) {
        Binding binding = binding(bindingName);
        Map<String, Replay> replayed = replays(binding);
        int applied = 0;
        int duplicate = 0;
        int ignored = 0;
        List<Failure> failed = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : read(binding)) {
            Replay before = replayed.get(id(binding, record.partition(), record.offset()));
            if (before != null && !"FAILED".equals(before.result())) {
                continue;
            }
            Replay replay = replay(binding, record, by);
            switch (replay.result()) {
                case "APPLIED" -> applied++;
                case "DUPLICATE" -> duplicate++;
                case "IGNORED" -> ignored++;
                default -> failed.add(new Failure(record.partition(), record.offset(), replay.message()));
            }
        }
        return new Result(applied, duplicate, ignored, failed);
    }

    private Replay replay(Binding binding, ConsumerRecord<byte[], byte[]> record, String by) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        Replay replay;
        try {
            Outcome outcome = binding.replayer().replay(headers, record.value());
            replay = new Replay(clock.instant(), by, outcome.name(), null);
        } catch (RuntimeException e) {
            if (Unavailable.of(e).isPresent()) {
                throw e;
            }
            log.warn("Replaying {}-{}@{} failed again: {}", binding.deadLetterTopic(), record.partition(),
                    record.offset(), e.toString());
            replay = new Replay(clock.instant(), by, "FAILED", String.valueOf(e.getMessage()));
        }
        replays.replaceOne(Filters.eq("_id", id(binding, record.partition(), record.offset())),
                new Document("_id", id(binding, record.partition(), record.offset()))
                        .append("deadLetterTopic", binding.deadLetterTopic())
                        .append("at", java.util.Date.from(replay.at())).append("by", by)
                        .append("result", replay.result()).append("message", replay.message()),
                new ReplaceOptions().upsert(true));
        return replay;
    }

    private Binding binding(String name) {
        Binding binding = bindings().get(name);
        if (binding == null) {
            throw ApiException.notFound("binding '" + name + "' (this service's: " + bindings().keySet() + ")");
        }
        return binding;
    }

    private Map<String, Binding> bindings() {
        Map<String, Binding> known = bindings;
        if (known == null) {
            known = new LinkedHashMap<>();
            for (Binding binding : declared.get()) {
                known.put(binding.name(), binding);
            }
            bindings = known;
        }
        return known;
    }

    private static String id(Binding binding, int partition, long offset) {
        return binding.deadLetterTopic() + "/" + partition + "/" + offset;
    }

    private Map<String, Replay> replays(Binding binding) {
        Map<String, Replay> replayed = new HashMap<>();
        for (Document d : replays.find(Filters.eq("deadLetterTopic", binding.deadLetterTopic()))) {
            replayed.put(d.getString("_id"), new Replay(d.getDate("at").toInstant(), d.getString("by"),
                    d.getString("result"), d.getString("message")));
        }
        return replayed;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        return infos == null ? List.of()
                : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** The records of a dead-letter topic, at most {@link #MAX_RECORDS}: the newest of each partition. */
    private List<ConsumerRecord<byte[], byte[]>> read(Binding binding) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = partitions(consumer, binding.deadLetterTopic());
            if (partitions.isEmpty()) {
                return records;
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long perPartition = Math.max(1, MAX_RECORDS / partitions.size());
            consumer.assign(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begin.get(partition), end.get(partition) - perPartition);
                consumer.seek(partition, from);
                if (end.get(partition) > from) {
                    remaining.put(partition, end.get(partition));
                }
            }
            Instant deadline = Instant.now().plusSeconds(20);
            while (!remaining.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long until = remaining.get(partition);
                    if (until != null && record.offset() < until) {
                        records.add(record);
                        if (record.offset() + 1 >= until) {
                            remaining.remove(partition);
                        }
                    }
                }
            }
        }
        return records;
    }

    private ConsumerRecord<byte[], byte[]> readOne(Binding binding, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumers.get()) {
            TopicPartition topicPartition = new TopicPartition(binding.deadLetterTopic(), partition);
            if (partitions(consumer, binding.deadLetterTopic()).stream().noneMatch(topicPartition::equals)) {
                throw ApiException.notFound("partition " + partition + " of " + binding.deadLetterTopic());
            }
            long begin = consumer.beginningOffsets(List.of(topicPartition)).get(topicPartition);
            long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
            if (offset < begin || offset >= end) {
                throw ApiException.notFound("dead letter " + offset + " of partition " + partition + " of "
                        + binding.deadLetterTopic() + " (it holds " + begin + " to " + (end - 1) + ")");
            }
            consumer.assign(List.of(topicPartition));
            consumer.seek(topicPartition, offset);
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw new IllegalStateException("dead letter " + offset + " of " + topicPartition + " not read in 20 s");
        }
    }

    private static Letter letter(ConsumerRecord<byte[], byte[]> r, Replay replay) {
        Function<String, String> text = name -> Optional.ofNullable(r.headers().lastHeader(name))
                .map(h -> h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
        String payload = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
        if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
            payload = payload.substring(0, MAX_PAYLOAD_CHARS) + "…";
        }
        return new Letter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                text.apply(CloudEventHeaders.TYPE), text.apply(CloudEventHeaders.ID),
                text.apply(CloudEventHeaders.SUBJECT), text.apply(CloudEventHeaders.TIME),
                text.apply("x-exception-message"), text.apply("x-exception-fqcn"), text.apply("x-original-topic"),
                number(r, "x-original-partition", Integer.BYTES) == null ? null
                        : number(r, "x-original-partition", Integer.BYTES).intValue(),
                number(r, "x-original-offset", Long.BYTES), payload, replay);
    }

    private static Long number(ConsumerRecord<?, ?> r, String name, int size) {
        Header header = r.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length != size) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(header.value());
        return size == Integer.BYTES ? buffer.getInt() : buffer.getLong();
    }
}
