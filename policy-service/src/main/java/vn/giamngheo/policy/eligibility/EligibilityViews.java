package vn.giamngheo.policy.eligibility;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import vn.giamngheo.platform.mongo.SequenceGuard;

/**
 * This service's view of each household: what eligibility rules need (unit, members' ages and sex, class), kept
 * current from {@code household.events} and guarded by the household's sequence.
 */
@Component
public class EligibilityViews {

    private final MongoCollection<Document> views;

    EligibilityViews(MongoDatabase database) {
        this.views = database.getCollection("eligibility_households");
    }

    Outcome registered(EventEnvelope<HouseholdRegistered> event) {
        HouseholdRegistered e = event.data();
        return SequenceGuard.apply(views, e.householdId(), e.sequence(), Updates.combine(
                Updates.set("unitCode", e.unitCode()),
                Updates.set("village", e.village()),
                Updates.set("members", members(e.members())),
                Updates.set("registeredAt", Date.from(e.registeredAt())),
                Updates.set("effectiveDate", LocalDate.ofInstant(e.registeredAt(), java.time.ZoneOffset.UTC).toString()),
                Updates.set("lastEventId", event.id())));
    }

    Outcome updated(EventEnvelope<HouseholdUpdated> event) {
        HouseholdUpdated e = event.data();
        return SequenceGuard.apply(views, e.householdId(), e.sequence(), Updates.combine(
                Updates.set("unitCode", e.unitCode()),
                Updates.set("village", e.village()),
                Updates.set("members", members(e.members())),
                Updates.set("effectiveDate", e.effectiveDate().toString()),
                Updates.set("lastEventId", event.id())));
    }

    /** The class decided by a review, from its effective date; an escape starts the newly-escaped window. */
    Outcome reclassified(EventEnvelope<HouseholdReclassified> event) {
        HouseholdReclassified e = event.data();
        boolean escaped = e.transition() == Transition.ESCAPED_POVERTY
                || e.transition() == Transition.ESCAPED_NEAR_POVERTY;
        return SequenceGuard.apply(views, e.householdId(), e.sequence(), Updates.combine(
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
        return SequenceGuard.apply(views, e.householdId(), e.sequence(), Updates.combine(
                Updates.set("removedOn", e.effectiveDate().toString()),
                Updates.set("effectiveDate", e.effectiveDate().toString()),
                Updates.set("removedReason", e.reason()),
                Updates.set("lastEventId", event.id())));
    }

    /** Marks the view's current state as reconciled with the household's decisions. */
    public void reconciled(String householdId, long sequence) {
        views.updateOne(com.mongodb.client.model.Filters.eq("_id", householdId),
                Updates.max("reconciledSequence", sequence));
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
