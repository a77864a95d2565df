package vn.giamngheo.reporting.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactStore.Facts;
import vn.giamngheo.reporting.facts.FactStore.Kind;
import vn.giamngheo.reporting.facts.FactStore.Stored;

/**
 * The stored facts held in memory per household, with each household's {@link HouseholdTimeline} rebuilt whenever
 * one of its aggregates changes. Figures are computed from here; the store is the truth it is loaded from at start-up.
 * A household's aggregates are replaced atomically, so a reader sees each household either before or after a batch.
 */
public final class FactIndex {

    private record Aggregates(Facts household, Map<String, Facts> benefits, Map<String, Facts> cards,
            Map<String, Facts> applications) {

        static final Aggregates EMPTY = new Aggregates(null, Map.of(), Map.of(), Map.of());

        Aggregates with(Kind kind, Facts facts) {
            return switch (kind) {
                case HOUSEHOLD -> new Aggregates(facts, benefits, cards, applications);
                case BENEFIT -> new Aggregates(household, put(benefits, facts), cards, applications);
                case CARD -> new Aggregates(household, benefits, put(cards, facts), applications);
                case APPLICATION -> new Aggregates(household, benefits, cards, put(applications, facts));
            };
        }

        private static Map<String, Facts> put(Map<String, Facts> map, Facts facts) {
            Map<String, Facts> copy = new HashMap<>(map);
            copy.put(facts.id(), facts);
            return Map.copyOf(copy);
        }
    }

    private record Entry(Aggregates aggregates, HouseholdTimeline timeline) {
    }

    private final Areas areas;
    private final Map<String, Entry> households = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final List<Consumer<HouseholdTimeline>> listeners = new CopyOnWriteArrayList<>();

    public FactIndex(Areas areas) {
        this.areas = areas;
    }

    /** Loads every stored fact; call once, before the consumers start. */
    public static FactIndex load(FactStore store, Areas areas) {
        FactIndex index = new FactIndex(areas);
        for (Kind kind : Kind.values()) {
            store.forEach(kind, facts -> index.putAll(List.of(new Stored(kind, facts))));
        }
        return index;
    }

    /**
     * Takes in the aggregates a batch changed: each household's timeline is rebuilt once, with all of its changed
     * aggregates, and the listeners are told once per household.
     */
    public void putAll(Collection<Stored> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Map<String, List<Stored>> byHousehold = new LinkedHashMap<>();
        changed.forEach(s -> byHousehold.computeIfAbsent(s.facts().householdId(), id -> new ArrayList<>())
                .add(s));
        List<HouseholdTimeline> timelines = new ArrayList<>(byHousehold.size());
        byHousehold.forEach((householdId, ofHousehold) -> timelines.add(households.compute(householdId, (id, old) -> {
            Aggregates aggregates = old == null ? Aggregates.EMPTY : old.aggregates();
            for (Stored s : ofHousehold) {
                aggregates = aggregates.with(s.kind(), s.facts());
            }
            return new Entry(aggregates, HouseholdTimeline.build(id, aggregates.household(),
                    aggregates.benefits().values(), aggregates.cards().values(), aggregates.applications().values(),
                    areas));
        }).timeline()));
        version.incrementAndGet();
        timelines.forEach(timeline -> listeners.forEach(l -> l.accept(timeline)));
    }

    /** The aggregate's facts as this index holds them (as stored when written or loaded); null when it has none. */
    public Facts known(Kind kind, String householdId, String id) {
        Entry entry = households.get(householdId);
        if (entry == null) {
            return null;
        }
        Aggregates aggregates = entry.aggregates();
        return switch (kind) {
            case HOUSEHOLD -> aggregates.household();
            case BENEFIT -> aggregates.benefits().get(id);
            case CARD -> aggregates.cards().get(id);
            case APPLICATION -> aggregates.applications().get(id);
        };
    }

    /** Called after every change, with the household's new timeline (on the consumer's thread: keep it short). */
    public void onChange(Consumer<HouseholdTimeline> listener) {
        listeners.add(listener);
    }

    /** The household's current timeline, if it has any fact. */
    public Optional<HouseholdTimeline> timeline(String householdId) {
        return Optional.ofNullable(households.get(householdId)).map(Entry::timeline);
    }

    public Collection<HouseholdTimeline> timelines() {
        return households.values().stream().map(Entry::timeline).toList();
    }

    /** Grows with every change: figures computed at the same version are still current. */
    public long version() {
        return version.get();
    }

    public int size() {
        return households.size();
    }

    public Set<String> householdIds() {
        return Set.copyOf(households.keySet());
    }

    /** The facts stored for one household, by aggregate id (the household's own id for its household facts). */
    public Map<String, SortedMap<Long, Fact>> facts(String householdId) {
        Entry entry = households.get(householdId);
        Map<String, SortedMap<Long, Fact>> facts = new HashMap<>();
        if (entry != null) {
            Aggregates aggregates = entry.aggregates();
            if (aggregates.household() != null) {
                facts.put(aggregates.household().id(), aggregates.household().bySequence());
            }
            for (Map<String, Facts> kind : List.of(aggregates.benefits(), aggregates.cards(),
                    aggregates.applications())) {
                kind.forEach((id, f) -> facts.put(id, f.bySequence()));
            }
        }
        return facts;
    }
}
