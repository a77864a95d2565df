package vn.giamngheo.notification.messages;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * Messages, one document each with its outbox ({@link Aggregates#withOutbox}); every transition is a {@link Change}
 * written with its version guard. The sweep and the officers' lists query the collection beside.
 */
@Component
class MessageStore {

    static final String COLLECTION = "messages";
    static final Codec<Message> CODEC = Codec.of(Message::id, MessageStore::toDocument, MessageStore::fromDocument);

    /**
     * What officers filter by; {@code from}/{@code to} bound the creation time.
     *
     * @param unitCode     messages about that unit: marked with it, or to one of {@code unitHouseholds} (messages
     *                     written before they carried the household's unit)
     */
    record Query(Message.Status status, Channel channel, String householdId, String personId, String unitCode,
            Collection<String> unitHouseholds, Instant from, Instant to, boolean newestFirst, int limit) {
    }

    private final AggregateCollection<Message> messages;
    /** The same with the long bound: sweeps and listings filter and sort the whole collection on mongo-java-server. */
    private final MongoCollection<Document> scanned;

    MessageStore(Aggregates aggregates, MongoDatabase database, MongoTimeouts timeouts) {
        this.messages = aggregates.withOutbox(COLLECTION, CODEC);
        MongoCollection<Document> raw = database.getCollection(COLLECTION);
        this.scanned = timeouts.forLongOperations(raw);
        raw.createIndex(Indexes.ascending("status", "nextAttemptAt"));
        raw.createIndex(Indexes.ascending("householdId", "createdAt"));
    }

    /** New messages in one bulk write; those whose id exists (the same cause, recipient and channel) conflict. */
    AggregateCollection.Result insertAll(List<Change<Message>> created) {
        return messages.applyAll(created);
    }

    /** Loads, decides and writes (again for those someone changed meanwhile, up to {@code attempts} rounds). */
    AggregateCollection.Result decideAll(Collection<String> ids, AggregateCollection.Decider<Message> decider,
            int attempts) {
        return messages.decideAll(ids, decider, attempts);
    }

    Optional<Message> find(String id) {
        return messages.find(id);
    }

    /** The messages with these ids that exist, in the order of {@code ids}: one read by {@code _id}. */
    List<Message> findAll(Collection<String> ids) {
        Map<String, Message> found = messages.loadAll(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    List<Message> due(Instant now, int limit) {
        return list(Filters.and(Filters.eq("status", "QUEUED"), Filters.lte("nextAttemptAt", Date.from(now))),
                Sorts.ascending("nextAttemptAt"), limit);
    }

    List<Message> search(Query q) {
        List<Bson> filters = new ArrayList<>();
        if (q.status() != null) {
            filters.add(Filters.eq("status", q.status().name()));
        }
        if (q.channel() != null) {
            filters.add(Filters.eq("channel", q.channel().name()));
        }
        if (q.householdId() != null) {
            filters.add(Filters.eq("householdId", q.householdId()));
        }
        if (q.personId() != null) {
            filters.add(Filters.eq("personId", q.personId()));
        }
        if (q.unitCode() != null) {
            filters.add(Filters.or(Filters.eq("unitCode", q.unitCode()),
                    Filters.in("householdId", q.unitHouseholds() == null ? List.of() : q.unitHouseholds())));
        }
        if (q.from() != null) {
            filters.add(Filters.gte("createdAt", Date.from(q.from())));
        }
        if (q.to() != null) {
            filters.add(Filters.lt("createdAt", Date.from(q.to())));
        }
        return list(filters.isEmpty() ? new Document() : Filters.and(filters), q.newestFirst()
                ? Sorts.descending("createdAt", "_id") : Sorts.ascending("createdAt", "_id"), q.limit());
    }

    private List<Message> list(Bson filter, Bson sort, int limit) {
        List<Message> result = new ArrayList<>();
        scanned.find(filter).projection(messages.readProjection()).sort(sort).limit(limit)
                .forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    private static Document toDocument(Message m) {
        return new Document("_id", m.id())
                .append("kind", m.kind().name())
                .append("channel", m.channel().name())
                .append("recipientKind", m.recipientKind())
                .append("recipientId", m.recipientId())
                .append("householdId", m.householdId())
                .append("personId", m.personId())
                .append("unitCode", m.unitCode())
                .append("to", m.to())
                .append("template", m.template())
                .append("subject", m.subject())
                .append("text", m.text())
                .append("causeEventId", m.causeEventId())
                .append("causeKey", m.causeKey())
                .append("status", m.status().name())
                .append("attempts", m.attempts())
                .append("nextAttemptAt", m.nextAttemptAt() == null ? null : Date.from(m.nextAttemptAt()))
                .append("lastError", m.lastError())
                .append("createdAt", Date.from(m.createdAt()))
                .append("updatedAt", Date.from(m.updatedAt()))
                .append("round", m.round())
                .append("eventSequence", m.eventSequence())
                .append("version", m.version());
    }

    private static Message fromDocument(Document d) {
        Date next = d.getDate("nextAttemptAt");
        return new Message(d.getString("_id"), MessageKind.valueOf(d.getString("kind")),
                Channel.valueOf(d.getString("channel")), d.getString("recipientKind"), d.getString("recipientId"),
                d.getString("householdId"), d.getString("personId"), d.getString("unitCode"), d.getString("to"),
                d.getString("template"), d.getString("subject"), d.getString("text"), d.getString("causeEventId"),
                d.getString("causeKey"), Message.Status.valueOf(d.getString("status")), d.getInteger("attempts"),
                next == null ? null : next.toInstant(), d.getString("lastError"), d.getDate("createdAt").toInstant(),
                d.getDate("updatedAt").toInstant(), d.getInteger("round"), d.getLong("eventSequence"),
                d.getLong("version"));
    }
}
