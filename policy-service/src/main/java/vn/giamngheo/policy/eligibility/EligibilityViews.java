package vn.giamngheo.policy.eligibility;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.mongo.SequenceGuard;
import vn.giamngheo.policy.catalog.EligibilityFacts;

/**
 * This service's view of each household: what eligibility rules need (unit, members' ages and sex, class), kept
 * current from {@code household.events} and guarded by the household's sequence.
 */
@Component
public class EligibilityViews {

    private final MongoCollection<Document> views;
    private final SequenceGuard guard;

    EligibilityViews(MongoDatabase database) {
        this.views = database.getCollection("eligibility_households");
        this.guard = new SequenceGuard(views);
        views.createIndex(Indexes.ascending(NEXT_REVIEW));
    }

    Outcome registered(EventEnvelope<HouseholdRegistered> event) {
        HouseholdRegistered e = event.data();
        return guard.apply(e.householdId(), e.sequence(), Updates.combine(
                Updates.set("unitCode", e.unitCode()),
                Updates.set("village", e.village()),
                Updates.set("members", members(e.members())),
                Updates.set("registeredAt", Date.from(e.registeredAt())),
                Updates.set("effectiveDate", LocalDate.ofInstant(e.registeredAt(), ZoneOffset.UTC).toString()),
                Updates.set("lastEventId", event.id())));
    }

    Outcome updated(EventEnvelope<HouseholdUpdated> event) {
        HouseholdUpdated e = event.data();
        return guard.apply(e.householdId(), e.sequence(), Updates.combine(
                Updates.set("unitCode", e.unitCode()),
                Updates.set("village", e.village()),
                Updates.set("members", members(e.members())),
                Updates.set("effectiveDate", e.effectiveDate().toString()),
                Updates.set("lastEventId", event.id())));
    }

    /**
     * The class decided by a review, from its effective date; an escape starts the newly-escaped window. The class it
     * replaces is kept as {@code previousClass}: an annual review's decision of December takes effect on 1 January,
     * and until then the household's benefits follow the class still in force.
     */
    Outcome reclassified(EventEnvelope<HouseholdReclassified> event) {
        HouseholdReclassified e = event.data();
        boolean escaped = e.transition() == Transition.ESCAPED_POVERTY
                || e.transition() == Transition.ESCAPED_NEAR_POVERTY;
        Document before = views.find(Filters.eq("_id", e.householdId()))
                .projection(Projections.include(CLASS_FIELDS)).first();
        Document previous = before == null || before.getString("classification") == null ? null : new Document();
        if (previous != null) {
            CLASS_FIELDS.forEach(field -> previous.append(field, before.get(field)));
        }
        return guard.apply(e.householdId(), e.sequence(), Updates.combine(
                Updates.set(PREVIOUS_CLASS, previous),
                Updates.set("classification", e.toClass().name()),
                Updates.set("classifiedSince", e.effectiveDate().toString()),
                Updates.set("unitCode", e.unitCode()),
                escaped ? Updates.set("escapedPovertyOn", e.decisionDate().toString())
                        : Updates.set("escapedPovertyOn", null),
                Updates.set("effectiveDate", e.effectiveDate().toString()),
                Updates.set("decisionNumber", e.decisionNumber()),
                Updates.set("decisionDate", e.decisionDate().toString()),
                Updates.set("lastEventId", event.id())));
    }

    Outcome removed(EventEnvelope<HouseholdRemoved> event) {
        HouseholdRemoved e = event.data();
        return guard.apply(e.householdId(), e.sequence(), Updates.combine(
                Updates.set("removedOn", e.effectiveDate().toString()),
                Updates.set("effectiveDate", e.effectiveDate().toString()),
                Updates.set("removedReason", e.reason()),
                Updates.set("lastEventId", event.id())));
    }

    /**
     * Marks the view's current state as reconciled with the household's decisions, and the next day on which they may
     * change without an event (null: none foreseen).
     */
    public void reconciled(String householdId, long sequence, LocalDate nextReviewOn) {
        views.updateOne(Filters.eq("_id", householdId), Updates.combine(Updates.max("reconciledSequence", sequence),
                Updates.set(NEXT_REVIEW, nextReviewOn == null ? null : nextReviewOn.toString())));
    }

    /** The next day on which the household's decisions may change without an event. */
    public void scheduled(String householdId, LocalDate nextReviewOn) {
        views.updateOne(Filters.eq("_id", householdId),
                Updates.set(NEXT_REVIEW, nextReviewOn == null ? null : nextReviewOn.toString()));
    }

    /** Every household this instance has seen. */
    public List<String> allIds() {
        List<String> ids = new ArrayList<>();
        MongoTimeouts.scan(views, Filters.exists(SequenceGuard.SEQUENCE)).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** Households with a day that matters on or before {@code date}. */
    public List<String> dueOn(LocalDate date) {
        List<String> ids = new ArrayList<>();
        MongoTimeouts.scan(views, Filters.lte(NEXT_REVIEW, date.toString())).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /**
     * Facts the departments hold and household events do not carry: whether the household farms, its monthly
     * electricity use, and each member's schooling, pension, disability and whether anyone is obliged to support them.
     * Only the given members change; the others keep what was recorded.
     *
     * @param farming                null leaves it as recorded
     * @param electricityKwhPerMonth null leaves it as recorded
     */
    public void recordFacts(String householdId, Boolean farming, Long electricityKwhPerMonth,
            Map<String, MemberFacts> members) {
        List<Bson> updates = new ArrayList<>();
        if (farming != null) {
            updates.add(Updates.set("facts.farming", farming));
        }
        if (electricityKwhPerMonth != null) {
            updates.add(Updates.set("facts.electricityKwhPerMonth", electricityKwhPerMonth));
        }
        members.forEach((personId, f) -> updates.add(Updates.set("facts.members." + personId, new Document()
                .append("schooling", f.schooling()).append("publicSchool", f.publicSchool())
                .append("pensionVnd", f.pensionVnd()).append("disability", f.disability())
                .append("noOneObligedToSupport", f.noOneObligedToSupport()))));
        if (!updates.isEmpty()) {
            views.updateOne(Filters.eq("_id", householdId), Updates.combine(updates));
        }
    }

    /**
     * What a department recorded about one member; see policies/README.md for the values.
     *
     * @param pensionVnd the monthly pension; {@link EligibilityFacts#NOT_RECORDED} for one of unknown amount
     */
    public record MemberFacts(String schooling, boolean publicSchool, long pensionVnd, String disability,
            boolean noOneObligedToSupport) {

        public static final MemberFacts NONE = new MemberFacts("NONE", true, 0, "NONE", false);

        /** The former yes/no, for readers of the transition: any pension, known amount or not. */
        public boolean hasPension() {
            return pensionVnd != 0;
        }
    }

    /**
     * The recorded facts of one member of a view, or {@link MemberFacts#NONE}. Facts recorded before the pension's
     * amount was asked for say {@code hasPension}: true reads as a pension of unknown amount, false as none.
     */
    public static MemberFacts factsOf(Document view, String personId) {
        Document facts = view.get("facts", Document.class);
        Document members = facts == null ? null : facts.get("members", Document.class);
        Document f = members == null ? null : members.get(personId, Document.class);
        if (f == null) {
            return MemberFacts.NONE;
        }
        Number pension = f.get("pensionVnd", Number.class);
        long pensionVnd = pension != null ? pension.longValue()
                : Boolean.TRUE.equals(f.getBoolean("hasPension")) ? EligibilityFacts.NOT_RECORDED : 0;
        return new MemberFacts(f.getString("schooling"), Boolean.TRUE.equals(f.getBoolean("publicSchool")),
                pensionVnd, f.getString("disability"), Boolean.TRUE.equals(f.getBoolean("noOneObligedToSupport")));
    }

    public static boolean farming(Document view) {
        Document facts = view.get("facts", Document.class);
        return facts != null && Boolean.TRUE.equals(facts.getBoolean("farming"));
    }

    /** The household's monthly electricity use as recorded; null when it was not. */
    public static Long electricityKwhPerMonth(Document view) {
        Document facts = view.get("facts", Document.class);
        Number kwh = facts == null ? null : facts.get("electricityKwhPerMonth", Number.class);
        return kwh == null ? null : kwh.longValue();
    }

    /**
     * A decision of any department ({@code benefit.granted}) that this department's rules read: from its first day the
     * person or household receives it. Fields are set one by one, so its revocation may arrive first.
     */
    Outcome receiptGranted(String householdId, String decisionId, String policyCode, String personId,
            LocalDate from, LocalDate to) {
        String at = RECEIPTS + "." + decisionId + ".";
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(at + "policyCode", policyCode),
                Updates.set(at + "personId", personId), Updates.set(at + "from", from.toString())));
        if (to != null) {
            updates.add(Updates.set(at + "to", to.toString()));
        }
        return receipt(householdId, updates);
    }

    /** The decision's {@code benefit.revoked}: it was received up to the day before {@code effectiveDate}. */
    Outcome receiptRevoked(String householdId, String decisionId, String policyCode, String personId,
            LocalDate effectiveDate) {
        String at = RECEIPTS + "." + decisionId + ".";
        return receipt(householdId, List.of(Updates.set(at + "policyCode", policyCode),
                Updates.set(at + "personId", personId), Updates.set(at + "to", effectiveDate.minusDays(1).toString())));
    }

    private Outcome receipt(String householdId, List<Bson> updates) {
        // A view the household events have not made yet is started by the receipt and completed by them.
        var result = views.updateOne(Filters.eq("_id", householdId), Updates.combine(updates),
                new UpdateOptions().upsert(true));
        return result.getUpsertedId() != null || result.getModifiedCount() > 0 ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    /** What the household and its members receive, as the decisions' events told. */
    public static List<EligibilityFacts.Receipt> receipts(Document view) {
        Document receipts = view.get(RECEIPTS, Document.class);
        List<EligibilityFacts.Receipt> result = new ArrayList<>();
        if (receipts != null) {
            for (String decisionId : receipts.keySet()) {
                Document r = receipts.get(decisionId, Document.class);
                if (r.getString("from") == null) {
                    continue; // revoked, granted event not seen yet
                }
                result.add(new EligibilityFacts.Receipt(r.getString("policyCode"), r.getString("personId"),
                        LocalDate.parse(r.getString("from")),
                        r.getString("to") == null ? null : LocalDate.parse(r.getString("to"))));
            }
        }
        return result;
    }

    private static final String RECEIPTS = "receipts";

    private static final String NEXT_REVIEW = "nextReviewOn";
    /** What a class decision sets; kept of the decision before under {@link #PREVIOUS_CLASS}. */
    private static final List<String> CLASS_FIELDS = List.of("classification", "classifiedSince", "escapedPovertyOn",
            "decisionNumber", "decisionDate");
    public static final String PREVIOUS_CLASS = "previousClass";

    /** The unit the household was last seen in, read alone (for the area check of every call about it). */
    public Optional<String> unitOf(String householdId) {
        if (householdId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(views.find(Filters.eq("_id", householdId))
                .projection(Projections.include("unitCode", SequenceGuard.SEQUENCE)).first())
                .filter(d -> d.get(SequenceGuard.SEQUENCE) != null).map(d -> d.getString("unitCode"));
    }

    /** The units of {@code householdIds} as last seen, in one read (a payment list groups its lines by commune). */
    public Map<String, String> unitsOf(java.util.Collection<String> householdIds) {
        Map<String, String> units = new java.util.HashMap<>();
        views.find(Filters.in("_id", householdIds)).projection(Projections.include("unitCode", SequenceGuard.SEQUENCE))
                .forEach(d -> {
                    if (d.get(SequenceGuard.SEQUENCE) != null && d.getString("unitCode") != null) {
                        units.put(d.getString("_id"), d.getString("unitCode"));
                    }
                });
        return units;
    }

    /** The view, once a household event made it (receipts alone do not make a household). */
    public Optional<Document> find(String householdId) {
        return Optional.ofNullable(views.find(Filters.eq("_id", householdId)).first())
                .filter(d -> d.get(SequenceGuard.SEQUENCE) != null);
    }

    private static List<Document> members(List<MemberFact> members) {
        return members.stream().map(m -> new Document("personId", m.personId())
                .append("dateOfBirth", m.dateOfBirth().toString())
                .append("sex", m.sex())
                .append("relationToHead", m.relationToHead())).toList();
    }
}
