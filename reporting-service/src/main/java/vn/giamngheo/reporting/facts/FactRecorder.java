package vn.giamngheo.reporting.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
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
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.reporting.facts.FactStore.Entry;
import vn.giamngheo.reporting.facts.FactStore.Kind;

/**
 * Turns the events reporting listens to into facts: the few values a figure needs, each with the legal date it
 * counts from. A class counts from the chairman's decision date (the review of 2022 is decided in December 2022 and
 * its result is the end-of-2022 list, whatever date the benefits start); a move or removal from its effective date;
 * a card from the day it was issued until its last valid day.
 *
 * <p>A poll at a time ({@link BatchHandler}): the poll's facts are recorded with one bulk write per collection,
 * decided on the index's copy of each aggregate ({@link FactStore#recordAll}; only aggregates that changed behind the
 * index's back are read), each aggregate's facts in their order, and the index takes in the changed households once.
 * The outcomes are per event, in the poll's order.
 */
public final class FactRecorder implements BatchHandler {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final FactStore store;
    private final FactIndex index;

    public FactRecorder(FactStore store, FactIndex index) {
        this.store = store;
        this.index = index;
    }

    /** The types of each topic that reporting keeps facts of. */
    public static final List<EventType<?>> HOUSEHOLD_EVENTS = List.of(EventTypes.HOUSEHOLD_REGISTERED,
            EventTypes.HOUSEHOLD_UPDATED, EventTypes.HOUSEHOLD_ASSESSED, EventTypes.HOUSEHOLD_RECLASSIFIED,
            EventTypes.HOUSEHOLD_REMOVED);
    public static final List<EventType<?>> BENEFIT_EVENTS = List.of(EventTypes.BENEFIT_GRANTED,
            EventTypes.BENEFIT_REVOKED, EventTypes.APPLICATION_SUBMITTED, EventTypes.APPLICATION_APPROVED,
            EventTypes.APPLICATION_REJECTED);
    public static final List<EventType<?>> CARD_EVENTS = List.of(EventTypes.INSURANCE_CARD_ISSUED);

    /** The bindings (a poll at a time) of the three topics reporting reads, recording into this store and index. */
    public BatchEventDispatcher householdEvents(EventMetrics metrics) {
        return BatchEventDispatcher.builder(metrics).on(HOUSEHOLD_EVENTS).handledBy(this);
    }

    public BatchEventDispatcher benefitEvents(EventMetrics metrics) {
        return BatchEventDispatcher.builder(metrics).on(BENEFIT_EVENTS).handledBy(this);
    }

    public BatchEventDispatcher cardEvents(EventMetrics metrics) {
        return BatchEventDispatcher.builder(metrics).on(CARD_EVENTS).handledBy(this);
    }

    /** A binding of {@code types} to {@code handler}, one record at a time. */
    public static EventDispatcher dispatcher(EventMetrics metrics, BatchHandler handler, List<EventType<?>> types) {
        return EventDispatcher.builder(metrics).onEach(handler, types.toArray(EventType<?>[]::new)).build();
    }

    /**
     * Records the facts of a poll's events: {@link Outcome#APPLIED}, {@link Outcome#DUPLICATE} (its sequence was
     * recorded before) or {@link Outcome#IGNORED} (an event reporting keeps no fact of), per event in their order.
     */
    @Override
    public List<Outcome> handle(List<EventEnvelope<?>> events) {
        Outcome[] outcomes = new Outcome[events.size()];
        List<Entry> entries = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Entry entry = entry(events.get(i));
            if (entry == null) {
                outcomes[i] = Outcome.IGNORED;
            } else {
                entries.add(entry);
                positions.add(i);
            }
        }
        if (!entries.isEmpty()) {
            FactStore.Recorded recorded = store.recordAll(entries, index::known);
            for (int e = 0; e < entries.size(); e++) {
                outcomes[positions.get(e)] = recorded.outcomes().get(e);
            }
            index.putAll(recorded.changed());
        }
        return Arrays.asList(outcomes);
    }

    /** The fact of an event, or null for an event reporting does not record. */
    static Entry entry(EventEnvelope<?> event) {
        DomainEvent data = event.data();
        return switch (data) {
            case HouseholdRegistered e -> household(e.householdId(), e.sequence(), new Fact.Registered(
                    LocalDate.ofInstant(e.registeredAt(), VIETNAM), e.unitCode(), members(e.members())));
            case HouseholdUpdated e -> household(e.householdId(), e.sequence(),
                    new Fact.Updated(e.effectiveDate(), e.unitCode(), members(e.members())));
            case HouseholdAssessed e -> household(e.householdId(), e.sequence(), new Fact.Assessed(e.decisionDate(),
                    e.unitCode(), e.classification(), e.deprivedIndicators()));
            case HouseholdReclassified e -> household(e.householdId(), e.sequence(), new Fact.Reclassified(
                    e.decisionDate(), e.unitCode(), e.fromClass(), e.toClass(), e.transition()));
            case HouseholdRemoved e -> household(e.householdId(), e.sequence(), new Fact.Removed(e.effectiveDate()));
            case BenefitGranted e -> new Entry(Kind.BENEFIT, e.decisionId(), e.householdId(), e.sequence(),
                    new Fact.Granted(day(event.time()), e.policyCode(), e.department(), e.personId(), e.validTo()));
            case BenefitRevoked e -> new Entry(Kind.BENEFIT, e.decisionId(), e.householdId(), e.sequence(),
                    new Fact.Revoked(e.effectiveDate()));
            case ApplicationSubmitted e -> new Entry(Kind.APPLICATION, e.applicationId(), e.householdId(),
                    e.sequence(), new Fact.Submitted(e.submittedOn(), e.policyCode(), e.department()));
            case ApplicationApproved e -> new Entry(Kind.APPLICATION, e.applicationId(), e.householdId(),
                    e.sequence(), new Fact.Approved(e.decidedOn()));
            case ApplicationRejected e -> new Entry(Kind.APPLICATION, e.applicationId(), e.householdId(),
                    e.sequence(), new Fact.Rejected(e.decidedOn()));
            case InsuranceCardIssued e -> new Entry(Kind.CARD, e.requestId(), e.householdId(), e.sequence(),
                    new Fact.Issued(day(event.time()), e.personId(), e.benefitDecisionId(), e.validTo()));
            default -> null;
        };
    }

    private static Entry household(String householdId, long sequence, Fact fact) {
        return new Entry(Kind.HOUSEHOLD, householdId, householdId, sequence, fact);
    }

    private static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, VIETNAM);
    }

    private static List<HouseholdTimeline.Member> members(List<MemberFact> members) {
        return members.stream().map(m -> new HouseholdTimeline.Member(m.personId(), m.dateOfBirth(), m.sex(),
                m.relationToHead())).toList();
    }
}
