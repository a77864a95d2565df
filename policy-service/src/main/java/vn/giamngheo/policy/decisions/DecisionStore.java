package vn.giamngheo.policy.decisions;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * Benefit decisions, each one aggregate with its outbox ({@link Aggregates#withOutbox}), and the card state of each
 * ({@code decision_cards}). Every household event asks for the household's decisions, so each household also has a
 * list of its decision ids ({@code decisions_by_household}, keyed by the household): the decisions are then read by
 * {@code _id}, which every MongoDB answers from its index (the local mongo-java-server ignores the {@code householdId}
 * index and would scan). Many households are read in two queries and written in two bulk writes.
 */
@Component
class DecisionStore {

    static final String COLLECTION = "benefit_decisions";
    static final String CARDS = "decision_cards";
    /** {@code card}: where the card state was kept before it had its own collection; not read. */
    static final Codec<BenefitDecision> CODEC = Codec.of(BenefitDecision::id, DecisionStore::toDocument,
            DecisionStore::fromDocument, Set.of("card"));
    static final Codec<CardState> CARD = Codec.of(CardState::decisionId, DecisionStore::toDocument,
            DecisionStore::cardOf);

    /** What {@link #write} wrote, in the order given, and which another writer changed meanwhile. */
    record Written(List<String> applied, Set<String> conflicted) {
    }

    private final AggregateCollection<BenefitDecision> aggregates;
    private final AggregateCollection<CardState> cards;
    private final MongoCollection<Document> decisions;
    /** The same, with the long bound: a department's decisions for a period are read by scanning on the local stack. */
    private final MongoCollection<Document> decisionsScanned;
    private final MongoCollection<Document> byHousehold;

    DecisionStore(Aggregates collections, MongoDatabase database, MongoTimeouts timeouts) {
        this.aggregates = collections.withOutbox(COLLECTION, CODEC);
        this.cards = collections.withoutOutbox(CARDS, CARD);
        this.decisions = database.getCollection(COLLECTION);
        this.decisionsScanned = timeouts.forLongOperations(decisions);
        this.byHousehold = timeouts.forLongOperations(database.getCollection("decisions_by_household"));
        decisions.createIndex(Indexes.ascending("householdId", "status"));
        decisions.createIndex(Indexes.ascending("department", "validFrom"));
        decisions.createIndex(Indexes.ascending("applicationId"));
        if (byHousehold.estimatedDocumentCount() == 0 && decisions.estimatedDocumentCount() > 0) {
            // Decisions written before the list existed: list them once.
            MongoTimeouts.scan(decisions, new Document()).projection(Projections.include("householdId"))
                    .forEach(d -> list(Map.of(d.getString("householdId"), List.of(d.getString("_id")))));
        }
        if (database.getCollection(CARDS).estimatedDocumentCount() == 0) {
            // Card states kept on the decisions before they had their own collection: moved once.
            List<Change<CardState>> moved = new ArrayList<>();
            MongoTimeouts.scan(decisions, Filters.exists("card")).projection(Projections.include("card"))
                    .forEach(d -> {
                        Document card = new Document(d.get("card", Document.class));
                        moved.add(Change.create(cardOf(card.append("_id", d.getString("_id")).append("version", 1L))));
                    });
            cards.applyAll(moved);
        }
    }

    /**
     * Writes changes of decisions (at most one per decision) in one bulk write, each guarded by its version; a new
     * decision is written if absent (one whose id exists — a replay — is left as it is). The new decisions' ids are
     * listed for their households first, in one bulk write, so an interrupted write leaves at most a listed id
     * without a decision, which reading skips (and the retry writes).
     */
    Written write(List<Change<BenefitDecision>> changes) {
        Map<String, List<String>> created = new LinkedHashMap<>();
        changes.stream().filter(Change::isNew).forEach(c -> created.computeIfAbsent(c.after().householdId(),
                h -> new ArrayList<>()).add(c.after().id()));
        list(created);
        AggregateCollection.Result result = aggregates.applyAll(changes);
        return new Written(changes.stream().map(c -> c.after().id()).filter(result.applied()::contains).toList(),
                result.conflicted());
    }

    /** The decisions of each household, by household and then by id: two queries whatever their number. */
    Map<String, List<BenefitDecision>> ofHouseholds(Collection<String> householdIds) {
        Map<String, List<String>> listed = new HashMap<>();
        if (!householdIds.isEmpty()) {
            byHousehold.find(Filters.in("_id", new LinkedHashSet<>(householdIds)))
                    .forEach(d -> listed.put(d.getString("_id"), d.getList("decisionIds", String.class)));
        }
        Map<String, BenefitDecision> found = aggregates.loadAll(listed.values().stream().flatMap(List::stream)
                .toList());
        Map<String, List<BenefitDecision>> result = new HashMap<>();
        for (String householdId : householdIds) {
            TreeMap<String, BenefitDecision> mine = new TreeMap<>();
            listed.getOrDefault(householdId, List.of()).stream().map(found::get)
                    .filter(d -> d != null && d.householdId().equals(householdId)).forEach(d -> mine.put(d.id(), d));
            result.put(householdId, List.copyOf(mine.values()));
        }
        return result;
    }

    List<BenefitDecision> ofHousehold(String householdId) {
        return ofHouseholds(List.of(householdId)).get(householdId);
    }

    private void list(Map<String, List<String>> idsByHousehold) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        idsByHousehold.forEach((householdId, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", householdId),
                Updates.addEachToSet("decisionIds", ids), new UpdateOptions().upsert(true))));
        if (!writes.isEmpty()) {
            byHousehold.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** Which of {@code decisionIds} this instance holds: one query. */
    Set<String> held(Collection<String> decisionIds) {
        Set<String> held = new LinkedHashSet<>();
        if (!decisionIds.isEmpty()) {
            decisions.find(Filters.in("_id", new LinkedHashSet<>(decisionIds))).projection(Projections.include("_id"))
                    .forEach(d -> held.add(d.getString("_id")));
        }
        return held;
    }

    /** The card states of these decisions, by decision: one query. */
    Map<String, CardState> cards(Collection<String> decisionIds) {
        return cards.loadAll(decisionIds);
    }

    /** Writes card states' changes (at most one per decision) in one bulk write, each guarded by its version. */
    AggregateCollection.Result writeCards(List<Change<CardState>> changes) {
        return cards.applyAll(changes);
    }

    /** Decisions of a department in force on some day of [from, to]. */
    List<BenefitDecision> inForce(String department, LocalDate from, LocalDate to, String householdId) {
        List<org.bson.conversions.Bson> filters = new ArrayList<>(List.of(
                Filters.lte("validFrom", to.toString()),
                Filters.or(Filters.eq("validTo", null), Filters.gte("validTo", from.toString()))));
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        if (householdId != null) {
            filters.add(Filters.eq("householdId", householdId));
        }
        List<BenefitDecision> result = new ArrayList<>();
        MongoTimeouts.scan(decisionsScanned, Filters.and(filters)).projection(aggregates.readProjection())
                .sort(com.mongodb.client.model.Sorts.ascending("householdId", "policyCode", "_id"))
                .forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    /** The decision made on an approved application, if it was written. */
    java.util.Optional<BenefitDecision> ofApplication(String applicationId) {
        return java.util.Optional.ofNullable(decisions.find(Filters.eq("applicationId", applicationId))
                .projection(aggregates.readProjection()).first()).map(DecisionStore::fromDocument);
    }

    private static Document entitlement(Entitlement e) {
        return new Document("kind", e.kind())
                .append("sharePercent", e.sharePercent())
                .append("amountVnd", e.amountVnd())
                .append("period", e.period())
                .append("ceilingVnd", e.ceilingVnd())
                .append("annualInterestRatePercent", e.annualInterestRatePercent() == null ? null
                        : new Decimal128(e.annualInterestRatePercent()));
    }

    private static Entitlement entitlement(Document e) {
        Decimal128 rate = e.get("annualInterestRatePercent", Decimal128.class);
        return new Entitlement(e.getString("kind"), e.getInteger("sharePercent"), e.getLong("amountVnd"),
                e.getString("period"), e.getLong("ceilingVnd"), rate == null ? null : rate.bigDecimalValue());
    }

    private static Document toDocument(BenefitDecision d) {
        return new Document("_id", d.id())
                .append("householdId", d.householdId())
                .append("personId", d.personId())
                .append("policyCode", d.policyCode())
                .append("policyVersion", d.policyVersion())
                .append("department", d.department())
                .append("validFrom", d.validFrom().toString())
                .append("validTo", d.validTo() == null ? null : d.validTo().toString())
                .append("status", d.status().name())
                .append("entitlement", entitlement(d.entitlement()))
                .append("reason", d.reason())
                .append("applicationId", d.applicationId())
                .append("history", d.history().stream().map(c -> new Document("from", c.from().toString())
                        .append("policyVersion", c.policyVersion())
                        .append("entitlement", entitlement(c.entitlement()))).toList())
                .append("version", d.version());
    }

    private static BenefitDecision fromDocument(Document d) {
        return new BenefitDecision(d.getString("_id"), d.getString("householdId"), d.getString("personId"),
                d.getString("policyCode"), d.getString("policyVersion"), d.getString("department"),
                LocalDate.parse(d.getString("validFrom")),
                d.getString("validTo") == null ? null : LocalDate.parse(d.getString("validTo")),
                BenefitDecision.Status.valueOf(d.getString("status")),
                entitlement(d.get("entitlement", Document.class)), d.getString("reason"), d.getString("applicationId"),
                d.getList("history", Document.class, List.of()).stream().map(c -> new BenefitDecision.Change(
                        LocalDate.parse(c.getString("from")), c.getString("policyVersion"),
                        entitlement(c.get("entitlement", Document.class)))).toList(),
                d.getLong("version"));
    }

    /** The details in a document of their own: a newer state's {@code $set} replaces them all. */
    private static Document toDocument(CardState c) {
        return new Document("_id", c.decisionId()).append("status", c.status())
                .append("details", new Document(c.details())).append("requestId", c.requestId())
                .append("sequence", c.sequence()).append("order", c.order()).append("version", c.version());
    }

    /** Also the card as it was kept on a decision before, its details beside its status. */
    private static CardState cardOf(Document d) {
        Map<String, Object> details = new LinkedHashMap<>();
        Document kept = d.get("details", Document.class);
        (kept != null ? kept : d).forEach((field, value) -> {
            if (kept != null || !CARD_FIELDS.contains(field)) {
                details.put(field, value);
            }
        });
        return new CardState(d.getString("_id"), d.getString("requestId"), d.get("sequence", Number.class).longValue(),
                d.get("order", Number.class).longValue(), d.getString("status"), details,
                d.get("version", Number.class).longValue());
    }

    private static final Set<String> CARD_FIELDS = Set.of("_id", "status", "requestId", "sequence", "order",
            "version");
}
