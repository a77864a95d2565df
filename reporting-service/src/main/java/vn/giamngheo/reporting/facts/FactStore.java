package vn.giamngheo.reporting.facts;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;

/**
 * The facts reporting keeps, one versioned record per aggregate of another service (a household, a benefit decision,
 * a card request, an application), each fact under its event's sequence. A sequence is recorded once: a duplicate or
 * replayed event changes nothing, and facts that arrive out of order still land in their place. A batch of facts is
 * recorded with one bulk write per kind, decided on what the process knows of the aggregates (the index); only an
 * aggregate another writer changed meanwhile is read ({@link AggregateCollection#decideAll}) and decided again.
 */
public final class FactStore {

    public enum Kind {
        HOUSEHOLD("households"), BENEFIT("benefits"), CARD("cards"), APPLICATION("applications");

        private final String collection;

        Kind(String collection) {
            this.collection = collection;
        }
    }

    /** One aggregate's facts by sequence, and the household they belong to. */
    public record Facts(String id, long version, String householdId, SortedMap<Long, Fact> bySequence) {

        public Facts {
            bySequence = Collections.unmodifiableSortedMap(new TreeMap<>(bySequence));
        }
    }

    /** A fact to record: the aggregate ({@code kind}, {@code id}) of {@code householdId}, under {@code sequence}. */
    public record Entry(Kind kind, String id, String householdId, long sequence, Fact fact) {
    }

    /** An aggregate as stored after a batch added facts to it. */
    public record Stored(Kind kind, Facts facts) {
    }

    /**
     * What a batch did: per entry, in their order, {@link Outcome#APPLIED} or {@link Outcome#DUPLICATE} (its sequence
     * was recorded before, or earlier in the batch); the aggregates that changed, and those read because they were
     * not as known, as stored now.
     */
    public record Recorded(List<Outcome> outcomes, List<Stored> changed) {
    }

    private static final Logger log = LoggerFactory.getLogger(FactStore.class);
    private static final FactCodec CODEC = new FactCodec();
    /** Rounds of load, decide, write for aggregates another writer changes meanwhile. */
    private static final int ATTEMPTS = 5;

    private final MongoDatabase database;
    private final String prefix;
    private final Map<Kind, AggregateCollection<Facts>> collections = new EnumMap<>(Kind.class);

    /** @param prefix prepended to every collection name: empty for the live store, unique for a rebuild */
    public FactStore(Aggregates aggregates, MongoDatabase database, String prefix) {
        this.database = database;
        this.prefix = prefix;
        for (Kind kind : Kind.values()) {
            collections.put(kind, aggregates.withoutOutbox(name(kind), CODEC));
        }
    }

    private String name(Kind kind) {
        return prefix + "facts_" + kind.collection;
    }

    /** What this process knows of an aggregate as stored (a copy it wrote or loaded); null when nothing. */
    @FunctionalInterface
    public interface Known {

        Facts of(Kind kind, String householdId, String id);
    }

    /** {@link #recordAll(List, Known)} knowing nothing beforehand. */
    public Recorded recordAll(List<Entry> entries) {
        return recordAll(entries, (kind, householdId, id) -> null);
    }

    /**
     * Records a batch of facts: per kind, one unordered bulk write, each aggregate guarded by its version. The facts
     * are first decided on what this process {@code known}s of each aggregate, without reading it: an aggregate's
     * sequences only grow, so a sequence known is stored, and one that is not is written under the known version (or
     * inserted if the aggregate is not known). Those another writer changed meanwhile, or that exist unknown, fail
     * their guard and only they are read (one query) and decided again. Several facts of one aggregate go into one
     * write, in their order.
     */
    public Recorded recordAll(List<Entry> entries, Known known) {
        Outcome[] outcomes = new Outcome[entries.size()];
        List<Stored> changed = new ArrayList<>();
        Map<Kind, Map<String, List<Integer>>> grouped = new EnumMap<>(Kind.class);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            grouped.computeIfAbsent(entry.kind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(entry.id(), id -> new ArrayList<>()).add(i);
        }
        grouped.forEach((kind, byAggregate) -> {
            AggregateCollection<Facts> collection = collections.get(kind);
            Map<String, Facts> decided = new HashMap<>();
            AggregateCollection.Decider<Facts> fromKnown = (id, current) ->
                    decide(kind, id, current, byAggregate.get(id), entries, outcomes).map(change -> {
                        decided.put(id, change.after());
                        return change;
                    });
            List<Change<Facts>> changes = new ArrayList<>();
            byAggregate.forEach((id, indexes) -> fromKnown.decide(id,
                    known.of(kind, entries.get(indexes.getFirst()).householdId(), id)).ifPresent(changes::add));
            AggregateCollection.Result first = collection.applyAll(changes);
            Set<String> current = new HashSet<>(first.applied());
            if (!first.allApplied()) {
                // Read: what is stored is news to the caller's copy even where nothing is left to write.
                AggregateCollection.Result again = collection.decideAll(first.conflicted(), (id, stored) -> {
                    Optional<Change<Facts>> change = fromKnown.decide(id, stored);
                    if (change.isEmpty() && stored != null) {
                        decided.put(id, stored);
                        current.add(id);
                    }
                    return change;
                }, ATTEMPTS);
                if (!again.allApplied()) {
                    throw new IllegalStateException(kind + " facts " + again.conflicted() + " kept changing while "
                            + "recording a batch; the batch is retried");
                }
                current.addAll(again.applied());
            }
            byAggregate.keySet().stream().filter(current::contains)
                    .forEach(id -> changed.add(new Stored(kind, decided.get(id))));
        });
        return new Recorded(Arrays.asList(outcomes), changed);
    }

    /** The aggregate with the entries' facts whose sequences it lacks; empty when it has them all. */
    private static Optional<Change<Facts>> decide(Kind kind, String id, Facts current, List<Integer> indexes,
            List<Entry> entries, Outcome[] outcomes) {
        SortedMap<Long, Fact> facts = current == null ? new TreeMap<>() : new TreeMap<>(current.bySequence());
        String householdId = current == null ? null : current.householdId();
        boolean added = false;
        for (int i : indexes) {
            Entry entry = entries.get(i);
            Fact first = facts.putIfAbsent(entry.sequence(), entry.fact());
            if (first == null) {
                outcomes[i] = Outcome.APPLIED;
                householdId = entry.householdId();
                added = true;
            } else {
                outcomes[i] = Outcome.DUPLICATE;
                if (!first.equals(entry.fact())) {
                    // Two different events under one sequence: a publisher's mistake. The first one recorded stays.
                    log.warn("{} {}: sequence {} came again with other content; the first is kept", kind, id,
                            entry.sequence());
                }
            }
        }
        if (!added) {
            return Optional.empty();
        }
        if (current == null) {
            return Optional.of(Change.create(new Facts(id, 1, householdId, facts)));
        }
        return Optional.of(Change.update(current.version(), new Facts(id, current.version() + 1, householdId, facts)));
    }

    /** Every aggregate of a kind (the start-up load): bounded per batch, however many households there are. */
    public void forEach(Kind kind, Consumer<Facts> action) {
        MongoTimeouts.scan(database.getCollection(name(kind)), Filters.empty())
                .projection(collections.get(kind).readProjection()).forEach(d -> action.accept(CODEC.decode(d)));
    }

    /** Removes every collection of this store (a rebuild's, once compared). */
    public void drop() {
        for (Kind kind : Kind.values()) {
            database.getCollection(name(kind)).drop();
        }
    }
}
