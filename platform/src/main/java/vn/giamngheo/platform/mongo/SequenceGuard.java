package vn.giamngheo.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.giamngheo.platform.messaging.Outcome;

/**
 * Applies an event to a per-aggregate view document only if its sequence is newer than the last one applied. The
 * view's sequence is read, and the update is written only while the sequence is still the one read ({@link Guards}):
 * a replay or a duplicate changes nothing, and two writers racing on one view cannot both win (the loser reads again).
 */
public final class SequenceGuard {

    public static final String SEQUENCE = "sequence";

    private static final Set<String> INDEXED = ConcurrentHashMap.newKeySet();

    private SequenceGuard() {
    }

    public static Outcome apply(MongoCollection<Document> views, String id, long sequence, Bson update) {
        if (INDEXED.add(views.getNamespace().getFullName())) {
            Guards.index(views, SEQUENCE);
        }
        Bson write = Updates.combine(update, Updates.set(SEQUENCE, sequence));
        for (int attempt = 1; ; attempt++) {
            Document view = views.find(Filters.eq("_id", id)).projection(Projections.include(SEQUENCE)).first();
            Long applied = view == null ? null : view.get(SEQUENCE, Number.class) == null ? null
                    : view.get(SEQUENCE, Number.class).longValue();
            if (applied != null && applied >= sequence) {
                return Outcome.DUPLICATE;
            }
            try {
                // No view yet: the upsert inserts it, unless someone else just did (a duplicate key: read again).
                var result = views.updateOne(Guards.where(id, SEQUENCE, applied), write,
                        new UpdateOptions().upsert(view == null));
                if (result.getMatchedCount() > 0 || result.getUpsertedId() != null) {
                    return Outcome.APPLIED;
                }
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            if (attempt == 5) {
                throw new IllegalStateException("view " + id + " kept changing while applying sequence " + sequence);
            }
        }
    }
}
