package vn.giamngheo.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.ApplicationApproved;
import vn.giamngheo.contracts.benefit.ApplicationSubmitted;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.household.HouseholdAssessed;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.contracts.reporting.ProgressUpdated;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.reporting.EmbeddedMongo;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactStore.Facts;
import vn.giamngheo.reporting.facts.FactStore.Kind;
import vn.giamngheo.reporting.figures.FigureCalculator;
import vn.giamngheo.reporting.figures.Figures;
import vn.giamngheo.reporting.statistics.AreaStatistics;
import vn.giamngheo.reporting.training.Training;

/**
 * The recorder handed a whole poll (several events of one household, duplicates inside the poll, many households,
 * events it keeps no fact of) stores the same facts, answers the same outcomes and yields the same figures as the
 * recorder handed the same events one at a time.
 */
class FactRecorderBatchTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<String> UNITS = List.of("08707", "08710", "08713", "08716");

    private final Areas areas = new Areas(UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
            new ClassPathResource("units/vinh-yen.json"))));
    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();
    private final MongoDatabase database = mongo.database();
    private final Aggregates aggregates = mongo.aggregates();

    private record Side(FactStore store, FactIndex index, FactRecorder recorder) {

        Map<String, Facts> stored(Kind kind) {
            Map<String, Facts> all = new HashMap<>();
            store.forEach(kind, f -> all.put(f.id(), f));
            return all;
        }
    }

    private Side side(String prefix) {
        FactStore store = new FactStore(aggregates, database, prefix);
        FactIndex index = new FactIndex(areas);
        return new Side(store, index, new FactRecorder(store, index));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(VIETNAM).toInstant();
    }

    private static <T extends DomainEvent> EventEnvelope<T> event(EventType<T> type, String subject, LocalDate on,
            T data) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), "/test", type, subject, at(on), data);
    }

    /** Each household's whole life, household by household (as a poll of several partitions interleaves them). */
    private static List<EventEnvelope<?>> lives(int households) {
        List<List<EventEnvelope<?>>> byHousehold = new ArrayList<>();
        LocalDate registered = LocalDate.parse("2022-03-01");
        LocalDate decided = LocalDate.parse("2022-12-15");
        for (int h = 0; h < households; h++) {
            String id = "H" + h;
            String unit = UNITS.get(h % UNITS.size());
            String head = id + "-P0";
            String child = id + "-P1";
            List<MemberFact> members = List.of(new MemberFact(head, LocalDate.parse("1970-01-01"), "MALE", "HEAD"),
                    new MemberFact(child, LocalDate.parse("2012-05-05"), "FEMALE", "CHILD"));
            HouseholdClass to = h % 3 == 0 ? HouseholdClass.POOR : h % 3 == 1 ? HouseholdClass.NEAR_POOR
                    : HouseholdClass.ABOVE;
            List<EventEnvelope<?>> life = new ArrayList<>();
            life.add(event(EventTypes.HOUSEHOLD_REGISTERED, id, registered, new HouseholdRegistered(id, 1, unit,
                    "Tổ dân phố 1", at(registered), members)));
            life.add(event(EventTypes.HOUSEHOLD_ASSESSED, id, decided, new HouseholdAssessed(id, 2, "A" + h, unit,
                    "VN-MPS-2022-2025", decided.minusDays(20), "URBAN", 1_500_000, List.of("HEALTH_INSURANCE"), to,
                    "round-" + unit, "1/QĐ-UBND", decided)));
            life.add(event(EventTypes.HOUSEHOLD_RECLASSIFIED, id, decided, new HouseholdReclassified(id, 3, unit, null,
                    to, Transition.INITIAL, "VN-MPS-2022-2025", "1/QĐ-UBND", decided, decided.plusDays(1), null)));
            String decision = "STUDY_COST_SUPPORT:" + child;
            life.add(event(EventTypes.BENEFIT_GRANTED, decision, decided, new BenefitGranted(decision, 1,
                    "STUDY_COST_SUPPORT", "STUDY_COST_SUPPORT@2021-10-15", "EDUCATION", id, child, decided, null,
                    new Entitlement("CASH", null, 150_000L, "MONTH", null, null), "Hỗ trợ chi phí học tập")));
            String card = "card:" + id;
            String premium = "HEALTH_INSURANCE_PREMIUM:" + head;
            life.add(event(EventTypes.INSURANCE_CARD_ISSUED, card, decided, new InsuranceCardIssued(card, 2, id, head,
                    premium, "HN" + h, decided, decided.plusYears(1))));
            String application = "loan:" + id;
            life.add(event(EventTypes.APPLICATION_SUBMITTED, application, decided, new ApplicationSubmitted(
                    application, 1, "POOR_HOUSEHOLD_LOAN", "SOCIAL_POLICY_BANK", id, null, decided, 50_000_000L)));
            life.add(event(EventTypes.APPLICATION_APPROVED, application, decided.plusDays(10), new ApplicationApproved(
                    application, 2, "POOR_HOUSEHOLD_LOAN", "SOCIAL_POLICY_BANK", id, null, decided.plusDays(10),
                    "7/QĐ-NHCS", "loan-decision:" + id)));
            if (h % 4 == 0) {
                LocalDate revoked = decided.plusMonths(3);
                life.add(event(EventTypes.BENEFIT_REVOKED, decision, revoked, new BenefitRevoked(decision, 2,
                        "STUDY_COST_SUPPORT", "EDUCATION", id, child, revoked, "Thoát nghèo")));
            }
            if (h % 5 == 0) {
                LocalDate removed = LocalDate.parse("2023-06-30");
                life.add(event(EventTypes.HOUSEHOLD_REMOVED, id, removed, new HouseholdRemoved(id, 4, "MOVED_AWAY",
                        removed)));
            }
            byHousehold.add(life);
        }
        // Interleaved: the first event of every household, then the second, ...; each household's stay in order.
        List<EventEnvelope<?>> poll = new ArrayList<>();
        while (byHousehold.stream().anyMatch(l -> !l.isEmpty())) {
            for (List<EventEnvelope<?>> life : byHousehold) {
                if (!life.isEmpty()) {
                    poll.add(life.removeFirst());
                }
            }
        }
        return poll;
    }

    @Test
    void aPollStoresWhatOneEventAtATimeStores() {
        List<EventEnvelope<?>> poll = new ArrayList<>(lives(40));
        int events = poll.size();
        // Redelivered inside the poll: a household's registration and a card issue again, and an event reporting
        // keeps no fact of.
        EventEnvelope<?> registration = poll.get(0);
        EventEnvelope<?> issue = poll.stream().filter(e -> e.type() == EventTypes.INSURANCE_CARD_ISSUED).findFirst()
                .orElseThrow();
        poll.add(registration);
        poll.add(issue);
        poll.add(event(EventTypes.REPORTING_PROGRESS_UPDATED, "08707:POOR_RATE", LocalDate.parse("2023-01-01"),
                new ProgressUpdated("08707", "POOR_RATE", 1, LocalDate.parse("2023-01-01"), BigDecimal.ONE, null,
                        "NO_TARGET")));

        Side batch = side("batch_");
        Side single = side("single_");
        AtomicInteger told = new AtomicInteger();
        batch.index().onChange(t -> told.incrementAndGet());

        List<Outcome> batchOutcomes = batch.recorder().handle(poll);
        List<Outcome> singleOutcomes = new ArrayList<>();
        for (EventEnvelope<?> event : poll) {
            singleOutcomes.addAll(single.recorder().handle(List.of(event)));
        }

        assertThat(batchOutcomes).isEqualTo(singleOutcomes);
        assertThat(batchOutcomes.subList(0, events)).containsOnly(Outcome.APPLIED);
        assertThat(batchOutcomes.subList(events, poll.size()))
                .containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.IGNORED);
        for (Kind kind : Kind.values()) {
            Map<String, Facts> a = batch.stored(kind);
            Map<String, Facts> b = single.stored(kind);
            assertThat(a).isNotEmpty().hasSameSizeAs(b);
            a.forEach((id, facts) -> {
                assertThat(facts.householdId()).isEqualTo(b.get(id).householdId());
                assertThat(facts.bySequence()).isEqualTo(b.get(id).bySequence());
            });
        }
        // The index took the poll in once: one change, each household told once.
        assertThat(batch.index().version()).isEqualTo(1);
        assertThat(told).hasValue(40);
        assertThat(batch.index().householdIds()).hasSize(40).isEqualTo(single.index().householdIds());
        for (String household : batch.index().householdIds()) {
            assertThat(batch.index().facts(household)).isEqualTo(single.index().facts(household));
        }
        assertSameFigures(batch.index(), single.index());
        // What is stored is what the index holds: an index loaded from the store gives the same figures.
        assertSameFigures(FactIndex.load(batch.store(), areas), batch.index());
    }

    @Test
    void aPollRedeliveredPartlyOrWhollyChangesNothing() {
        List<EventEnvelope<?>> poll = lives(12);
        Side batch = side("batch_");
        Side single = side("single_");
        batch.recorder().handle(poll.subList(0, poll.size() / 2));
        for (EventEnvelope<?> event : poll) {
            single.recorder().handle(List.of(event));
        }

        // The first half again with the rest: the first half are duplicates, the rest applied, in the poll's order.
        List<Outcome> outcomes = batch.recorder().handle(poll);
        assertThat(outcomes.subList(0, poll.size() / 2)).containsOnly(Outcome.DUPLICATE);
        assertThat(outcomes.subList(poll.size() / 2, poll.size())).containsOnly(Outcome.APPLIED);
        assertThat(batch.recorder().handle(poll)).containsOnly(Outcome.DUPLICATE);

        for (Kind kind : Kind.values()) {
            Map<String, Facts> a = batch.stored(kind);
            Map<String, Facts> b = single.stored(kind);
            assertThat(a.keySet()).isNotEmpty().isEqualTo(b.keySet());
            a.forEach((id, facts) -> assertThat(facts.bySequence()).isEqualTo(b.get(id).bySequence()));
        }
        assertSameFigures(batch.index(), single.index());
    }

    @Test
    void anInstanceThatMissedWhatAnotherRecordedReadsItAndAddsOnlyWhatIsNew() {
        List<EventEnvelope<?>> poll = lives(12);
        int half = poll.size() / 2;
        Side single = side("single_");
        for (EventEnvelope<?> event : poll) {
            single.recorder().handle(List.of(event));
        }
        // Two instances over one store, the second started before the first recorded anything (a rebalance hands it
        // the partitions with the whole poll again).
        FactStore shared = new FactStore(aggregates, database, "shared_");
        new FactRecorder(shared, new FactIndex(areas)).handle(poll.subList(0, half));
        FactIndex behind = new FactIndex(areas);

        List<Outcome> outcomes = new FactRecorder(shared, behind).handle(poll);

        assertThat(outcomes.subList(0, half)).containsOnly(Outcome.DUPLICATE);
        assertThat(outcomes.subList(half, poll.size())).containsOnly(Outcome.APPLIED);
        Side after = new Side(shared, behind, null);
        for (Kind kind : Kind.values()) {
            Map<String, Facts> a = after.stored(kind);
            Map<String, Facts> b = single.stored(kind);
            assertThat(a.keySet()).isNotEmpty().isEqualTo(b.keySet());
            a.forEach((id, facts) -> assertThat(facts.bySequence()).isEqualTo(b.get(id).bySequence()));
        }
        // What it read, it holds: its figures are the whole store's.
        assertSameFigures(behind, single.index());
    }

    private void assertSameFigures(FactIndex a, FactIndex b) {
        Clock clock = Clock.fixed(at(LocalDate.parse("2024-01-01")), VIETNAM);
        FigureCalculator calculator = new FigureCalculator(a, new AreaStatistics(aggregates, database, areas, clock),
                new Training(aggregates, database, areas, clock));
        List<Area> all = areas.all();
        for (LocalDate date : List.of(LocalDate.parse("2022-12-31"), LocalDate.parse("2023-03-31"),
                LocalDate.parse("2023-12-31"))) {
            Map<String, Figures> figuresA = calculator.of(all, date);
            Map<String, Figures> figuresB = calculator.over(b).of(all, date);
            assertThat(figuresA).isEqualTo(figuresB);
            assertThat(figuresA.values()).anySatisfy(f -> assertThat(f).isNotEqualTo(
                    calculator.over(new FactIndex(areas)).of(all, date).values().iterator().next()));
        }
    }
}
