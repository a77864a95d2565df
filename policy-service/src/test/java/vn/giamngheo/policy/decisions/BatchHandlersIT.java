package vn.giamngheo.policy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.card.InsuranceCardRequested;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.policy.TestClock;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.eligibility.EligibilityViews;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/**
 * The consumers handed a poll's worth at once — several events of one household, a duplicate inside the poll, many
 * households interleaved, the whole poll delivered again — leave exactly the state that one event at a time leaves,
 * with the same outcomes: the views, the decisions (their versions count their events) and the card states.
 */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
class BatchHandlersIT {

    private static final int HOUSEHOLDS = 6;

    @Autowired
    HouseholdEventsHandler householdEvents;

    @Autowired
    BenefitEventsHandler benefitEvents;

    @Autowired
    CardStates cardEvents;

    @Autowired
    EligibilityViews views;

    @Autowired
    AutomaticDecisions decisions;

    @Autowired
    PolicyCatalog catalog;

    @Autowired
    TestClock clock;

    @BeforeEach
    void today() {
        clock.setToday(LocalDate.parse("2026-06-01"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static <T extends DomainEvent> EventEnvelope<T> envelope(EventType<T> type, String subject, String id,
            T data) {
        return new EventEnvelope<>(id, "/test", type, subject, Instant.parse("2026-06-01T00:00:00Z"), data);
    }

    private static MemberFact member(String householdId, int n, String born) {
        return new MemberFact(householdId + "-p" + n, LocalDate.parse(born), n % 2 == 0 ? "F" : "M",
                n == 1 ? "HEAD" : "CHILD");
    }

    /**
     * A household's life: registered with an elderly head, a child and an adult; decided poor; a newborn added; near
     * poor from 1 January by the annual decision of December; a later one left the registry.
     */
    private static List<EventEnvelope<?>> life(String h, int variant) {
        List<MemberFact> members = List.of(member(h, 1, "1950-03-10"), member(h, 2, "2019-07-0" + (1 + variant % 5)),
                member(h, 3, "1985-01-01"));
        List<MemberFact> withNewborn = new ArrayList<>(members);
        withNewborn.add(member(h, 4, "2025-05-20"));
        List<EventEnvelope<?>> events = new ArrayList<>(List.of(
                envelope(EventTypes.HOUSEHOLD_REGISTERED, h, h + ":1", new HouseholdRegistered(h, 1, "08707",
                        "Thôn 1", Instant.parse("2025-01-10T00:00:00Z"), members)),
                envelope(EventTypes.HOUSEHOLD_RECLASSIFIED, h, h + ":2", new HouseholdReclassified(h, 2, "08707",
                        null, HouseholdClass.POOR, Transition.INITIAL, "2022-2025", "12/QĐ-UBND",
                        LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-01"), null)),
                envelope(EventTypes.HOUSEHOLD_UPDATED, h, h + ":3", new HouseholdUpdated(h, 3, "MEMBER_ADDED",
                        "08707", "Thôn 1", LocalDate.parse("2025-06-01"), withNewborn)),
                envelope(EventTypes.HOUSEHOLD_RECLASSIFIED, h, h + ":4", new HouseholdReclassified(h, 4, "08707",
                        HouseholdClass.POOR, HouseholdClass.NEAR_POOR, Transition.ESCAPED_POVERTY, "2026-2030",
                        "99/QĐ-UBND", LocalDate.parse("2025-12-10"), LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2028-12-09")))));
        if (variant % 3 == 2) {
            events.add(envelope(EventTypes.HOUSEHOLD_REMOVED, h, h + ":5",
                    new vn.giamngheo.contracts.household.HouseholdRemoved(h, 5, "MOVED_AWAY",
                            LocalDate.parse("2026-03-01"))));
        }
        return events;
    }

    /** Each event alone, as the binding hands them over today. */
    private static List<Outcome> oneAtATime(BatchHandler handler, List<EventEnvelope<?>> events) {
        List<Outcome> outcomes = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            List<Outcome> one = handler.handle(List.of(event));
            assertThat(one).hasSize(1);
            outcomes.add(one.getFirst());
        }
        return outcomes;
    }

    /** The households' events interleaved: the k-th event of every household, then the (k+1)-th… */
    private static List<EventEnvelope<?>> interleaved(List<List<EventEnvelope<?>>> lives) {
        List<EventEnvelope<?>> poll = new ArrayList<>();
        int longest = lives.stream().mapToInt(List::size).max().orElse(0);
        for (int k = 0; k < longest; k++) {
            for (List<EventEnvelope<?>> life : lives) {
                if (k < life.size()) {
                    poll.add(life.get(k));
                }
            }
        }
        return poll;
    }

    /** What is stored of a household, its id (and the ids built on it) written as H. */
    private String stored(String h) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("view", views.find(h).orElseThrow());
        List<BenefitDecision> held = decisions.ofHousehold(h);
        state.put("decisions", held);
        state.put("cards", cardEvents.of(held.stream().map(BenefitDecision::id).toList()));
        return state.toString().replace(h, "H");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aPollOfManyHouseholdsWithADuplicateLeavesWhatOneEventAtATimeLeaves() {
        List<String> alone = new ArrayList<>();
        List<String> together = new ArrayList<>();
        List<List<EventEnvelope<?>>> lives = new ArrayList<>();
        List<Outcome> aloneOutcomes = new ArrayList<>();
        for (int v = 0; v < HOUSEHOLDS; v++) {
            String a = newId();
            alone.add(a);
            aloneOutcomes.addAll(oneAtATime(householdEvents, life(a, v)));
            String b = newId();
            together.add(b);
            lives.add(life(b, v));
        }
        assertThat(aloneOutcomes).containsOnly(Outcome.APPLIED);

        List<EventEnvelope<?>> poll = interleaved(lives);
        // A duplicate inside the poll: the first household's decision of December, again after its other events.
        EventEnvelope<?> again = lives.getFirst().get(3);
        poll.add(again);
        List<Outcome> outcomes = householdEvents.handle(poll);

        assertThat(outcomes).hasSize(poll.size());
        assertThat(outcomes.subList(0, poll.size() - 1)).containsOnly(Outcome.APPLIED);
        assertThat(outcomes.getLast()).isEqualTo(Outcome.DUPLICATE);
        for (int v = 0; v < HOUSEHOLDS; v++) {
            assertThat(decisions.ofHousehold(together.get(v))).isNotEmpty();
            assertThat(stored(together.get(v))).isEqualTo(stored(alone.get(v)));
        }

        // The whole poll delivered again: every event a duplicate, nothing changes.
        List<String> before = together.stream().map(this::stored).toList();
        assertThat(householdEvents.handle(poll)).containsOnly(Outcome.DUPLICATE);
        assertThat(together.stream().map(this::stored).toList()).isEqualTo(before);
    }

    @Test
    void aCrashBetweenTheViewAndTheDecisionsIsFinishedByTheRedeliveryInAPoll() {
        String a = newId();
        String c = newId();
        String other = newId();
        List<EventEnvelope<?>> lifeA = life(a, 0).subList(0, 2);
        List<EventEnvelope<?>> lifeC = life(c, 0).subList(0, 2);
        oneAtATime(householdEvents, lifeA);
        householdEvents.handle(List.of(lifeC.getFirst()));
        // The decision of class reached C's view, and the service stopped before its decisions were written.
        views.write(List.of(EligibilityViews.apply(views.find(c).orElseThrow(), lifeC.get(1)).orElseThrow()
                .update()));
        assertThat(decisions.ofHousehold(c)).isEmpty();

        List<Outcome> outcomes = householdEvents.handle(List.of(life(other, 1).getFirst(), lifeC.get(1)));

        assertThat(outcomes).containsExactly(Outcome.APPLIED, Outcome.DUPLICATE);
        assertThat(decisions.ofHousehold(c)).isNotEmpty();
        assertThat(stored(c)).isEqualTo(stored(a));
    }

    @Test
    void receiptsAndCardStatesInAPollAreWhatOneAtATimeMakes() {
        String read = catalog.receiptsRead().iterator().next();
        List<String> alone = new ArrayList<>();
        List<String> together = new ArrayList<>();
        List<List<EventEnvelope<?>>> receiptsTogether = new ArrayList<>();
        List<List<EventEnvelope<?>>> cardsTogether = new ArrayList<>();
        List<Outcome> aloneOutcomes = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            String a = newId();
            String b = newId();
            oneAtATime(householdEvents, life(a, v).subList(0, 3));
            householdEvents.handle(life(b, v).subList(0, 3));
            alone.add(a);
            together.add(b);
            aloneOutcomes.addAll(oneAtATime(benefitEvents, receipts(a, read)));
            receiptsTogether.add(receipts(b, read));
            aloneOutcomes.addAll(oneAtATime(cardEvents, cards(a)));
            cardsTogether.add(cards(b));
        }

        List<EventEnvelope<?>> poll = interleaved(receiptsTogether);
        List<Outcome> outcomes = new ArrayList<>(benefitEvents.handle(poll));
        List<EventEnvelope<?>> cardPoll = interleaved(cardsTogether);
        outcomes.addAll(cardEvents.handle(cardPoll));

        assertThat(outcomes).hasSize(poll.size() + cardPoll.size());
        // Per household: granted, the same again, revoked, another department's policy no rule reads; then the
        // card: requested, issued, a later request, a late failure of the earlier request, an unknown decision.
        List<Outcome> perHousehold = List.of(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.APPLIED, Outcome.IGNORED,
                Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE, Outcome.IGNORED);
        for (int v = 0; v < 3; v++) {
            assertThat(aloneOutcomes.subList(v * 9, v * 9 + 9)).isEqualTo(perHousehold);
        }
        assertThat(outcomes).containsExactlyInAnyOrderElementsOf(aloneOutcomes);
        for (int v = 0; v < 3; v++) {
            assertThat(stored(together.get(v))).contains("CN-2").isEqualTo(stored(alone.get(v)));
        }
    }

    private static List<EventEnvelope<?>> receipts(String h, String policyCode) {
        String decisionId = policyCode + ":" + h + "-p1:2025-03-01";
        Entitlement cash = new Entitlement("CASH", null, 500_000L, "MONTHLY", null, null);
        BenefitGranted granted = new BenefitGranted(decisionId, 1, policyCode, "v1", "OTHER", h, h + "-p1",
                LocalDate.parse("2025-03-01"), null, cash, "test");
        return List.of(
                envelope(EventTypes.BENEFIT_GRANTED, decisionId, decisionId + ":1", granted),
                envelope(EventTypes.BENEFIT_GRANTED, decisionId, decisionId + ":1", granted),
                envelope(EventTypes.BENEFIT_REVOKED, decisionId, decisionId + ":2", new BenefitRevoked(decisionId, 2,
                        policyCode, "OTHER", h, h + "-p1", LocalDate.parse("2025-09-01"), "test")),
                envelope(EventTypes.BENEFIT_GRANTED, "X:" + h, "X:" + h + ":1", new BenefitGranted("X:" + h, 1,
                        "NOT_READ_BY_ANY_RULE", "v1", "OTHER", h, null, LocalDate.parse("2025-03-01"), null, cash,
                        "test")));
    }

    private static List<EventEnvelope<?>> cards(String h) {
        String decisionId = "HEALTH_INSURANCE_PREMIUM:" + h + "-p1:2025-02-01";
        String first = "card:" + decisionId + ":1";
        String later = "card:" + decisionId + ":2";
        return List.of(
                envelope(EventTypes.INSURANCE_CARD_REQUESTED, first, first + ":1", new InsuranceCardRequested(first, 1,
                        "ISSUE", h, h + "-p1", decisionId, Instant.parse("2025-02-02T00:00:00Z"))),
                envelope(EventTypes.INSURANCE_CARD_ISSUED, first, first + ":2", new InsuranceCardIssued(first, 2, h,
                        h + "-p1", decisionId, "CN-1", LocalDate.parse("2025-02-01"), LocalDate.parse("2025-12-31"))),
                envelope(EventTypes.INSURANCE_CARD_ISSUED, later, later + ":1", new InsuranceCardIssued(later, 1, h,
                        h + "-p1", decisionId, "CN-2", LocalDate.parse("2025-06-01"), LocalDate.parse("2025-12-31"))),
                envelope(EventTypes.INSURANCE_CARD_FAILED, first, first + ":3", new InsuranceCardFailed(first, 3, h,
                        h + "-p1", decisionId, "late", 3)),
                envelope(EventTypes.INSURANCE_CARD_FAILED, "card:none:" + h, "card:none:1", new InsuranceCardFailed(
                        "card:none:" + h, 1, h, h + "-p1", "NONE:" + h, "unknown", 1)));
    }
}
