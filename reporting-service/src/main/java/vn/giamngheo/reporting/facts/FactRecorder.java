package vn.giamngheo.reporting.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.ApplicationApproved;
import vn.giamngheo.contracts.benefit.ApplicationRejected;
import vn.giamngheo.contracts.benefit.ApplicationSubmitted;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.household.HouseholdAssessed;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.reporting.facts.FactStore.Kind;

/**
 * Turns the events reporting listens to into facts: the few values a figure needs, each with the legal date it
 * counts from. A class counts from the chairman's decision date (the review of 2022 is decided in December 2022 and
 * its result is the end-of-2022 list, whatever date the benefits start); a move or removal from its effective date;
 * a card from the day it was issued until its last valid day.
 */
public final class FactRecorder {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final FactStore store;
    private final FactIndex index;

    public FactRecorder(FactStore store, FactIndex index) {
        this.store = store;
        this.index = index;
    }

    /** The consumers of the three topics reporting reads, recording into this recorder's store and index. */
    public Consumer<Message<byte[]>> householdEvents(EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, this::registered)
                .on(EventTypes.HOUSEHOLD_UPDATED, this::updated)
                .on(EventTypes.HOUSEHOLD_ASSESSED, this::assessed)
                .on(EventTypes.HOUSEHOLD_RECLASSIFIED, this::reclassified)
                .on(EventTypes.HOUSEHOLD_REMOVED, this::removed)
                .build();
    }

    public Consumer<Message<byte[]>> benefitEvents(EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.BENEFIT_GRANTED, this::granted)
                .on(EventTypes.BENEFIT_REVOKED, this::revoked)
                .on(EventTypes.APPLICATION_SUBMITTED, this::submitted)
                .on(EventTypes.APPLICATION_APPROVED, this::approved)
                .on(EventTypes.APPLICATION_REJECTED, this::rejected)
                .build();
    }

    public Consumer<Message<byte[]>> cardEvents(EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.INSURANCE_CARD_ISSUED, this::issued)
                .build();
    }

    private Outcome record(Kind kind, String id, String householdId, long sequence, Document fact) {
        return store.record(kind, id, householdId, sequence, fact).map(doc -> {
            index.put(kind, doc);
            return Outcome.APPLIED;
        }).orElse(Outcome.DUPLICATE);
    }

    private static Document fact(String kind, LocalDate on) {
        return new Document("kind", kind).append("on", on.toString());
    }

    private static String day(Instant time) {
        return LocalDate.ofInstant(time, VIETNAM).toString();
    }

    private static List<Document> members(List<MemberFact> members) {
        return members.stream().map(m -> new Document("personId", m.personId())
                .append("dateOfBirth", m.dateOfBirth().toString()).append("sex", m.sex())
                .append("relationToHead", m.relationToHead())).toList();
    }

    Outcome registered(EventEnvelope<HouseholdRegistered> event) {
        HouseholdRegistered e = event.data();
        return record(Kind.HOUSEHOLD, e.householdId(), e.householdId(), e.sequence(),
                fact("REGISTERED", LocalDate.ofInstant(e.registeredAt(), VIETNAM))
                        .append("unitCode", e.unitCode()).append("members", members(e.members())));
    }

    Outcome updated(EventEnvelope<HouseholdUpdated> event) {
        HouseholdUpdated e = event.data();
        return record(Kind.HOUSEHOLD, e.householdId(), e.householdId(), e.sequence(),
                fact("UPDATED", e.effectiveDate()).append("unitCode", e.unitCode())
                        .append("members", members(e.members())));
    }

    Outcome assessed(EventEnvelope<HouseholdAssessed> event) {
        HouseholdAssessed e = event.data();
        return record(Kind.HOUSEHOLD, e.householdId(), e.householdId(), e.sequence(),
                fact("ASSESSED", e.decisionDate()).append("unitCode", e.unitCode())
                        .append("classification", e.classification().name())
                        .append("deprived", e.deprivedIndicators()));
    }

    Outcome reclassified(EventEnvelope<HouseholdReclassified> event) {
        HouseholdReclassified e = event.data();
        return record(Kind.HOUSEHOLD, e.householdId(), e.householdId(), e.sequence(),
                fact("RECLASSIFIED", e.decisionDate()).append("unitCode", e.unitCode())
                        .append("fromClass", e.fromClass() == null ? null : e.fromClass().name())
                        .append("toClass", e.toClass().name()).append("transition", e.transition().name()));
    }

    Outcome removed(EventEnvelope<HouseholdRemoved> event) {
        HouseholdRemoved e = event.data();
        return record(Kind.HOUSEHOLD, e.householdId(), e.householdId(), e.sequence(), fact("REMOVED", e.effectiveDate()));
    }

    Outcome granted(EventEnvelope<BenefitGranted> event) {
        BenefitGranted e = event.data();
        return record(Kind.BENEFIT, e.decisionId(), e.householdId(), e.sequence(),
                new Document("kind", "GRANTED").append("on", day(event.time()))
                        .append("policyCode", e.policyCode()).append("department", e.department())
                        .append("personId", e.personId())
                        .append("validTo", e.validTo() == null ? null : e.validTo().toString()));
    }

    Outcome revoked(EventEnvelope<BenefitRevoked> event) {
        BenefitRevoked e = event.data();
        return record(Kind.BENEFIT, e.decisionId(), e.householdId(), e.sequence(), fact("REVOKED", e.effectiveDate()));
    }

    Outcome submitted(EventEnvelope<ApplicationSubmitted> event) {
        ApplicationSubmitted e = event.data();
        return record(Kind.APPLICATION, e.applicationId(), e.householdId(), e.sequence(),
                fact("SUBMITTED", e.submittedOn()).append("policyCode", e.policyCode())
                        .append("department", e.department()));
    }

    Outcome approved(EventEnvelope<ApplicationApproved> event) {
        ApplicationApproved e = event.data();
        return record(Kind.APPLICATION, e.applicationId(), e.householdId(), e.sequence(), fact("APPROVED", e.decidedOn()));
    }

    Outcome rejected(EventEnvelope<ApplicationRejected> event) {
        ApplicationRejected e = event.data();
        return record(Kind.APPLICATION, e.applicationId(), e.householdId(), e.sequence(), fact("REJECTED", e.decidedOn()));
    }

    Outcome issued(EventEnvelope<InsuranceCardIssued> event) {
        InsuranceCardIssued e = event.data();
        return record(Kind.CARD, e.requestId(), e.householdId(), e.sequence(),
                new Document("kind", "ISSUED").append("on", day(event.time())).append("personId", e.personId())
                        .append("benefitDecisionId", e.benefitDecisionId())
                        .append("validTo", e.validTo() == null ? null : e.validTo().toString()));
    }
}
