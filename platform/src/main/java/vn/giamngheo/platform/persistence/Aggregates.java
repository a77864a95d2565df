package vn.giamngheo.platform.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.function.UnaryOperator;
import org.bson.Document;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;

/**
 * Declares the service's collections (a bean of every service): one line per aggregate type,
 * {@code aggregates.withOutbox("households", new HouseholdCodec())}. The relay watches every collection declared
 * with an outbox; nobody wires the outbox or the relay by hand.
 */
public class Aggregates {

    private final MongoDatabase database;
    private final UnaryOperator<MongoCollection<Document>> longBound;
    private final Outbox outbox;
    private final OutboxRelay relay;

    /** @param longBound the same collection with the bound of long operations (bulk writes of many aggregates) */
    public Aggregates(MongoDatabase database, UnaryOperator<MongoCollection<Document>> longBound, Outbox outbox,
            OutboxRelay relay) {
        this.database = database;
        this.longBound = longBound;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Aggregates whose changes cause events: appended to each document's outbox and published by the relay. */
    public <R> AggregateCollection<R> withOutbox(String name, Codec<R> codec) {
        relay.watch(name);
        return collection(name, codec, outbox, true);
    }

    /** Aggregates whose changes cause no events; the relay need not sweep them. */
    public <R> AggregateCollection<R> withoutOutbox(String name, Codec<R> codec) {
        return collection(name, codec, null, true);
    }

    /**
     * Records that are only inserted if absent (a claim, a key recorded once) and never updated through the
     * collection: no version, no guard index, no outbox.
     */
    public <R> AggregateCollection<R> records(String name, Codec<R> codec) {
        return collection(name, codec, null, false);
    }

    /** Per-aggregate views guarded by the sequence of the events applied to them. */
    public SequencedViews views(String name) {
        return new SequencedViews(longBound.apply(database.getCollection(name)));
    }

    private <R> AggregateCollection<R> collection(String name, Codec<R> codec, Outbox outbox, boolean versioned) {
        MongoCollection<Document> collection = database.getCollection(name);
        return new AggregateCollection<>(name, collection, longBound.apply(collection), codec, outbox, relay,
                versioned);
    }
}
