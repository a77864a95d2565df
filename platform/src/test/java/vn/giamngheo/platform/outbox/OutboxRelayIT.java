package vn.giamngheo.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.platform.PlatformProperties;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.TestInfrastructure;
import vn.giamngheo.testsupport.TopicProbe;

/** The outbox relay against a real broker and Mongo, without Spring. */
class OutboxRelayIT {

    private static final Duration SWEEP = Duration.ofMillis(300);

    private final MongoClient client = MongoClients.create(TestInfrastructure.mongoConnectionString());
    private final MongoDatabase database = client.getDatabase("platform-test");
    private final MongoCollection<Document> aggregates = database.getCollection("aggregates");
    private final Outbox outbox = new Outbox("/platform-test", Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"),
            ZoneOffset.UTC));
    private final EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
    private final OutboxRelay relay = new OutboxRelay(database, RelayFixtures.producer(),
            new PlatformProperties.Relay(SWEEP, 100, Duration.ofMillis(200)), metrics);

    {
        relay.watch("aggregates");
    }

    @BeforeAll
    static void topics() throws Exception {
        RelayFixtures.householdTopic();
    }

    @AfterEach
    void stop() {
        relay.stop();
        client.close();
    }

    private Document event(String id, long sequence) {
        return outbox.entry(EventTypes.HOUSEHOLD_REMOVED,
                new HouseholdRemoved(id, sequence, "TEST-" + sequence, LocalDate.parse("2026-11-24")));
    }

    private static long sequenceOf(ConsumerRecord<String, byte[]> record) {
        return EventCodec.readPayload(record.value(), EventTypes.HOUSEHOLD_REMOVED).sequence();
    }

    @Test
    void pendingEventsArePublishedInOrderOnOnePartitionWithTheirHeadersAndThenRemoved() {
        String id = EventFixtures.newId();
        aggregates.insertOne(new Document("_id", id).append(Outbox.FIELD,
                List.of(event(id, 1), event(id, 2), event(id, 3))));

        relay.start();
        relay.wake("aggregates", id);

        List<ConsumerRecord<String, byte[]>> records = TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id),
                3, Duration.ofSeconds(20));
        assertThat(records).extracting(OutboxRelayIT::sequenceOf).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.getFirst().partition());
        assertThat(TopicProbe.header(records.getFirst(), CloudEventHeaders.SOURCE)).isEqualTo("/platform-test");
        assertThat(TopicProbe.header(records.getFirst(), CloudEventHeaders.TIME)).isEqualTo("2026-11-24T03:00:00Z");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending(id).isEmpty());
        assertThat(metrics.count("giamngheo.events.published", EventTypes.HOUSEHOLD_REMOVED.ceType())).isEqualTo(3);
    }

    @Test
    void eventsLeftBehindWithoutAWakeUpAreFoundByTheSweep() {
        // As after a crash between the write and the wake-up: nobody tells the relay.
        String id = EventFixtures.newId();
        aggregates.insertOne(new Document("_id", id).append(Outbox.FIELD, List.of(event(id, 1))));

        relay.start();

        TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id), 1, Duration.ofSeconds(20));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending(id).isEmpty());
    }

    @Test
    void anEventAppendedLaterFollowsTheEarlierOnes() {
        String id = EventFixtures.newId();
        aggregates.insertOne(new Document("_id", id).append(Outbox.FIELD, List.of(event(id, 1))));
        relay.start();
        relay.wake("aggregates", id);
        TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id), 1, Duration.ofSeconds(20));

        aggregates.updateOne(Filters.eq("_id", id), Outbox.append(List.of(event(id, 2))));
        relay.wake("aggregates", id);

        assertThat(TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id), 2, Duration.ofSeconds(20)))
                .extracting(OutboxRelayIT::sequenceOf).containsExactly(1L, 2L);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending(id).isEmpty());
    }

    private List<Document> pending(String id) {
        return aggregates.find(Filters.eq("_id", id)).first().getList(Outbox.FIELD, Document.class);
    }
}
