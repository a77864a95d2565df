package vn.giamngheo.policy.decisions;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.platform.mongo.Guards;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.outbox.Outbox;

/**
 * Benefit decisions, each one document with its outbox; writes are single-document and version-guarded. Every
 * household event asks for the household's decisions, so each household also has a list of its decision ids
 * ({@code decisions_by_household}, keyed by the household): the decisions are then read by {@code _id}, which every
 * MongoDB answers from its index (the local mongo-java-server ignores the {@code householdId} index and would scan).
 */
@Component
class DecisionStore {

    static final String COLLECTION = "benefit_decisions";

    private final MongoCollection<Document> decisions;
    /** The same, with the long bound: a department's decisions for a period are read by scanning on the local stack. */
    private final MongoCollection<Document> decisionsScanned;
    private final MongoCollection<Document> byHousehold;

    DecisionStore(MongoDatabase database, MongoTimeouts timeouts) {
        this.decisions = database.getCollection(COLLECTION);
        this.decisionsScanned = timeouts.forLongOperations(decisions);
        this.byHousehold = database.getCollection("decisions_by_household");
        decisions.createIndex(Indexes.ascending("householdId", "status"));
        decisions.createIndex(Indexes.ascending("department", "validFrom"));
        decisions.createIndex(Indexes.ascending("applicationId"));
        Guards.index(decisions, "version");
        Guards.index(decisions, "card.order");
        if (byHousehold.estimatedDocumentCount() == 0 && decisions.estimatedDocumentCount() > 0) {
            // Decisions written before the list existed: list them once.
            MongoTimeouts.scan(decisions, new Document()).projection(Projections.include("householdId"))
                    .forEach(d -> list(d.getString("householdId"), d.getString("_id")));
        }
    }

    /**
     * @return false when a decision with this id already exists (a replay): nothing is written. The id is listed
     * for its household first, so an interrupted insert leaves at most a listed id without a decision, which reading
     * skips (and the retry of the event writes).
     */
    boolean insert(BenefitDecision decision, List<Document> pendingEvents) {
        list(decision.householdId(), decision.id());
        try {
            decisions.insertOne(toDocument(decision).append(Outbox.FIELD, pendingEvents));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Writes new decisions of one household, each with its pending events, in two round trips whatever their number:
     * their ids are listed for the household, then they are inserted unordered. A decision whose id exists already (a
     * replay) is left as it is.
     *
     * @return the ids written now
     */
    List<String> insertAll(String householdId, List<Map.Entry<BenefitDecision, List<Document>>> decisionsWithEvents) {
        if (decisionsWithEvents.isEmpty()) {
            return List.of();
        }
        List<String> ids = decisionsWithEvents.stream().map(e -> e.getKey().id()).toList();
        byHousehold.updateOne(Filters.eq("_id", householdId), Updates.addEachToSet("decisionIds", ids),
                new UpdateOptions().upsert(true));
        List<Document> documents = decisionsWithEvents.stream()
                .map(e -> toDocument(e.getKey()).append(Outbox.FIELD, e.getValue())).toList();
        try {
            decisions.insertMany(documents, new InsertManyOptions().ordered(false));
            return ids;
        } catch (MongoBulkWriteException e) {
            Set<Integer> existing = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
            List<String> written = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!existing.contains(i)) {
                    written.add(ids.get(i));
                }
            }
            return written;
        }
    }

    /** @return false when the decision changed meanwhile (someone else applied the same change) */
    boolean update(BenefitDecision after, List<Document> pendingEvents) {
        Document doc = toDocument(after);
        doc.remove("_id");
        var result = decisions.updateOne(Guards.where(after.id(), "version", after.version() - 1), Updates.combine(
                new Document("$set", doc), Outbox.append(pendingEvents)));
        return result.getMatchedCount() > 0;
    }

    /**
     * Records a card request's state on the decision it serves, if this instance holds that decision and the state is
     * newer: a later request (its id ends with the sequence of the benefit event that caused it, e.g. a re-issue after
     * a share change) outranks an earlier one, and within one request a later event outranks an earlier one. Events of
     * different requests arrive on different partitions, so arrival order says nothing.
     */
    vn.giamngheo.platform.messaging.Outcome cardState(String decisionId, String requestId, long sequence,
            Document card) {
        long order = benefitSequence(requestId) * 1_000_000L + sequence;
        for (int attempt = 1; attempt <= 5; attempt++) {
            Document decision = decisions.find(Filters.eq("_id", decisionId))
                    .projection(Projections.include("card.order")).first();
            if (decision == null) {
                return vn.giamngheo.platform.messaging.Outcome.IGNORED;
            }
            Document current = decision.get("card", Document.class);
            Long recorded = current == null ? null : current.getLong("order");
            if (recorded != null && recorded >= order) {
                return vn.giamngheo.platform.messaging.Outcome.DUPLICATE;
            }
            // Written only while the recorded state is still the one just read (another event may be racing).
            var result = decisions.updateOne(Guards.where(decisionId, "card.order", recorded),
                    Updates.set("card", card.append("requestId", requestId).append("sequence", sequence)
                            .append("order", order)));
            if (result.getMatchedCount() > 0) {
                return vn.giamngheo.platform.messaging.Outcome.APPLIED;
            }
        }
        throw new IllegalStateException("the card state of decision " + decisionId + " kept changing");
    }

    /** {@code card:<decision id>:<benefit sequence>} → the benefit sequence; 0 for an id of another shape. */
    static long benefitSequence(String requestId) {
        String last = requestId.substring(requestId.lastIndexOf(':') + 1);
        return last.chars().allMatch(Character::isDigit) && !last.isEmpty() && last.length() < 12
                ? Long.parseLong(last) : 0;
    }

    /** The card state recorded on a decision, or null. */
    Document card(String decisionId) {
        Document doc = decisions.find(Filters.eq("_id", decisionId)).projection(Projections.include("card")).first();
        return doc == null ? null : doc.get("card", Document.class);
    }

    List<BenefitDecision> ofHousehold(String householdId) {
        Document listed = byHousehold.find(Filters.eq("_id", householdId)).first();
        List<BenefitDecision> result = new ArrayList<>();
        if (listed != null) {
            decisions.find(Filters.in("_id", listed.getList("decisionIds", String.class)))
                    .projection(Projections.exclude(Outbox.FIELD)).sort(Sorts.ascending("_id"))
                    .forEach(d -> result.add(fromDocument(d)));
        }
        return result;
    }

    private void list(String householdId, String decisionId) {
        byHousehold.updateOne(Filters.eq("_id", householdId), Updates.addToSet("decisionIds", decisionId),
                new UpdateOptions().upsert(true));
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
        MongoTimeouts.scan(decisionsScanned, Filters.and(filters)).projection(Projections.exclude(Outbox.FIELD, "card"))
                .sort(com.mongodb.client.model.Sorts.ascending("householdId", "policyCode", "_id"))
                .forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    /** The decision made on an approved application, if it was written. */
    java.util.Optional<BenefitDecision> ofApplication(String applicationId) {
        return java.util.Optional.ofNullable(decisions.find(Filters.eq("applicationId", applicationId))
                .projection(Projections.exclude(Outbox.FIELD)).first()).map(DecisionStore::fromDocument);
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

}
