package vn.giamngheo.reporting.facts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bson.Document;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactStore.Kind;

/**
 * The stored facts held in memory per household, with each household's {@link HouseholdTimeline} rebuilt whenever
 * one of its documents changes. Figures are computed from here; the store is the truth it is loaded from at start-up.
 * A household's documents are replaced atomically, so a reader sees each household either before or after a fact.
 */
public final class FactIndex {

    private record Docs(Document household, Map<String, Document> benefits, Map<String, Document> cards,
            Map<String, Document> applications) {

        static final Docs EMPTY = new Docs(null, Map.of(), Map.of(), Map.of());

        Docs with(Kind kind, Document doc) {
            String id = doc.getString("_id");
            return switch (kind) {
                case HOUSEHOLD -> new Docs(doc, benefits, cards, applications);
                case BENEFIT -> new Docs(household, put(benefits, id, doc), cards, applications);
                case CARD -> new Docs(household, benefits, put(cards, id, doc), applications);
                case APPLICATION -> new Docs(household, benefits, cards, put(applications, id, doc));
            };
        }

        private static Map<String, Document> put(Map<String, Document> map, String id, Document doc) {
            Map<String, Document> copy = new java.util.HashMap<>(map);
            copy.put(id, doc);
            return Map.copyOf(copy);
        }
    }

    private record Entry(Docs docs, HouseholdTimeline timeline) {
    }

    private final Areas areas;
    private final Map<String, Entry> households = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private final List<Consumer<HouseholdTimeline>> listeners = new CopyOnWriteArrayList<>();

    public FactIndex(Areas areas) {
        this.areas = areas;
    }

    /** Loads every stored fact; call once, before the consumers start. */
    public static FactIndex load(FactStore store, Areas areas) {
        FactIndex index = new FactIndex(areas);
        for (Kind kind : Kind.values()) {
            store.forEach(kind, doc -> index.put(kind, doc));
        }
        return index;
    }

    public void put(Kind kind, Document doc) {
        String householdId = doc.getString(FactStore.HOUSEHOLD_ID);
        Entry entry = households.compute(householdId, (id, old) -> {
            Docs docs = (old == null ? Docs.EMPTY : old.docs()).with(kind, doc);
            return new Entry(docs, HouseholdTimeline.build(id, docs.household(), docs.benefits().values(),
                    docs.cards().values(), docs.applications().values(), areas));
        });
        version.incrementAndGet();
        listeners.forEach(l -> l.accept(entry.timeline()));
    }

    /** Called after every change, with the household's new timeline (on the consumer's thread: keep it short). */
    public void onChange(Consumer<HouseholdTimeline> listener) {
        listeners.add(listener);
    }

    /** The household's current timeline, if it has any fact. */
    public java.util.Optional<HouseholdTimeline> timeline(String householdId) {
        return java.util.Optional.ofNullable(households.get(householdId)).map(Entry::timeline);
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

    public java.util.Set<String> householdIds() {
        return java.util.Set.copyOf(households.keySet());
    }

    /** The facts stored for one household, by aggregate id (the household's own id for its household facts). */
    public Map<String, Document> facts(String householdId) {
        Entry entry = households.get(householdId);
        Map<String, Document> facts = new java.util.HashMap<>();
        if (entry != null) {
            Docs docs = entry.docs();
            if (docs.household() != null) {
                facts.put(docs.household().getString("_id"), docs.household().get(FactStore.FACTS, Document.class));
            }
            for (Map<String, Document> kind : List.of(docs.benefits(), docs.cards(), docs.applications())) {
                kind.forEach((id, doc) -> facts.put(id, doc.get(FactStore.FACTS, Document.class)));
            }
        }
        return facts;
    }
}
