package vn.giamngheo.reporting.facts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;

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
     * The aggregate's document with the fact added, or empty when that sequence was recorded before. The document is
     * read by {@code _id} and the fact written only if its sequence is absent; an aggregate's events come from one
     * partition, one at a time, so nobody writes the same aggregate meanwhile (and the same fact twice is the same
     * value). A filter on the absent field would have been one atomic write, but mongo-java-server answers such a
     * filter by reading every document of the collection ({@link vn.giamngheo.platform.mongo.Guards}).
     */
    public Optional<Document> record(Kind kind, String id, String householdId, long sequence, Document fact) {
        MongoCollection<Document> facts = collection(kind);
        Document existing = facts.find(Filters.eq("_id", id)).projection(Projections.include(FACTS + "." + sequence))
                .first();
        Document recorded = existing == null ? null : existing.get(FACTS, Document.class);
        if (recorded != null && recorded.containsKey(String.valueOf(sequence))) {
            return Optional.empty();
        }
        return Optional.ofNullable(facts.findOneAndUpdate(Filters.eq("_id", id),
                Updates.combine(Updates.set(HOUSEHOLD_ID, householdId), Updates.set(FACTS + "." + sequence, fact)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
    }

    public void forEach(Kind kind, Consumer<Document> action) {
        collection(kind).find().forEach(action);
    }

    /** Removes every collection of this store (a rebuild's, once compared). */
    public void drop() {
        for (Kind kind : List.of(Kind.values())) {
            collection(kind).drop();
        }
    }
}
