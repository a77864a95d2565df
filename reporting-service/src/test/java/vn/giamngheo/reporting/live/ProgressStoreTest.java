package vn.giamngheo.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.giamngheo.platform.PlatformProperties;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.reporting.EmbeddedMongo;

/**
 * A pass's changed values are published with their events, each following the last sequence; an unchanged value
 * writes nothing; an instance that published behind another's back decides again from what is stored.
 */
class ProgressStoreTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();
    private final MongoDatabase database = mongo.database();
    /** The relay is not started: the events stay in the documents' outboxes, where the test reads them. */
    private final Aggregates aggregates = new Aggregates(database, c -> c,
            new Outbox("/reporting-test", Clock.systemUTC()), new OutboxRelay(database, new MockProducer<>(true, null,
                    new StringSerializer(), new ByteArraySerializer()), new PlatformProperties.Relay(
                    Duration.ofSeconds(1), 100, Duration.ofSeconds(1)), new EventMetrics(new SimpleMeterRegistry())));

    private static ProgressStore.Publication value(String indicator, String value) {
        return new ProgressStore.Publication("08707", indicator, TODAY,
                new ProgressStore.Value(new BigDecimal(value), null, "NO_TARGET"));
    }

    /** The sequences of the events pending in the indicator's outbox, and its stored version. */
    private List<Long> pending(String indicator) {
        Document doc = database.getCollection(ProgressStore.COLLECTION).find(new Document("_id", "08707:" + indicator))
                .first();
        return doc.getList(Outbox.FIELD, Document.class).stream().map(e -> e.getLong("sequence")).toList();
    }

    private long version(String indicator) {
        return database.getCollection(ProgressStore.COLLECTION).find(new Document("_id", "08707:" + indicator))
                .first().getLong("version");
    }

    @Test
    void changedValuesArePublishedInOrderAndUnchangedOnesWriteNothing() {
        ProgressStore store = new ProgressStore(aggregates, database);

        assertThat(store.publishAll(List.of(value("POOR_RATE", "3.20"), value("NEAR_POOR_RATE", "5.10")))).isEqualTo(2);
        assertThat(store.publishAll(List.of(value("POOR_RATE", "3.20"), value("NEAR_POOR_RATE", "5.10")))).isZero();
        assertThat(store.publishAll(List.of(value("POOR_RATE", "3.10"), value("NEAR_POOR_RATE", "5.10")))).isEqualTo(1);

        assertThat(pending("POOR_RATE")).containsExactly(1L, 2L);
        assertThat(pending("NEAR_POOR_RATE")).containsExactly(1L);
        // A restart knows what was published.
        assertThat(new ProgressStore(aggregates, database).publishAll(List.of(value("POOR_RATE", "3.10")))).isZero();
    }

    @Test
    void anInstanceBehindAnotherDecidesAgainFromTheStore() {
        ProgressStore a = new ProgressStore(aggregates, database);
        a.publishAll(List.of(value("POOR_RATE", "3.20"), value("NEAR_POOR_RATE", "5.10")));
        ProgressStore b = new ProgressStore(aggregates, database);
        a.publishAll(List.of(value("POOR_RATE", "3.10"), value("NEAR_POOR_RATE", "5.00")));

        // b still knows sequence 1 of both: one value differs from what a stored, the other is the same.
        assertThat(b.publishAll(List.of(value("POOR_RATE", "3.00"), value("NEAR_POOR_RATE", "5.00")))).isEqualTo(1);

        assertThat(pending("POOR_RATE")).containsExactly(1L, 2L, 3L);
        assertThat(version("POOR_RATE")).isEqualTo(3);
        assertThat(pending("NEAR_POOR_RATE")).containsExactly(1L, 2L);
        // b now knows what is stored: nothing more to publish.
        assertThat(b.publishAll(List.of(value("POOR_RATE", "3.00"), value("NEAR_POOR_RATE", "5.00")))).isZero();
    }
}
