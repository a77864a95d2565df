package vn.giamngheo.reporting.facts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giamngheo.platform.mongo.MongoTimeouts;

/**
 * The facts reporting keeps, one document per aggregate of another service (a household, a benefit decision, a card
 * request, an application), each fact stored under its event's sequence: {@code facts.<sequence>}. Recording a fact
 * is one atomic single-document upsert that matches only while that sequence is absent, so a duplicate or replayed
 * event changes nothing, and facts that arrive out of order still land in their place.
 */
public final class FactStore {

    public enum Kind {
        HOUSEHOLD("households"), BENEFIT("benefits"), CARD("cards"), APPLICATION("applications");

        private final String collection;

        Kind(String collection) {
            this.collection = collection;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FactStore.class);

    public static final String HOUSEHOLD_ID = "householdId";
    public static final String FACTS = "facts";

    private final MongoDatabase database;
    private final String prefix;

    /** @param prefix prepended to every collection name: empty for the live store, unique for a rebuild */
    public FactStore(MongoDatabase database, String prefix) {
        this.database = database;
        this.prefix = prefix;
    }

    private MongoCollection<Document> collection(Kind kind) {
        return database.getCollection(prefix + "facts_" + kind.collection);
    }

    /**
     * The aggregate's document with the fact added, or empty when that sequence was recorded before. One atomic upsert
     * sets the fact under its sequence and answers the document as it was before, from which the new one follows: a
     * duplicate or replayed event writes the value already there (an event's fact depends on the event alone), so it
     * changes nothing. A filter on the absent field would have kept the write off duplicates, but mongo-java-server
     * answers such a filter by reading every document of the collection ({@link vn.giamngheo.platform.mongo.Guards}).
     */
    public Optional<Document> record(Kind kind, String id, String householdId, long sequence, Document fact) {
        MongoCollection<Document> facts = collection(kind);
        String key = String.valueOf(sequence);
        Document before = facts.findOneAndUpdate(Filters.eq("_id", id),
                Updates.combine(Updates.set(HOUSEHOLD_ID, householdId), Updates.set(FACTS + "." + key, fact)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        Document recorded = before == null ? null : before.get(FACTS, Document.class);
        if (recorded != null && recorded.containsKey(key)) {
            Object first = recorded.get(key);
            if (!fact.equals(first)) {
                // Two different events under one sequence: a publisher's mistake. The first one recorded stays.
                log.warn("{} {}: sequence {} came again with other content; the first is kept", kind, id, sequence);
                facts.updateOne(Filters.eq("_id", id), Updates.set(FACTS + "." + key, first));
            }
            return Optional.empty();
        }
        Document after = before == null ? new Document("_id", id) : before;
        after.put(HOUSEHOLD_ID, householdId);
        Document all = recorded == null ? new Document() : recorded;
        all.put(key, fact);
        after.put(FACTS, all);
        return Optional.of(after);
    }

    /** Every fact document of a kind (the start-up load): bounded per batch, however many households there are. */
    public void forEach(Kind kind, Consumer<Document> action) {
        MongoTimeouts.scan(collection(kind), new Document()).forEach(action);
    }

    /** Removes every collection of this store (a rebuild's, once compared). */
    public void drop() {
        for (Kind kind : List.of(Kind.values())) {
            collection(kind).drop();
        }
    }
}
