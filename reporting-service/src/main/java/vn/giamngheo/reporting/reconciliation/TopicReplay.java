package vn.giamngheo.reporting.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import vn.giamngheo.platform.dependencies.Unavailable;

/**
 * Reads topics from their beginning without a consumer group (it commits nothing), up to a cut given as an end offset
 * per partition, and on from there to a later cut: every record once, in partition order. A record that cannot be
 * read is counted and skipped.
 */
final class TopicReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private long read;
    private long unreadable;

    /** @param config the Kafka client settings (bootstrap servers, credentials); the reading rules are its own */
    TopicReplay(Map<String, Object> config, List<String> topics) {
        Map<String, Object> own = new HashMap<>(config);
        own.remove(ConsumerConfig.GROUP_ID_CONFIG);
        own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        own.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        own.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(own);
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The topics' end offsets now: a cut. */
    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    /** The records of one poll, in partition order; answers how many of them could not be read. */
    @FunctionalInterface
    interface PollHandler {

        int handle(List<ConsumerRecord<String, byte[]>> records);
    }

    /** Hands every record before {@code end} not read yet to {@code handler}, in partition order. */
    void readUpTo(Map<TopicPartition, Long> end, Consumer<ConsumerRecord<String, byte[]>> handler, Instant deadline) {
        readPollsUpTo(end, records -> (int) records.stream().filter(record -> skipped(() -> handler.accept(record),
                "record " + record.topic() + "-" + record.partition() + "@" + record.offset())).count(), deadline);
    }

    /**
     * Runs {@code action} on one record or event of the replay; true when it failed and was skipped (logged as
     * unreadable). A dependency being unavailable is not the record's fault and is thrown: counting it unreadable
     * would report drift that is not there.
     */
    static boolean skipped(Runnable action, String what) {
        try {
            action.run();
            return false;
        } catch (RuntimeException e) {
            if (Unavailable.isCause(e)) {
                throw e;
            }
            log.warn("Replay skipped an unreadable {}: {}", what, e.getMessage());
            return true;
        }
    }

    /**
     * Hands every record before {@code end} not read yet to {@code handler}, a poll at a time, in partition order.
     * What the handler throws ends the replay: it counts the records it cannot read instead.
     */
    void readPollsUpTo(Map<TopicPartition, Long> end, PollHandler handler, Instant deadline) {
        while (true) {
            List<TopicPartition> behind = partitions.stream()
                    .filter(p -> consumer.position(p) < end.getOrDefault(p, 0L)).toList();
            if (behind.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the replay did not reach the end of the topics in time");
            }
            // Only what is still wanted is fetched.
            consumer.pause(partitions);
            consumer.resume(behind);
            Set<TopicPartition> rewound = new HashSet<>();
            List<ConsumerRecord<String, byte[]>> wanted = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.getOrDefault(partition, 0L)) {
                    // Beyond this cut: the next cut reads on from the first such record of the partition (seeking at
                    // each later one would skip the ones before it).
                    if (rewound.add(partition)) {
                        consumer.seek(partition, record.offset());
                    }
                    continue;
                }
                wanted.add(record);
            }
            if (!wanted.isEmpty()) {
                read += wanted.size();
                unreadable += handler.handle(wanted);
            }
        }
    }

    long read() {
        return read;
    }

    long unreadable() {
        return unreadable;
    }

    /** The record as the binder hands it to a functional binding: its value with its headers. */
    static Message<byte[]> message(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return MessageBuilder.createMessage(record.value() == null ? new byte[0] : record.value(),
                new MessageHeaders(headers));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
