package vn.giamngheo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.contracts.review.ReviewPostingStarted;
import vn.giamngheo.notification.messages.Contacts;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/**
 * The three consumers handed a poll's events at once — several events of one household, a duplicate inside the
 * batch, many households — store what handing them the same events one at a time stores, with the same outcomes.
 * The same scenario runs twice under two id prefixes (a batch, then one event at a time), and the stored documents
 * are compared with the prefix taken out. What the workers change afterwards (sending, BHXH's answer: status,
 * attempts, times, versions, outboxes) is left out of the comparison; so is a reminder's version (and the bulk-write
 * token beside it), which counts writes (a batch writes a round's two postings at once).
 */
@ServiceIntegrationTest
class BatchHandlersIT extends OutsideWorld {

    private static final int HOUSEHOLDS = 12;
    private static final Instant TIME = Instant.parse("2026-12-01T03:00:00Z");
    private static final Set<String> CHANGED_BY_WORKERS = Set.of("status", "attempts", "nextAttemptAt", "lastError",
            "createdAt", "updatedAt", "eventSequence", "version", "round", "cardNumber", "cardValidFrom",
            "cardValidTo", "pendingEvents", "lastWrite");

    @Autowired
    @Qualifier("householdEventsHandler")
    BatchHandler householdEvents;

    @Autowired
    @Qualifier("benefitEventsHandler")
    BatchHandler benefitEvents;

    @Autowired
    @Qualifier("messageTriggers")
    BatchHandler cardEvents;

    @Autowired
    Contacts contacts;

    @Autowired
    MongoDatabase database;

    /** One run of the scenario: its households, and its events of each topic in the order they were polled. */
    record Scenario(String run, List<String> households, List<EventEnvelope<?>> household,
            List<EventEnvelope<?>> benefit, List<EventEnvelope<?>> cards) {

        List<String> eventIds() {
            List<String> ids = new ArrayList<>();
            household.forEach(e -> ids.add(e.id()));
            benefit.forEach(e -> ids.add(e.id()));
            cards.forEach(e -> ids.add(e.id()));
            return ids;
        }
    }

    private static <T extends DomainEvent> EventEnvelope<T> event(String run, String name, EventType<T> type,
            String subject, T data) {
        return new EventEnvelope<>(run + "-event-" + name, "/test", type, subject, TIME, data);
    }

    private static Scenario scenario(String run) {
        List<String> households = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            households.add(run + "-h" + i);
        }
        HouseholdRegistered registered = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED).data();
        HouseholdUpdated updated = Samples.envelope(EventTypes.HOUSEHOLD_UPDATED).data();
        HouseholdReclassified reclassified = Samples.envelope(EventTypes.HOUSEHOLD_RECLASSIFIED).data();
        ReviewPostingStarted posting = Samples.envelope(EventTypes.REVIEW_POSTING_STARTED).data();
        List<EventEnvelope<?>> household = new ArrayList<>();
        // Each household's three events, the households interleaved as partitions interleave them.
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String h = households.get(i);
            household.add(event(run, "registered-" + i, EventTypes.HOUSEHOLD_REGISTERED, h, new HouseholdRegistered(
                    h, 1, i % 2 == 0 ? "08707" : "08716", registered.village(), TIME, registered.members())));
        }
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String h = households.get(i);
            household.add(event(run, "updated-" + i, EventTypes.HOUSEHOLD_UPDATED, h, new HouseholdUpdated(h, 2,
                    updated.change(), "08710", updated.village(), updated.effectiveDate(), updated.members())));
            household.add(event(run, "reclassified-" + i, EventTypes.HOUSEHOLD_RECLASSIFIED, h,
                    new HouseholdReclassified(h, 3, "08710", null, HouseholdClass.POOR,
                            Transition.NEWLY_POOR, reclassified.standard(), reclassified.decisionNumber(),
                            reclassified.decisionDate(), reclassified.effectiveDate(), null)));
        }
        // Delivered twice inside the poll: a reclassification, and an update after the household's later events.
        household.add(household.get(HOUSEHOLDS + 3));
        household.add(household.get(HOUSEHOLDS));
        // A round posted, posted again, and the first posting delivered again; its posting ends in the future.
        String round = run + "-round";
        LocalDate today = LocalDate.now();
        for (int sequence = 1; sequence <= 2; sequence++) {
            household.add(event(run, "posting-" + sequence, EventTypes.REVIEW_POSTING_STARTED, round,
                    new ReviewPostingStarted(round, sequence, "08710", posting.kind(), posting.referenceDate(), today,
                            today.plusDays(9 + sequence), 20 + sequence, 18 + sequence, posting.standard())));
        }
        household.add(household.get(household.size() - 2));

        BenefitGranted granted = Samples.envelope(EventTypes.BENEFIT_GRANTED).data();
        List<EventEnvelope<?>> benefit = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String h = households.get(i);
            String person = run + "-p" + i;
            String decision = "HEALTH_INSURANCE_PREMIUM:" + person + ":2026-12-01";
            benefit.add(event(run, "premium-" + i, EventTypes.BENEFIT_GRANTED, decision, new BenefitGranted(decision,
                    1, "HEALTH_INSURANCE_PREMIUM", "HEALTH_INSURANCE_PREMIUM@2025-08-15", "HEALTH_INSURANCE", h,
                    person, LocalDate.parse("2026-12-01"), null,
                    new Entitlement("PREMIUM_SHARE", 100, null, null, null, null), "Hộ nghèo.")));
            String loan = run + "-loan-" + i;
            benefit.add(event(run, "loan-" + i, EventTypes.BENEFIT_GRANTED, loan, new BenefitGranted(loan, 1,
                    granted.policyCode(), granted.policyVersion(), granted.department(), h, null,
                    granted.validFrom(), granted.validTo(), granted.entitlement(), granted.reason())));
        }
        // One premium revoked in the same poll (a cancellation), one granted twice.
        String revoked = "HEALTH_INSURANCE_PREMIUM:" + run + "-p3:2026-12-01";
        benefit.add(event(run, "revoked-3", EventTypes.BENEFIT_REVOKED, revoked, new BenefitRevoked(revoked, 2,
                "HEALTH_INSURANCE_PREMIUM", "HEALTH_INSURANCE", households.get(3), run + "-p3",
                LocalDate.parse("2027-01-01"), "Hộ không còn là hộ nghèo.")));
        benefit.add(benefit.getFirst());

        List<EventEnvelope<?>> cards = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String request = run + "-card-" + i;
            cards.add(event(run, "issued-" + i, EventTypes.INSURANCE_CARD_ISSUED, request, new InsuranceCardIssued(
                    request, 2, households.get(i), run + "-p" + i, run + "-decision-" + i, "HN225000000000" + i,
                    LocalDate.parse("2026-12-01"), LocalDate.parse("2027-11-30"))));
        }
        String failed = run + "-card-failed";
        cards.add(event(run, "failed", EventTypes.INSURANCE_CARD_FAILED, failed, new InsuranceCardFailed(failed, 2,
                households.get(1), run + "-p1", run + "-decision-1", "BHXH answered HTTP 400", 1)));
        cards.add(cards.get(2));
        return new Scenario(run, households, household, benefit, cards);
    }

    /** Half the households have a phone number: their messages are queued, the others' suppressed. */
    private void phones(Scenario scenario) {
        for (int i = 0; i < HOUSEHOLDS; i += 2) {
            contacts.putHousehold(scenario.households().get(i), "09123456" + String.format("%02d", i), List.of());
        }
    }

    private static List<Outcome> oneAtATime(BatchHandler handler, List<EventEnvelope<?>> events) {
        List<Outcome> outcomes = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            List<Outcome> one = handler.handle(List.of(event));
            assertThat(one).hasSize(1);
            outcomes.add(one.getFirst());
        }
        return outcomes;
    }

    /** The stored documents of a run, sorted, with the run's prefix and what the workers change taken out. */
    private List<String> stored(Scenario s) {
        List<String> documents = new ArrayList<>();
        documents.addAll(read("household_activity", Filters.in("_id", s.households()), Set.of(), s.run()));
        documents.addAll(read("posting_reminders", Filters.eq("_id", s.run() + "-round"), Set.of("version", "lastWrite"),
                s.run()));
        documents.addAll(read("card_requests", Filters.in("householdId", s.households()), CHANGED_BY_WORKERS,
                s.run()));
        // The messages the scenario's events caused (not those of the cards BHXH issues meanwhile); their ids
        // hash the run's ids, so they are compared by what they are.
        Set<String> withoutId = new HashSet<>(CHANGED_BY_WORKERS);
        withoutId.add("_id");
        documents.addAll(read("messages", Filters.in("causeEventId", s.eventIds()), withoutId, s.run()));
        return documents.stream().sorted().toList();
    }

    private List<String> read(String collection, Bson filter, Collection<String> left, String run) {
        List<String> documents = new ArrayList<>();
        database.getCollection(collection).find(filter).forEach((Document d) -> {
            left.forEach(d::remove);
            documents.add(d.toJson().replace(run, "RUN"));
        });
        return documents;
    }

    @Test
    void aPollAtATimeStoresWhatOneEventAtATimeStores() {
        Scenario batch = scenario("batch-" + EventFixtures.newId());
        Scenario single = scenario("single-" + EventFixtures.newId());
        phones(batch);
        phones(single);

        // Activity and reminders first, as the topics would deliver them: the card-failed message reads the unit.
        List<Outcome> householdOutcomes = householdEvents.handle(batch.household());
        List<Outcome> benefitOutcomes = benefitEvents.handle(batch.benefit());
        List<Outcome> cardOutcomes = cardEvents.handle(batch.cards());

        assertThat(oneAtATime(householdEvents, single.household())).isEqualTo(householdOutcomes);
        assertThat(oneAtATime(benefitEvents, single.benefit())).isEqualTo(benefitOutcomes);
        assertThat(oneAtATime(cardEvents, single.cards())).isEqualTo(cardOutcomes);
        assertThat(stored(batch)).isEqualTo(stored(single));

        // And what that is: each event once, in its household's order; the duplicates changed nothing.
        int n = HOUSEHOLDS;
        assertThat(householdOutcomes).hasSize(3 * n + 5);
        assertThat(householdOutcomes.subList(0, 3 * n)).containsOnly(Outcome.APPLIED);
        assertThat(householdOutcomes.subList(3 * n, 3 * n + 5)).containsExactly(Outcome.DUPLICATE,
                Outcome.DUPLICATE, Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE);
        assertThat(benefitOutcomes).hasSize(2 * n + 2);
        assertThat(benefitOutcomes.subList(0, 2 * n + 1)).containsOnly(Outcome.APPLIED);
        assertThat(benefitOutcomes.getLast()).isEqualTo(Outcome.DUPLICATE);
        assertThat(cardOutcomes).hasSize(n + 2);
        assertThat(cardOutcomes.subList(0, n + 1)).containsOnly(Outcome.APPLIED);
        assertThat(cardOutcomes.getLast()).isEqualTo(Outcome.DUPLICATE);
        Document activity = database.getCollection("household_activity").find(Filters.eq("_id",
                batch.households().get(3))).first();
        assertThat(activity.getString("unitCode")).isEqualTo("08710");
        assertThat(activity.getList("events", Document.class).stream().map(e -> e.getLong("sequence")).toList())
                .containsExactly(1L, 2L, 3L);
        Document reminder = database.getCollection("posting_reminders").find(Filters.eq("_id", batch.run()
                + "-round")).first();
        assertThat(reminder.getLong("sequence")).isEqualTo(2L);
        assertThat(reminder.getInteger("households")).isEqualTo(22);
        assertThat(database.getCollection("card_requests").countDocuments(Filters.in("householdId",
                batch.households()))).isEqualTo(n + 1);
        // Per household: its class, its premium, its loan, its card, each once; the revocation; the failed card's
        // officers (at least the Labour office). Those without a phone number are kept unsent.
        var messages = database.getCollection("messages");
        Bson households = Filters.and(Filters.in("causeEventId", batch.eventIds()),
                Filters.eq("recipientKind", "HOUSEHOLD"));
        assertThat(messages.countDocuments(households)).isEqualTo(4L * n + 1);
        assertThat(messages.countDocuments(Filters.and(households, Filters.eq("status", "SUPPRESSED"))))
                .isEqualTo(4L * n / 2 + 1);
        assertThat(messages.countDocuments(Filters.and(Filters.in("causeEventId", batch.eventIds()),
                Filters.eq("recipientKind", "OFFICER")))).isPositive();
    }
}
