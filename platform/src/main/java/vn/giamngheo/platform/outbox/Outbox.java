package vn.giamngheo.platform.outbox;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;

/**
 * The outbox inside the aggregate (design §4 rule 1): a change and the events it causes are written in the same
 * single-document operation, as entries of the aggregate's {@value #FIELD} array. Business code never calls Kafka;
 * the {@link OutboxRelay} publishes the entries in order and only then removes them.
 */
public final class Outbox {

    public static final String FIELD = "pendingEvents";

    private final String source;
    private final Clock clock;

    public Outbox(String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** A pending-event entry for the aggregate document, with its CloudEvents id fixed now so every re-send keeps it. */
    public <T extends DomainEvent> Document entry(EventType<T> type, T payload) {
        EventEnvelope<T> event = EventEnvelope.create(type, payload, source, clock.instant());
        return new Document("eventId", event.id())
                .append("type", type.ceType())
                .append("topic", type.topic())
                .append("key", event.subject())
                .append("sequence", event.sequence())
                .append("time", Date.from(event.time()))
                .append("source", event.source())
                .append("payload", EventCodec.writePayloadAsString(payload));
    }

    /** The update part that appends entries to an existing aggregate, for use in the same update as the change. */
    public static Bson append(List<Document> entries) {
        return Updates.pushEach(FIELD, entries);
    }
}
