package vn.giamngheo.platform.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import vn.giamngheo.platform.mongo.Guards;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;

/**
 * One collection of aggregates of one type (design §4a): read by id, one or many at a time, and written only as
 * {@link Change}s. Each change is one single-document operation guarded by the version it was decided on
 * ({@link Guards}: the filter {@code {_id, version}} and its unique index), which sets the new state, pushes the
 * change's {@linkplain Change#appends appends} and appends its events to the document's outbox
 * ({@value Outbox#FIELD}); the relay is woken for them. A new aggregate is inserted if absent. Whoever loses a race —
 * the version moved on, or the id exists — is told so ({@code false}, or {@link Result#conflicted}) and reloads.
 *
 * <p>Declared with {@link Aggregates}; services never see {@link Document}, the outbox or the relay.
 */
public final class AggregateCollection<R> {

    /** The field of the aggregate's version, which the guard compares. */
    public static final String VERSION = "version";
    /** Which bulk write last changed the document: tells after an unordered bulk which guarded updates held. */
    static final String LAST_WRITE = "lastWrite";

    /** Which aggregates a batch wrote and which lost to another writer (nothing was written for those). */
    public record Result(Set<String> applied, Set<String> conflicted) {

        public Result {
            applied = Set.copyOf(applied);
            conflicted = Set.copyOf(conflicted);
        }

        public boolean allApplied() {
            return conflicted.isEmpty();
        }
    }

    /** Decides one aggregate's change from its current state; nothing to do: empty. */
    @FunctionalInterface
    public interface Decider<R> {

        /** @param current null when no aggregate has this id */
        Optional<Change<R>> decide(String id, R current);
    }

    private final String name;
    private final MongoCollection<Document> one;
    private final MongoCollection<Document> many;
    private final Codec<R> codec;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Bson projection;
    private final boolean versioned;

    /**
     * @param many      the same collection with the long bound, for bulk operations
     * @param outbox    null for aggregates that cause no events
     * @param versioned false for records that are only inserted (no version, no guard index)
     */
    AggregateCollection(String name, MongoCollection<Document> one, MongoCollection<Document> many, Codec<R> codec,
            Outbox outbox, OutboxRelay relay, boolean versioned) {
        this.name = name;
        this.versioned = versioned;
        this.one = one;
        this.many = many;
        this.codec = codec;
        this.outbox = outbox;
        this.relay = relay;
        List<String> skipped = new ArrayList<>(codec.unread());
        skipped.add(Outbox.FIELD);
        skipped.add(LAST_WRITE);
        this.projection = Projections.exclude(skipped);
        if (versioned) {
            Guards.index(one, VERSION);
        }
    }

    /** What reading a record takes from its document, for the queries a store runs beside this collection. */
    public Bson readProjection() {
        return projection;
    }

    public String name() {
        return name;
    }

    public Optional<R> find(String id) {
        return Optional.ofNullable(one.find(Filters.eq("_id", id)).projection(projection).first()).map(codec::decode);
    }

    /** The aggregates among {@code ids} that exist, by id: one {@code $in} query. */
    public Map<String, R> loadAll(Collection<String> ids) {
        Map<String, R> found = new HashMap<>();
        if (!ids.isEmpty()) {
            many.find(Filters.in("_id", new LinkedHashSet<>(ids))).projection(projection)
                    .forEach(d -> found.put(d.getString("_id"), codec.decode(d)));
        }
        return found;
    }

    /** @return false when a record with its id exists: nothing is written */
    public boolean insertIfAbsent(R record) {
        return apply(Change.create(record));
    }

    /**
     * Writes one change in one single-document operation with its guard: an insert-if-absent for a new aggregate, else
     * an update while the stored version is still the expected one.
     *
     * @return false when the guard did not hold (someone else changed or created it): nothing is written
     */
    public boolean apply(Change<R> change) {
        String id = codec.id(change.after());
        if (change.isNew()) {
            try {
                one.insertOne(document(change));
            } catch (MongoWriteException e) {
                DuplicateKeys.only(e);
                return false;
            }
        } else if (one.updateOne(Guards.where(id, VERSION, change.expectedVersion()), update(change, null))
                .getMatchedCount() == 0) {
            return false;
        }
        if (!change.events().isEmpty()) {
            relay.wake(name, id);
        }
        return true;
    }

    /**
     * Writes many changes (at most one per aggregate) in one unordered bulk write, each with its own guard as in
     * {@link #apply}.
     *
     * @return which were written and which conflicted (nothing was written for those: reload and decide again)
     */
    public Result applyAll(List<Change<R>> changes) {
        if (changes.isEmpty()) {
            return new Result(Set.of(), Set.of());
        }
        ObjectId token = new ObjectId();
        List<String> ids = new ArrayList<>(changes.size());
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
        List<String> updated = new ArrayList<>();
        for (Change<R> change : changes) {
            String id = codec.id(change.after());
            ids.add(id);
            if (change.isNew()) {
                writes.add(new InsertOneModel<>(document(change)));
            } else {
                writes.add(new UpdateOneModel<>(Guards.where(id, VERSION, change.expectedVersion()),
                        update(change, token)));
                updated.add(id);
            }
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("one change per aggregate in a batch: " + ids);
        }
        Set<String> conflicted = new LinkedHashSet<>();
        BulkWriteResult result;
        try {
            result = many.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            DuplicateKeys.of(e).forEach(index -> conflicted.add(ids.get(index)));
            result = e.getWriteResult();
        }
        if (result.getMatchedCount() < updated.size()) {
            // Some guards did not hold: the documents this bulk wrote carry its token (one read, only then).
            Set<String> written = new HashSet<>();
            many.find(Filters.in("_id", updated)).projection(Projections.include(LAST_WRITE))
                    .forEach(d -> {
                        if (token.equals(d.get(LAST_WRITE))) {
                            written.add(d.getString("_id"));
                        }
                    });
            updated.stream().filter(id -> !written.contains(id)).forEach(conflicted::add);
        }
        Set<String> applied = new LinkedHashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            String id = ids.get(i);
            if (!conflicted.contains(id)) {
                applied.add(id);
                if (!changes.get(i).events().isEmpty()) {
                    relay.wake(name, id);
                }
            }
        }
        return new Result(applied, conflicted);
    }

    /**
     * Load, decide, apply, and again for the conflicted only: the aggregates {@code ids} are read in one query, each
     * decided by {@code decider}, written in one bulk; those another writer changed meanwhile are read and decided
     * again, up to {@code attempts} rounds in all.
     *
     * @return the aggregates written, and those still conflicting after the last attempt (the ones the decider left
     *         alone are in neither)
     */
    public Result decideAll(Collection<String> ids, Decider<R> decider, int attempts) {
        Set<String> applied = new LinkedHashSet<>();
        Set<String> remaining = new LinkedHashSet<>(ids);
        for (int attempt = 1; attempt <= attempts && !remaining.isEmpty(); attempt++) {
            Map<String, R> current = loadAll(remaining);
            List<Change<R>> changes = new ArrayList<>();
            for (String id : remaining) {
                decider.decide(id, current.get(id)).ifPresent(changes::add);
            }
            Result result = applyAll(changes);
            applied.addAll(result.applied());
            remaining = new LinkedHashSet<>(result.conflicted());
        }
        return new Result(applied, remaining);
    }

    private Document document(Change<R> change) {
        Document document = codec.encode(change.after());
        Map<String, List<Object>> appends = appends(change);
        appends.forEach(document::append);
        if (!change.events().isEmpty()) {
            document.append(Outbox.FIELD, entries(change));
        }
        return document;
    }

    private Bson update(Change<R> change, ObjectId token) {
        if (!versioned) {
            throw new IllegalStateException(name + " holds records that are only inserted; it has no version to guard");
        }
        Document state = codec.encode(change.after());
        state.remove("_id");
        if (token != null) {
            state.append(LAST_WRITE, token);
        }
        List<Bson> parts = new ArrayList<>();
        parts.add(new Document("$set", state));
        appends(change).forEach((field, elements) -> parts.add(Updates.pushEach(field, elements)));
        if (!change.events().isEmpty()) {
            parts.add(Outbox.append(entries(change)));
        }
        return Updates.combine(parts);
    }

    private static Map<String, List<Object>> appends(Change<?> change) {
        Map<String, List<Object>> byField = new LinkedHashMap<>();
        change.appends().forEach(a -> byField.computeIfAbsent(a.field(), f -> new ArrayList<>()).add(a.element()));
        return byField;
    }

    private List<Document> entries(Change<R> change) {
        if (outbox == null) {
            throw new IllegalStateException(name + " was declared without an outbox; it cannot store events");
        }
        List<Document> entries = new ArrayList<>(change.events().size());
        change.events().forEach(e -> entries.add(entry(e)));
        return entries;
    }

    private <T extends vn.giamngheo.contracts.DomainEvent> Document entry(Change.Event<T> event) {
        return outbox.entry(event.type(), event.payload());
    }
}
