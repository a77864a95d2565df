package vn.giamngheo.local.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the platform's topics from the moment it starts, without a consumer group (it changes nothing): per event
 * type the count and the first and last record time (the producer's time, on this machine's clock), the first
 * {@code benefit.granted} per household and which household each card request is for. Also reads the consumer
 * groups' lag, which says when a service has processed everything.
 */
final class TopicWatch implements AutoCloseable {

    static final List<String> TOPICS = List.of("household.events", "benefit.events", "insurance-card.events",
            "notification.events");
    private static final Pattern HOUSEHOLD = Pattern.compile("\"householdId\":\"([^\"]+)\"");
    private static final Pattern REQUEST = Pattern.compile("\"requestId\":\"([^\"]+)\"");

    static final class TypeStats {
        final AtomicLong count = new AtomicLong();
        volatile long first = Long.MAX_VALUE;
        volatile long last;
    }

    final Map<String, TypeStats> types = new ConcurrentHashMap<>();
    final Map<String, Long> firstGrant = new ConcurrentHashMap<>();
    final Map<String, String> cardRequestHousehold = new ConcurrentHashMap<>();
    private final String bootstrap;
    private final Admin admin;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean positioned;

    TopicWatch(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        this.thread = Thread.ofPlatform().name("topic-watch").daemon().start(this::loop);
        while (!positioned && thread.isAlive()) {
            Thread.onSpinWait();
        }
    }

    /** Forgets what was counted so far (the next phase counts from zero). */
    void reset() {
        types.clear();
        firstGrant.clear();
    }

    long count(String type) {
        TypeStats s = types.get(type);
        return s == null ? 0 : s.count.get();
    }

    long last(String type) {
        TypeStats s = types.get(type);
        return s == null ? 0 : s.last;
    }

    /** Household, benefit and card-request events: the output of the stages the benchmark follows. */
    long stageEvents() {
        long n = 0;
        for (Map.Entry<String, TypeStats> e : types.entrySet()) {
            String type = e.getKey();
            if (type.startsWith("household.") || type.startsWith("benefit.") || type.equals("insurance-card.requested")) {
                n += e.getValue().count.get();
            }
        }
        return n;
    }

    /** The last time any event was seen (0 if none). */
    long lastAny() {
        return types.values().stream().mapToLong(s -> s.last).max().orElse(0);
    }

    long total() {
        return types.values().stream().mapToLong(s -> s.count.get()).sum();
    }

    private void loop() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    parts.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            positioned = true;
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    record(r);
                }
            }
        } finally {
            positioned = true;
        }
    }

    private void record(ConsumerRecord<String, byte[]> r) {
        Header header = r.headers().lastHeader("ce_type");
        // vn.giamngheo.household.assessed.v1 → household.assessed
        String type = header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8)
                .replaceFirst("^vn\\.giamngheo\\.", "").replaceFirst("\\.v[0-9]+$", "");
        TypeStats stats = types.computeIfAbsent(type, t -> new TypeStats());
        stats.count.incrementAndGet();
        stats.first = Math.min(stats.first, r.timestamp());
        stats.last = Math.max(stats.last, r.timestamp());
        if (type.equals("benefit.granted") || type.equals("insurance-card.requested")) {
            String payload = new String(r.value(), StandardCharsets.UTF_8);
            Matcher household = HOUSEHOLD.matcher(payload);
            if (household.find()) {
                if (type.equals("benefit.granted")) {
                    firstGrant.merge(household.group(1), r.timestamp(), Math::min);
                } else {
                    Matcher request = REQUEST.matcher(payload);
                    if (request.find()) {
                        cardRequestHousehold.put(request.group(1), household.group(1));
                    }
                }
            }
        }
    }

    /** Records not yet processed by a consumer group, over the topics it reads. */
    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().stream().filter(tp -> TOPICS.contains(tp.topic()))
                .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(e.getKey());
            lag += e.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }
}
