package vn.giamngheo.reporting.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.giamngheo.testsupport.TestInfrastructure;

/** The replay behind reconciliation, against the real broker: every record once, up to a cut and then on from it. */
class TopicReplayIT {

    @Test
    void readingToACutAndOnToALaterOneHandsEveryRecordOnceInPartitionOrder() throws Exception {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        String topic = "replay-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", ("p0-" + i).getBytes())).get();
            }
            for (int i = 0; i < 4; i++) {
                producer.send(new ProducerRecord<>(topic, 1, "k", ("p1-" + i).getBytes())).get();
            }
        }
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        List<String> handled = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        try (TopicReplay replay = new TopicReplay(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                List.of(topic))) {
            // One poll brings the whole partition 0, past the cut: the records after it wait for the next cut.
            replay.readUpTo(Map.of(p0, 5L, p1, 4L), r -> handled.add(new String(r.value())), deadline);
            assertThat(handled).containsExactlyInAnyOrder("p0-0", "p0-1", "p0-2", "p0-3", "p0-4",
                    "p1-0", "p1-1", "p1-2", "p1-3");

            Map<TopicPartition, Long> end = replay.endOffsets();
            assertThat(end).containsEntry(p0, 10L).containsEntry(p1, 4L);
            replay.readUpTo(end, r -> handled.add(new String(r.value())), deadline);

            assertThat(handled.stream().filter(v -> v.startsWith("p0-")))
                    .containsExactly("p0-0", "p0-1", "p0-2", "p0-3", "p0-4", "p0-5", "p0-6", "p0-7", "p0-8", "p0-9");
            assertThat(handled).hasSize(14);
            assertThat(replay.read()).isEqualTo(14);
            assertThat(replay.unreadable()).isZero();
        }
    }
}
