package vn.giamngheo.household.registry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * Households in MongoDB, each document holding its state, its history and its outbox. Every write is one atomic
 * single-document operation, guarded by the version the command was decided on (optimistic concurrency).
 */
@Component
class HouseholdStore {

    static final String COLLECTION = "households";
    private static final Logger log = LoggerFactory.getLogger(HouseholdStore.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Another command changed the household between reading and writing; the caller may retry. */
    static class ConcurrentChangeException extends RuntimeException {
        ConcurrentChangeException(String id) {
            super("household " + id + " was changed by someone else at the same time; please retry");
        }
    }

    record Page(List<Household> items, long total) {
    }

    /** How a household is stored; the document also keeps its history, which reading a household skips. */
    static final Codec<Household> CODEC = Codec.of(Household::id, HouseholdStore::toDocument,
            HouseholdStore::fromDocument, Set.of("history"));

    private final AggregateCollection<Household> aggregates;
    private final MongoCollection<Document> households;
    private final ObjectProvider<HouseholdWriteListener> listeners;
    /**
     * The same with the long bound, for what touches many households at once: listings and whole-registry passes are
     * answered by scanning on mongo-java-server.
     */
    private final MongoCollection<Document> many;

    HouseholdStore(Aggregates collections, MongoDatabase database, MongoTimeouts timeouts,
            ObjectProvider<HouseholdWriteListener> listeners) {
        this.aggregates = collections.withOutbox(COLLECTION, CODEC);
        this.households = database.getCollection(COLLECTION);
        this.listeners = listeners;
        this.many = timeouts.forLongOperations(households);
        // Production MongoDB uses these; mongo-java-server ignores non-unique indexes (queries scan).
        households.createIndex(Indexes.ascending("unitCode", "status"));
        households.createIndex(Indexes.ascending("currentClass"));
    }

    /** A household's change as stored: its state, its events and its history line, decided on the version before. */
    private static Change<Household> stored(Household.Change change) {
        Household after = change.household();
        List<Change.Event<?>> events = Change.Event.of(change.events());
        // Each event advances the version by one; the command was decided on the version before them.
        long decidedOn = after.version() - change.events().size();
        Change<Household> stored = decidedOn == 0 ? Change.create(after, events)
                : Change.update(decidedOn, after, events);
        return stored.appending("history", toDocument(change.history()));
    }

    void insert(Household.Change registration) {
        if (!aggregates.apply(stored(registration))) {
            throw new ConcurrentChangeException(registration.household().id());
        }
        written(List.of(registration.household().id()));
    }

    /** {@link #insert} for many new households, in one round trip. */
    void insertAll(List<Household.Change> registrations) {
        AggregateCollection.Result result = aggregates.applyAll(registrations.stream().map(HouseholdStore::stored)
                .toList());
        written(List.copyOf(result.applied()));
        if (!result.allApplied()) {
            throw new ConcurrentChangeException(result.conflicted().iterator().next());
        }
    }

    /** Writes the state after a command, appending its events and history line, if nobody changed it meanwhile. */
    void apply(Household.Change change) {
        if (!aggregates.apply(stored(change))) {
            throw new ConcurrentChangeException(change.household().id());
        }
        written(List.of(change.household().id()));
    }

    /**
     * Decides and writes many households: read in one query, written in one bulk write (each household version-guarded
     * on its own), those someone else changed meanwhile read and decided again, up to {@code attempts} rounds.
     *
     * @param decider the change of a household by id (null household: none has the id), or empty: nothing to do
     * @return the households still changed by someone else after the last attempt: nothing was written for them
     */
    Set<String> decideAll(Collection<String> ids, BiFunction<String, Household, Optional<Household.Change>> decider,
            int attempts) {
        AggregateCollection.Result result = aggregates.decideAll(ids,
                (id, household) -> decider.apply(id, household).map(HouseholdStore::stored), attempts);
        written(List.copyOf(result.applied()));
        return result.conflicted();
    }

    /** The write is stored: a listener's failure is its own to repair, never the command's. */
    private void written(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        listeners.orderedStream().forEach(listener -> {
            try {
                listener.written(ids);
            } catch (RuntimeException e) {
                log.warn("A listener of household writes failed for {} households; it repairs itself", ids.size(), e);
            }
        });
    }

    /** How many households the store holds and the sum of their versions: every write changes one or the other. */
    HouseholdRegistry.StoreFingerprint fingerprint() {
        Document totals = many.aggregate(List.of(new Document("$group", new Document("_id", null)
                .append("n", new Document("$sum", 1)).append("v", new Document("$sum", "$version"))))).first();
        return totals == null ? new HouseholdRegistry.StoreFingerprint(0, 0)
                : new HouseholdRegistry.StoreFingerprint(((Number) totals.get("n")).longValue(), ((Number) totals.get("v")).longValue());
    }

    /** Every household, whatever its status, one at a time (without history and outbox). */
    void forEach(java.util.function.Consumer<Household> action) {
        MongoTimeouts.scan(many, new Document()).projection(aggregates.readProjection())
                .forEach(doc -> action.accept(fromDocument(doc)));
    }

    /** The households with these ids that exist (without history and outbox), by id. */
    Map<String, Household> findAll(Collection<String> ids) {
        return aggregates.loadAll(ids);
    }

    Optional<Household> find(String id) {
        return aggregates.find(id);
    }

    List<Household.HistoryEntry> history(String id) {
        Document doc = households.find(Filters.eq("_id", id)).projection(Projections.include("history")).first();
        if (doc == null) {
            return List.of();
        }
        return doc.getList("history", Document.class).stream().map(h -> new Household.HistoryEntry(
                h.getLong("version"), h.getString("change"), LocalDate.parse(h.getString("effectiveDate")),
                h.getDate("recordedAt").toInstant(), h.getString("details"))).toList();
    }

    /**
     * A page of households; {@code householdClass} is the class in force on {@code today}: the latest decision's
     * ({@code currentClass}) once it has taken effect, before that the class it replaces ({@code classBefore}).
     */
    Page list(String unitCode, String village, HouseholdClass householdClass, LocalDate today,
            HouseholdStatus status, int page, int size) {
        List<Bson> conditions = new ArrayList<>();
        if (unitCode != null) {
            conditions.add(Filters.eq("unitCode", unitCode));
        }
        if (village != null) {
            conditions.add(Filters.eq("village", village));
        }
        if (householdClass != null) {
            String day = today.toString();
            conditions.add(Filters.or(
                    Filters.and(Filters.eq("currentClass", householdClass.name()),
                            Filters.or(Filters.eq(CLASS_FROM, null), Filters.lte(CLASS_FROM, day))),
                    Filters.and(Filters.eq(CLASS_BEFORE, householdClass.name()), Filters.gt(CLASS_FROM, day))));
        }
        if (status != null) {
            conditions.add(Filters.eq("status", status.name()));
        }
        Bson filter = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<Household> items = new ArrayList<>();
        many.find(filter).projection(aggregates.readProjection())
                .sort(Sorts.ascending("registeredAt", "_id")).skip(page * size).limit(size)
                .forEach(doc -> items.add(fromDocument(doc)));
        return new Page(items, many.countDocuments(filter));
    }

    /** Every active household, one at a time, for whole-registry computations that change nothing. */
    void forEachActive(java.util.function.Consumer<Household> action) {
        MongoTimeouts.scan(many, Filters.eq("status", HouseholdStatus.ACTIVE.name()))
                .projection(aggregates.readProjection())
                .forEach(doc -> action.accept(fromDocument(doc)));
    }

    /**
     * The active households recorded under one of {@code unitCodes}, one at a time; with {@code everIn}, only those
     * some decision put in one of these classes (a superset of those in one of them on any day). Reads only.
     */
    void forEachActiveIn(Collection<String> unitCodes, Set<HouseholdClass> everIn,
            java.util.function.Consumer<Household> action) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.in("unitCode", unitCodes),
                Filters.eq("status", HouseholdStatus.ACTIVE.name())));
        if (everIn != null) {
            conditions.add(Filters.in("classHistory.toClass", everIn.stream().map(Enum::name).toList()));
        }
        many.find(Filters.and(conditions)).projection(aggregates.readProjection())
                .forEach(doc -> action.accept(fromDocument(doc)));
    }

    /** The day the latest decision takes effect, kept beside the class so that lists filter by class on a day. */
    private static final String CLASS_FROM = "classFrom";
    private static final String CLASS_BEFORE = "classBefore";

    private static String classFrom(Household household) {
        return household.classHistory().isEmpty() ? null
                : household.classHistory().getLast().effectiveDate().toString();
    }

    private static String name(HouseholdClass householdClass) {
        return householdClass == null ? null : householdClass.name();
    }

    private static Document toDocument(Household household) {
        return new Document("_id", household.id())
                .append("unitCode", household.unitCode())
                .append("village", household.village())
                .append("registeredAt", Date.from(household.registeredAt()))
                .append("version", household.version())
                .append("status", household.status().name())
                .append("currentClass", household.currentClass() == null ? null : household.currentClass().name())
                .append(CLASS_FROM, classFrom(household))
                .append(CLASS_BEFORE, name(household.classBeforeLatest()))
                .append("members", household.members().stream().map(HouseholdStore::toDocument).toList())
                .append("classHistory", household.classHistory().stream().map(HouseholdStore::toDocument).toList())
                .append("newlyEscapedUntil", household.newlyEscapedUntil() == null ? null
                        : household.newlyEscapedUntil().toString())
                .append("unitSince", household.unitSince().toString());
    }

    private static Document toDocument(ClassRecord r) {
        return new Document("roundId", r.roundId())
                .append("decisionNumber", r.decisionNumber())
                .append("decisionDate", r.decisionDate().toString())
                .append("effectiveDate", r.effectiveDate().toString())
                .append("standard", r.standard())
                .append("areaType", r.areaType())
                .append("fromClass", r.fromClass() == null ? null : r.fromClass().name())
                .append("toClass", r.toClass().name())
                .append("transition", r.transition().name())
                .append("assessmentId", r.assessmentId())
                .append("monthlyIncomePerCapitaVnd", r.monthlyIncomePerCapitaVnd())
                .append("deprivedIndicators", r.deprivedIndicators())
                .append("explanation", r.explanation());
    }

    private static ClassRecord classRecordFrom(Document d) {
        String from = d.getString("fromClass");
        return new ClassRecord(d.getString("roundId"), d.getString("decisionNumber"),
                LocalDate.parse(d.getString("decisionDate")), LocalDate.parse(d.getString("effectiveDate")),
                d.getString("standard"), d.getString("areaType"), from == null ? null : HouseholdClass.valueOf(from),
                HouseholdClass.valueOf(d.getString("toClass")),
                vn.giamngheo.contracts.household.Transition.valueOf(d.getString("transition")),
                d.getString("assessmentId"), d.getLong("monthlyIncomePerCapitaVnd"),
                d.getList("deprivedIndicators", String.class), d.getList("explanation", String.class));
    }

    private static Document toDocument(Member member) {
        return new Document("personId", member.personId())
                .append("fullName", member.fullName())
                .append("dateOfBirth", member.dateOfBirth().toString())
                .append("sex", member.sex().name())
                .append("citizenId", member.citizenId())
                .append("relationToHead", member.relationToHead().name())
                .append("status", member.status().name())
                .append("joinedOn", member.joinedOn().toString())
                .append("leftOn", member.leftOn() == null ? null : member.leftOn().toString())
                .append("leftReason", member.leftReason())
                .append("sensitive", member.sensitive() == null ? null : new Document("ethnicity",
                        member.sensitive().ethnicity()).append("disability", member.sensitive().disability())
                        .append("health", member.sensitive().health()));
    }

    private static Document toDocument(Household.HistoryEntry entry) {
        return new Document("version", entry.version())
                .append("change", entry.change())
                .append("effectiveDate", entry.effectiveDate().toString())
                .append("recordedAt", Date.from(entry.recordedAt()))
                .append("details", entry.details());
    }

    private static Household fromDocument(Document doc) {
        String currentClass = doc.getString("currentClass");
        return new Household(doc.getString("_id"), doc.getString("unitCode"), doc.getString("village"),
                doc.getList("members", Document.class).stream().map(HouseholdStore::memberFrom).toList(),
                doc.getDate("registeredAt").toInstant(), doc.getLong("version"),
                HouseholdStatus.valueOf(doc.getString("status")),
                currentClass == null ? null : HouseholdClass.valueOf(currentClass),
                doc.getList("classHistory", Document.class, List.of()).stream().map(HouseholdStore::classRecordFrom)
                        .toList(),
                doc.getString("newlyEscapedUntil") == null ? null : LocalDate.parse(doc.getString("newlyEscapedUntil")),
                unitSince(doc));
    }

    /** Households stored before the field existed were recorded in their unit when they were registered. */
    private static LocalDate unitSince(Document doc) {
        String since = doc.getString("unitSince");
        return since != null ? LocalDate.parse(since)
                : LocalDate.ofInstant(doc.getDate("registeredAt").toInstant(), VIETNAM);
    }

    private static Member memberFrom(Document doc) {
        String leftOn = doc.getString("leftOn");
        Document sensitive = doc.get("sensitive", Document.class);
        return new Member(doc.getString("personId"), doc.getString("fullName"),
                LocalDate.parse(doc.getString("dateOfBirth")), Sex.valueOf(doc.getString("sex")),
                doc.getString("citizenId"), Relation.valueOf(doc.getString("relationToHead")),
                MemberStatus.valueOf(doc.getString("status")), LocalDate.parse(doc.getString("joinedOn")),
                leftOn == null ? null : LocalDate.parse(leftOn), doc.getString("leftReason"),
                sensitive == null ? null : new Member.Sensitive(sensitive.getString("ethnicity"),
                        sensitive.getString("disability"), sensitive.getString("health")));
    }
}
