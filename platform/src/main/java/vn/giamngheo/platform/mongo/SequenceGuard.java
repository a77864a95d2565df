package vn.giamngheo.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.giamngheo.platform.messaging.Outcome;

/**
 * Applies an event to a per-aggregate view document only if its sequence is newer than the last one applied. The
 * view's sequence is read, and the update is written only while the sequence is still the one read ({@link Guards}):
 * a replay or a duplicate changes nothing, and two writers racing on one view cannot both win (the loser reads again).
 *
 * <p>The guard remembers the sequence it last read or wrote for each view. A view's sequence only grows, so the view
 * is at least that far: an event at or below it is a duplicate without asking the store, and the next event is written
 * at once, conditionally on that sequence (one round trip instead of two). If another writer — another instance after
 * a rebalance — moved the view on, the condition does not hold and the guard reads the view as before. The memory is
 * only a shortcut: it holds at most {@value #REMEMBERED} views and is forgotten when full.
 */
public final class SequenceGuard {

    public static final String SEQUENCE = "sequence";
    static final int REMEMBERED = 200_000;

    private final MongoCollection<Document> views;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    public SequenceGuard(MongoCollection<Document> views) {
        this.views = views;
        Guards.index(views, SEQUENCE);
    }

    /** Applies {@code update} to the view {@code id} if {@code sequence} is newer than the view's. */
    public Outcome apply(String id, long sequence, Bson update) {
        Bson write = Updates.combine(update, Updates.set(SEQUENCE, sequence));
        Long remembered = known.get(id);
        if (remembered != null) {
            if (remembered >= sequence) {
                return Outcome.DUPLICATE;
            }
            if (views.updateOne(Guards.where(id, SEQUENCE, remembered), write).getMatchedCount() > 0) {
                remember(id, sequence);
                return Outcome.APPLIED;
            }
        }
        for (int attempt = 1; ; attempt++) {
            Document view = views.find(Filters.eq("_id", id)).projection(Projections.include(SEQUENCE)).first();
            Long applied = view == null ? null : view.get(SEQUENCE, Number.class) == null ? null
                    : view.get(SEQUENCE, Number.class).longValue();
            if (applied != null && applied >= sequence) {
                remember(id, applied);
                return Outcome.DUPLICATE;
            }
            try {
                // No view yet: the upsert inserts it, unless someone else just did (a duplicate key: read again).
                var result = views.updateOne(Guards.where(id, SEQUENCE, applied), write,
                        new UpdateOptions().upsert(view == null));
                if (result.getMatchedCount() > 0 || result.getUpsertedId() != null) {
                    remember(id, sequence);
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

    private void remember(String id, long sequence) {
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        known.merge(id, sequence, Math::max);
    }
}
