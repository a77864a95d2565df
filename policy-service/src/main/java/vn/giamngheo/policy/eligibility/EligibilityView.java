package vn.giamngheo.policy.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.policy.catalog.EligibilityFacts;

/**
 * This service's view of one household: what eligibility rules need, kept current from {@code household.events}
 * (guarded by the household's {@link #sequence}), the facts departments recorded, what the household receives
 * ({@code benefit.events}), and how far its decisions were reconciled. Each event gives the view after it; the store
 * writes only the fields the event sets.
 *
 * @param sequence           the household's last event applied; null while only receipts are known
 * @param previousClass      the class a later-effective decision replaces, in force until {@link #classifiedSince}
 * @param facts              what departments recorded
 * @param receipts           by decision id, what the household and its members receive, as the decisions' events told
 * @param reconciledSequence the sequence the decisions were last reconciled with
 * @param nextReviewOn       the next day on which the decisions may change without an event; null: none foreseen
 */
public record EligibilityView(String id, Long sequence, String unitCode, String village, List<Member> members,
        Instant registeredAt, LocalDate effectiveDate, String lastEventId, ClassDecision classDecision,
        ClassDecision previousClass, LocalDate removedOn, String removedReason, Facts facts,
        Map<String, Receipt> receipts, Long reconciledSequence, LocalDate nextReviewOn) {

    public record Member(String personId, LocalDate dateOfBirth, String sex, String relationToHead) {
    }

    /** A review's class decision, from {@code classifiedSince}; an escape starts the newly-escaped window. */
    public record ClassDecision(String classification, LocalDate classifiedSince, LocalDate escapedPovertyOn,
            String decisionNumber, LocalDate decisionDate) {
    }

    /** What departments recorded; null fields were not. */
    public record Facts(Boolean farming, Long electricityKwhPerMonth, Map<String, MemberFacts> members) {

        public static final Facts NONE = new Facts(null, null, Map.of());
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

    /** A decision's receipt; {@code from} is null while only its revocation was seen. */
    public record Receipt(String policyCode, String personId, LocalDate from, LocalDate to) {
    }

    public EligibilityView {
        members = members == null ? List.of() : List.copyOf(members);
        facts = facts == null ? Facts.NONE : facts;
        receipts = receipts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(receipts));
    }

    /** A view no event has made yet. */
    public static EligibilityView empty(String id) {
        return new EligibilityView(id, null, null, null, List.of(), null, null, null, null, null, null, null,
                Facts.NONE, Map.of(), null, null);
    }

    /** Whether a household event made it (receipts alone do not make a household). */
    public boolean known() {
        return sequence != null;
    }

    public String classification() {
        return classDecision == null ? null : classDecision.classification();
    }

    public LocalDate classifiedSince() {
        return classDecision == null ? null : classDecision.classifiedSince();
    }

    public LocalDate escapedPovertyOn() {
        return classDecision == null ? null : classDecision.escapedPovertyOn();
    }

    /** The recorded facts of one member, or {@link MemberFacts#NONE}. */
    public MemberFacts factsOf(String personId) {
        return facts.members().getOrDefault(personId, MemberFacts.NONE);
    }

    public boolean farming() {
        return Boolean.TRUE.equals(facts.farming());
    }

    /** What the household and its members receive; receipts whose grant was not seen yet are left out. */
    public List<EligibilityFacts.Receipt> receivedBenefits() {
        List<EligibilityFacts.Receipt> result = new ArrayList<>();
        receipts.values().stream().filter(r -> r.from() != null).forEach(r -> result.add(
                new EligibilityFacts.Receipt(r.policyCode(), r.personId(), r.from(), r.to())));
        return result;
    }

    EligibilityView registered(String eventId, HouseholdRegistered e) {
        return new EligibilityView(id, e.sequence(), e.unitCode(), e.village(), members(e.members()),
                e.registeredAt(), LocalDate.ofInstant(e.registeredAt(), ZoneOffset.UTC), eventId, classDecision,
                previousClass, removedOn, removedReason, facts, receipts, reconciledSequence, nextReviewOn);
    }

    EligibilityView updated(String eventId, HouseholdUpdated e) {
        return new EligibilityView(id, e.sequence(), e.unitCode(), e.village(), members(e.members()), registeredAt,
                e.effectiveDate(), eventId, classDecision, previousClass, removedOn, removedReason, facts, receipts,
                reconciledSequence, nextReviewOn);
    }

    /**
     * The class decided by a review, from its effective date. The class it replaces is kept as
     * {@link #previousClass}: an annual review's decision of December takes effect on 1 January, and until then the
     * household's benefits follow the class still in force.
     */
    EligibilityView reclassified(String eventId, HouseholdReclassified e) {
        boolean escaped = e.transition() == Transition.ESCAPED_POVERTY
                || e.transition() == Transition.ESCAPED_NEAR_POVERTY;
        ClassDecision decided = new ClassDecision(e.toClass().name(), e.effectiveDate(),
                escaped ? e.decisionDate() : null, e.decisionNumber(), e.decisionDate());
        return new EligibilityView(id, e.sequence(), e.unitCode(), village, members, registeredAt, e.effectiveDate(),
                eventId, decided, classification() == null ? null : classDecision, removedOn, removedReason, facts,
                receipts, reconciledSequence, nextReviewOn);
    }

    EligibilityView removed(String eventId, HouseholdRemoved e) {
        return new EligibilityView(id, e.sequence(), unitCode, village, members, registeredAt, e.effectiveDate(),
                eventId, classDecision, previousClass, e.effectiveDate(), e.reason(), facts, receipts,
                reconciledSequence, nextReviewOn);
    }

    /** A decision of any department ({@code benefit.granted}) that this department's rules read. */
    EligibilityView receiptGranted(String decisionId, String policyCode, String personId, LocalDate from,
            LocalDate to) {
        Receipt before = receipts.get(decisionId);
        return withReceipt(decisionId, new Receipt(policyCode, personId, from,
                to != null ? to : before == null ? null : before.to()));
    }

    /** The decision's {@code benefit.revoked}: it was received up to the day before {@code effectiveDate}. */
    EligibilityView receiptRevoked(String decisionId, String policyCode, String personId, LocalDate effectiveDate) {
        Receipt before = receipts.get(decisionId);
        return withReceipt(decisionId, new Receipt(policyCode, personId, before == null ? null : before.from(),
                effectiveDate.minusDays(1)));
    }

    private EligibilityView withReceipt(String decisionId, Receipt receipt) {
        Map<String, Receipt> after = new LinkedHashMap<>(receipts);
        after.put(decisionId, receipt);
        return new EligibilityView(id, sequence, unitCode, village, members, registeredAt, effectiveDate, lastEventId,
                classDecision, previousClass, removedOn, removedReason, facts, after, reconciledSequence,
                nextReviewOn);
    }

    /** Reconciled with the decisions up to {@code reconciled}; next day that matters {@code next}. */
    public EligibilityView reconciled(long reconciled, LocalDate next) {
        return new EligibilityView(id, sequence, unitCode, village, members, registeredAt, effectiveDate, lastEventId,
                classDecision, previousClass, removedOn, removedReason, facts, receipts,
                reconciledSequence == null ? reconciled : Math.max(reconciledSequence, reconciled), next);
    }

    /** The next day on which the decisions may change without an event. */
    public EligibilityView scheduled(LocalDate next) {
        return new EligibilityView(id, sequence, unitCode, village, members, registeredAt, effectiveDate, lastEventId,
                classDecision, previousClass, removedOn, removedReason, facts, receipts, reconciledSequence, next);
    }

    /** Whether the reconciliation marks differ from {@code before}'s. */
    public boolean marksDiffer(EligibilityView before) {
        if (before == null) {
            return reconciledSequence != null || nextReviewOn != null;
        }
        return !Objects.equals(reconciledSequence, before.reconciledSequence)
                || !Objects.equals(nextReviewOn, before.nextReviewOn);
    }

    private static List<Member> members(List<MemberFact> members) {
        return members.stream().map(m -> new Member(m.personId(), m.dateOfBirth(), m.sex(), m.relationToHead()))
                .toList();
    }
}
