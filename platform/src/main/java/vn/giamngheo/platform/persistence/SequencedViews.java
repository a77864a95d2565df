package vn.giamngheo.platform.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.mongo.Guards;

/**
 * Per-aggregate view documents that apply an event only if its sequence is newer than the last one applied, a batch
 * at a time: the views' sequences are read in one query, every update that is newer is written in one unordered bulk
 * write, each guarded by the sequence read ({@link Guards}), and only those another writer moved on meanwhile are read
 * and tried again. A replay or a duplicate changes nothing. Several updates of one view in a batch are applied in their order, one per round.
 */
public final class SequencedViews {

    public static final String SEQUENCE = "sequence";
    private static final int ROUNDS_WITHOUT_PROGRESS = 5;

    /** Apply {@code update} to the view {@code id} if {@code sequence} is newer than the view's. */
    public record Update(String id, long sequence, org.bson.conversions.Bson update) {
    }

    private final MongoCollection<Document> views;
    /** Runs between reading the sequences and writing (tests let another writer in there). */
    private final Runnable betweenReadAndWrite;

    public SequencedViews(MongoCollection<Document> views) {
        this(views, () -> { });
    }

    SequencedViews(MongoCollection<Document> views, Runnable betweenReadAndWrite) {
        this.views = views;
        this.betweenReadAndWrite = betweenReadAndWrite;
        Guards.index(views, SEQUENCE);
    }

    /**
     * @return for each update, in their order: {@link Outcome#APPLIED}, or {@link Outcome#DUPLICATE} when the view
     *         was already at or beyond its sequence
     */
    public List<Outcome> applyAll(List<Update> updates) {
        Outcome[] outcomes = new Outcome[updates.size()];
        Map<String, Deque<Integer>> pending = new LinkedHashMap<>();
        for (int i = 0; i < updates.size(); i++) {
            pending.computeIfAbsent(updates.get(i).id(), id -> new ArrayDeque<>()).add(i);
        }
        Map<String, Long> sequences = new HashMap<>();
        Set<String> existing = new HashSet<>();
        read(pending.keySet(), sequences, existing);
        int idle = 0;
        while (!pending.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            List<Integer> written = new ArrayList<>();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                String id = entry.getKey();
                Deque<Integer> queue = entry.getValue();
                Long applied = sequences.get(id);
                while (!queue.isEmpty() && applied != null && applied >= updates.get(queue.peek()).sequence()) {
                    outcomes[queue.poll()] = Outcome.DUPLICATE;
                }
                if (queue.isEmpty()) {
                    it.remove();
                    continue;
                }
                Update update = updates.get(queue.peek());
                writes.add(new UpdateOneModel<>(Guards.where(id, SEQUENCE, applied),
                        Updates.combine(update.update(), Updates.set(SEQUENCE, update.sequence())),
                        new UpdateOptions().upsert(!existing.contains(id))));
                written.add(queue.peek());
            }
            if (writes.isEmpty()) {
                break;
            }
            betweenReadAndWrite.run();
            Set<Integer> failed = Set.of();
            BulkWriteResult result;
            try {
                result = views.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // A duplicate key: someone else created the view since it was read.
                failed = DuplicateKeys.of(e);
                result = e.getWriteResult();
            }
            boolean allHeld = failed.isEmpty()
                    && result.getMatchedCount() + result.getUpserts().size() == writes.size();
            if (!allHeld) {
                // Which held: the views now at the sequence written (one read, only when some guard did not hold).
                sequences.clear();
                read(written.stream().map(i -> updates.get(i).id()).toList(), sequences, existing);
            }
            int progress = 0;
            for (int w = 0; w < written.size(); w++) {
                Update update = updates.get(written.get(w));
                boolean held = allHeld || !failed.contains(w) && Long.valueOf(update.sequence())
                        .equals(sequences.get(update.id()));
                if (held) {
                    outcomes[written.get(w)] = Outcome.APPLIED;
                    sequences.put(update.id(), update.sequence());
                    existing.add(update.id());
                    pending.get(update.id()).poll();
                    progress++;
                }
            }
            idle = progress == 0 ? idle + 1 : 0;
            if (idle == ROUNDS_WITHOUT_PROGRESS) {
                throw new IllegalStateException("views kept changing while applying a batch of " + updates.size());
            }
        }
        return Arrays.asList(outcomes);
    }

    private void read(Collection<String> ids, Map<String, Long> sequences, Set<String> existing) {
        views.find(Filters.in("_id", ids)).projection(Projections.include(SEQUENCE)).forEach(d -> {
            existing.add(d.getString("_id"));
            Number sequence = d.get(SEQUENCE, Number.class);
            if (sequence != null) {
                sequences.put(d.getString("_id"), sequence.longValue());
            }
        });
    }
}
