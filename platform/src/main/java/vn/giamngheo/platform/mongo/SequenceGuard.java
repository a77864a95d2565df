package vn.giamngheo.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.giamngheo.platform.messaging.Outcome;

/**
 * Applies an event to a per-aggregate view document only if its sequence is newer than the last one applied, in one
 * atomic single-document upsert. A replay or a duplicate matches nothing, and the upsert's insert then collides with
 * the existing {@code _id}: that collision is the "already applied" answer.
 */
public final class SequenceGuard {

    public static final String SEQUENCE = "sequence";

    private SequenceGuard() {
    }

    public static Outcome apply(MongoCollection<Document> views, String id, long sequence, Bson update) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.lt(SEQUENCE, sequence));
        try {
            var result = views.updateOne(filter, Updates.combine(update, Updates.set(SEQUENCE, sequence)),
                    new UpdateOptions().upsert(true));
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null ? Outcome.APPLIED : Outcome.DUPLICATE;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return Outcome.DUPLICATE;
            }
            throw e;
        }
    }
}
