package vn.giamngheo.policy.eligibility;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
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
        views.createIndex(com.mongodb.client.model.Indexes.ascending(NEXT_REVIEW));
    }

    Outcome registered(EventEnvelope<HouseholdRegistered> event) {
        HouseholdRegistered e = event.data();
        return guard.apply(e.householdId(), e.sequence(), Updates.combine(
                Updates.set("unitCode", e.unitCode()),
                Updates.set("village", e.village()),
                Updates.set("members", members(e.members())),
                Updates.set("registeredAt", Date.from(e.registeredAt())),
                Updates.set("effectiveDate", LocalDate.ofInstant(e.registeredAt(), java.time.ZoneOffset.UTC).toString()),
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

    /** Households with a day that matters on or before {@code date}. */
    public List<String> dueOn(LocalDate date) {
        List<String> ids = new java.util.ArrayList<>();
        MongoTimeouts.scan(views, Filters.lte(NEXT_REVIEW, date.toString())).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /**
     * Facts the departments hold and household events do not carry: whether the household farms, and each member's
     * schooling, pension and disability. Only the given members change; the others keep what was recorded.
     */
    public void recordFacts(String householdId, Boolean farming, java.util.Map<String, MemberFacts> members) {
        List<org.bson.conversions.Bson> updates = new java.util.ArrayList<>();
        if (farming != null) {
            updates.add(Updates.set("facts.farming", farming));
        }
        members.forEach((personId, f) -> updates.add(Updates.set("facts.members." + personId, new Document()
                .append("schooling", f.schooling()).append("publicSchool", f.publicSchool())
                .append("hasPension", f.hasPension()).append("disability", f.disability()))));
        if (!updates.isEmpty()) {
            views.updateOne(Filters.eq("_id", householdId), Updates.combine(updates));
        }
    }

    /** What a department recorded about one member; see policies/README.md for the values. */
    public record MemberFacts(String schooling, boolean publicSchool, boolean hasPension, String disability) {

        public static final MemberFacts NONE = new MemberFacts("NONE", true, false, "NONE");
    }

    /** The recorded facts of one member of a view, or {@link MemberFacts#NONE}. */
    public static MemberFacts factsOf(Document view, String personId) {
        Document facts = view.get("facts", Document.class);
        Document members = facts == null ? null : facts.get("members", Document.class);
        Document f = members == null ? null : members.get(personId, Document.class);
        return f == null ? MemberFacts.NONE : new MemberFacts(f.getString("schooling"), f.getBoolean("publicSchool"),
                f.getBoolean("hasPension"), f.getString("disability"));
    }

    public static boolean farming(Document view) {
        Document facts = view.get("facts", Document.class);
        return facts != null && Boolean.TRUE.equals(facts.getBoolean("farming"));
    }

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
                .projection(Projections.include("unitCode")).first()).map(d -> d.getString("unitCode"));
    }

    public Optional<Document> find(String householdId) {
        return Optional.ofNullable(views.find(Filters.eq("_id", householdId)).first());
    }

    private static List<Document> members(List<MemberFact> members) {
        return members.stream().map(m -> new Document("personId", m.personId())
                .append("dateOfBirth", m.dateOfBirth().toString())
                .append("sex", m.sex())
                .append("relationToHead", m.relationToHead())).toList();
    }
}
