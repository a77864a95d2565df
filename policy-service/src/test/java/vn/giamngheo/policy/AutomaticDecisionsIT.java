package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

/** Review decisions on household.events become benefit decisions on benefit.events, through the real broker. */
@ServiceIntegrationTest
@org.springframework.context.annotation.Import(TestClock.Config.class)
class AutomaticDecisionsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventMetrics metrics;

    @Autowired
    TestClock clock;

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    private static List<ConsumerRecord<String, byte[]>> benefitEvents(String householdId, int atLeast) {
        return TopicProbe.await(Topics.BENEFIT_EVENTS, r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains("\"householdId\":\"" + householdId + "\""), atLeast, Duration.ofSeconds(30));
    }

    private static Map<String, Long> countByType(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> TopicProbe.header(r, CloudEventHeaders.TYPE),
                Collectors.counting()));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<ConsumerRecord<String, byte[]>> ofType(List<ConsumerRecord<String, byte[]>> records,
            String ceType) {
        return records.stream().filter(r -> TopicProbe.header(r, CloudEventHeaders.TYPE).equals(ceType)).toList();
    }

    @Test
    void aHouseholdMadePoorGetsItsGrantsAndANearPoorDecisionAYearLaterChangesAndRevokesThem() {
        clock.setToday(LocalDate.parse("2023-12-15"));
        String id = EventFixtures.newId();
        publish(EventFixtures.householdRegistered(id, "08707"));
        EventEnvelope<HouseholdReclassified> poor = EventFixtures.householdReclassified(id, 2, null,
                HouseholdClass.POOR, Transition.INITIAL, LocalDate.parse("2023-12-15"), LocalDate.parse("2024-01-01"));
        publish(poor);

        List<ConsumerRecord<String, byte[]>> granted = benefitEvents(id, 7);
        assertThat(countByType(granted)).containsEntry(EventTypes.BENEFIT_GRANTED.ceType(), 7L);
        List<BenefitGranted> grants = granted.stream()
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_GRANTED)).toList();
        assertThat(grants).filteredOn(g -> g.policyCode().equals("HEALTH_INSURANCE_PREMIUM")).hasSize(3)
                .allSatisfy(g -> {
                    assertThat(g.entitlement().sharePercent()).isEqualTo(100);
                    assertThat(g.validFrom()).isEqualTo(LocalDate.parse("2024-01-01"));
                    assertThat(g.decisionId()).isEqualTo("HEALTH_INSURANCE_PREMIUM:" + g.personId() + ":2024-01-01");
                });
        assertThat(grants).filteredOn(g -> g.policyCode().equals("ELECTRICITY_SUPPORT")).singleElement()
                .satisfies(g -> {
                    assertThat(g.personId()).isNull();
                    assertThat(g.decisionId()).isEqualTo("ELECTRICITY_SUPPORT:" + id + ":2024-01-01");
                    assertThat(g.entitlement().amountVnd()).isEqualTo(54_180L);
                });
        assertThat(grants).filteredOn(g -> g.policyCode().equals("LEGAL_AID")).hasSize(3);
        assertThat(grants).noneMatch(g -> g.policyCode().equals("POOR_HOUSEHOLD_LOAN"));

        // The same decision delivered again: no second grant.
        double duplicates = metrics.count("giamngheo.events.duplicate", EventTypes.HOUSEHOLD_RECLASSIFIED.ceType());
        publish(poor);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> metrics.count("giamngheo.events.duplicate",
                EventTypes.HOUSEHOLD_RECLASSIFIED.ceType()) >= duplicates + 1);

        // The nightly job of 10 December 2024 has seen the tier-1 electricity price of 11 October 2024.
        clock.setToday(LocalDate.parse("2024-12-10"));
        Http.post(url("/api/v1/decisions/daily-run"), "").expectStatus(200);
        BenefitChanged price = EventCodec.readPayload(ofType(benefitEvents(id, 8),
                EventTypes.BENEFIT_CHANGED.ceType()).getFirst().value(), EventTypes.BENEFIT_CHANGED);
        assertThat(price.policyCode()).isEqualTo("ELECTRICITY_SUPPORT");
        assertThat(price.effectiveDate()).isEqualTo(LocalDate.parse("2024-10-11"));
        assertThat(price.previous().amountVnd()).isEqualTo(54_180L);
        assertThat(price.current().amountVnd()).isEqualTo(56_790L);

        publish(EventFixtures.householdReclassified(id, 3, HouseholdClass.POOR, HouseholdClass.NEAR_POOR,
                Transition.ESCAPED_POVERTY, LocalDate.parse("2024-12-10"), LocalDate.parse("2025-01-01")));

        List<ConsumerRecord<String, byte[]>> all = benefitEvents(id, 8 + 3 + 3 + 1 + 3);
        assertThat(countByType(all)).containsEntry(EventTypes.BENEFIT_GRANTED.ceType(), 7L + 3)
                .containsEntry(EventTypes.BENEFIT_CHANGED.ceType(), 1L + 3)
                .containsEntry(EventTypes.BENEFIT_REVOKED.ceType(), 1L + 3);
        assertThat(ofType(all, EventTypes.BENEFIT_CHANGED.ceType()).stream()
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_CHANGED))
                .filter(c -> c.policyCode().equals("HEALTH_INSURANCE_PREMIUM")).toList()).hasSize(3)
                .allSatisfy((BenefitChanged c) -> {
                    assertThat(c.previous().sharePercent()).isEqualTo(100);
                    assertThat(c.current().sharePercent()).isEqualTo(70);
                    assertThat(c.effectiveDate()).isEqualTo(LocalDate.parse("2025-01-01"));
                    assertThat(c.sequence()).isEqualTo(2);
                });
        assertThat(ofType(all, EventTypes.BENEFIT_REVOKED.ceType()).stream()
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_REVOKED)))
                .allSatisfy(r -> assertThat(r.effectiveDate()).isEqualTo(LocalDate.parse("2025-01-01")))
                .anySatisfy(r -> assertThat(r.policyCode()).isEqualTo("ELECTRICITY_SUPPORT"));
        // Changes and revocations update the decisions they concern: 3 premium + 3 provincial top-up stay active.
        List<String> statuses = Http.get(url("/api/v1/households/" + id + "/decisions")).json()
                .findValuesAsString("status");
        assertThat(statuses).hasSize(10);
        assertThat(statuses.stream().filter("ACTIVE"::equals)).hasSize(6);
        assertThat(statuses.stream().filter("REVOKED"::equals)).hasSize(4);

        // The former Vĩnh Phúc province's top-up runs on after the merger of 1 July 2025 in its wards (08707 came from
        // it): the nightly job of 2 July changes nothing, and the top-ups stay active.
        clock.setToday(LocalDate.parse("2025-07-02"));
        Http.post(url("/api/v1/decisions/daily-run"), "").expectStatus(200);
        assertThat(TopicProbe.await(Topics.BENEFIT_EVENTS, r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains("\"householdId\":\"" + id + "\""), 18, Duration.ofSeconds(2))).hasSize(18);
        List<String> topUps = new ArrayList<>();
        for (var view : Http.get(url("/api/v1/households/" + id + "/decisions")).json()) {
            if (view.get("decision").get("policyCode").asString().equals("HEALTH_INSURANCE_PREMIUM_PROVINCIAL")) {
                topUps.add(view.get("decision").get("status").asString() + " "
                        + view.get("decision").get("policyVersion").asString());
            }
        }
        assertThat(topUps).hasSize(3)
                .containsOnly("ACTIVE HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01");

        // Running the job again decides nothing more.
        Http.post(url("/api/v1/decisions/daily-run"), "").expectStatus(200);
        assertThat(TopicProbe.await(Topics.BENEFIT_EVENTS, r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains("\"householdId\":\"" + id + "\""), 18, Duration.ofSeconds(2))).hasSize(18);
    }

    /** A child of a poor household is insured free until 6; the nightly job of the day after the birthday grants it. */
    @Test
    void aChildTurningSixGetsThePremiumSupportFromItsBirthday() {
        clock.setToday(LocalDate.parse("2025-01-20"));
        String id = EventFixtures.newId();
        HouseholdRegistered sample = EventFixtures.householdRegistered(id, "08707").data();
        String child = EventFixtures.newId();
        List<MemberFact> members = new java.util.ArrayList<>(sample.members());
        members.add(new MemberFact(child, LocalDate.parse("2019-02-10"), "FEMALE", "CHILD"));
        publish(new EventEnvelope<>(EventFixtures.newId(), "/household-service", EventTypes.HOUSEHOLD_REGISTERED, id,
                java.time.Instant.now(), new HouseholdRegistered(id, 1, "08707", sample.village(),
                        sample.registeredAt(), members)));
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.parse("2025-01-10"), LocalDate.parse("2025-01-10")));

        List<BenefitGranted> first = benefitEvents(id, 7).stream()
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_GRANTED)).toList();
        assertThat(first).filteredOn(g -> g.policyCode().equals("HEALTH_INSURANCE_PREMIUM"))
                .extracting(BenefitGranted::personId).hasSize(3).doesNotContain(child);
        assertThat(Http.get(url("/api/v1/households/" + id)).json().get("nextReviewOn").asString())
                .isEqualTo("2025-02-10");

        clock.setToday(LocalDate.parse("2025-02-11"));
        Http.post(url("/api/v1/decisions/daily-run"), "").expectStatus(200);
        BenefitGranted sixth = benefitEvents(id, 8).stream()
                .filter(r -> TopicProbe.header(r, CloudEventHeaders.TYPE).equals(EventTypes.BENEFIT_GRANTED.ceType()))
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_GRANTED))
                .filter(g -> child.equals(g.personId()) && g.policyCode().equals("HEALTH_INSURANCE_PREMIUM"))
                .findFirst().orElseThrow();
        assertThat(sixth.validFrom()).isEqualTo(LocalDate.parse("2025-02-10"));
        assertThat(sixth.decisionId()).isEqualTo("HEALTH_INSURANCE_PREMIUM:" + child + ":2025-02-10");
        assertThat(sixth.entitlement().sharePercent()).isEqualTo(100);
    }

    private List<JsonNode> decisions(String householdId) {
        return Http.get(url("/api/v1/households/" + householdId + "/decisions")).json().valueStream()
                .map(v -> v.get("decision")).toList();
    }

    /** The household's benefit events once every decision's versions are on the topic (one event per version). */
    private List<ConsumerRecord<String, byte[]>> settledEvents(String householdId) {
        int expected = decisions(householdId).stream().mapToInt(d -> d.get("version").asInt()).sum();
        return benefitEvents(householdId, expected);
    }

    private static boolean premiumOf(JsonNode decision, String personId) {
        return personId.equals(decision.get("personId").asString(""))
                && decision.get("policyCode").asString().equals("HEALTH_INSURANCE_PREMIUM");
    }

    /**
     * Issue 21: the end-2026 annual review makes the 2027 lists. A decision signed on 10 December 2026 takes effect on
     * 1 January 2027: benefits start then, not on the signing day, and the daily job of the new year adds nothing.
     */
    @Test
    void anAnnualDecisionSignedOn10DecemberGrantsBenefitsFrom1January() {
        clock.setToday(LocalDate.parse("2026-12-10"));
        String id = EventFixtures.newId();
        publish(EventFixtures.householdRegistered(id, "08707"));
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.parse("2026-12-10"), LocalDate.parse("2027-01-01")));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !decisions(id).isEmpty());
        List<BenefitGranted> grants = settledEvents(id).stream()
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_GRANTED)).toList();
        assertThat(grants).extracting(BenefitGranted::policyCode).contains("HEALTH_INSURANCE_PREMIUM");
        assertThat(grants).allSatisfy(g -> assertThat(g.validFrom()).isEqualTo(LocalDate.parse("2027-01-01")));
        assertThat(decisions(id)).allSatisfy(d -> assertThat(d.get("validFrom").asString()).isEqualTo("2027-01-01"));

        clock.setToday(LocalDate.parse("2027-01-02"));
        Http.post(url("/api/v1/decisions/daily-run"), "").expectStatus(200);
        assertThat(decisions(id)).hasSize(grants.size()).allSatisfy(d -> {
            assertThat(d.get("validFrom").asString()).isEqualTo("2027-01-01");
            assertThat(d.get("version").asInt()).isEqualTo(1);
        });
    }

    /**
     * A poor household made near-poor by the annual decision of 10 December 2026 keeps its poor household's benefits
     * until 31 December; what changes, changes on 1 January. A child turning 6 on 20 December is insured as a member
     * of a poor household from its birthday until then.
     */
    @Test
    void aPoorHouseholdMadeNearPoorByTheAnnualReviewKeepsItsBenefitsUntilTheNewYear() {
        clock.setToday(LocalDate.parse("2026-11-23"));
        String id = EventFixtures.newId();
        HouseholdRegistered sample = EventFixtures.householdRegistered(id, "08707").data();
        String child = EventFixtures.newId();
        List<MemberFact> members = new ArrayList<>(sample.members());
        members.add(new MemberFact(child, LocalDate.parse("2020-12-20"), "MALE", "CHILD"));
        publish(new EventEnvelope<>(EventFixtures.newId(), "/household-service", EventTypes.HOUSEHOLD_REGISTERED, id,
                Instant.now(), new HouseholdRegistered(id, 1, "08707", sample.village(), sample.registeredAt(),
                        members)));
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !decisions(id).isEmpty());

        clock.setToday(LocalDate.parse("2026-12-10"));
        publish(EventFixtures.householdReclassified(id, 3, HouseholdClass.POOR, HouseholdClass.NEAR_POOR,
                Transition.ESCAPED_POVERTY, LocalDate.parse("2026-12-10"), LocalDate.parse("2027-01-01")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> decisions(id).stream()
                .anyMatch(d -> d.get("status").asString().equals("REVOKED")));

        // Nothing the decision changed is dated before 1 January 2027 — but the child's sixth birthday, still in the
        // poor household's year, gives it the full premium from 20 December.
        List<ConsumerRecord<String, byte[]>> all = settledEvents(id);
        assertThat(ofType(all, EventTypes.BENEFIT_REVOKED.ceType())).isNotEmpty().allSatisfy(r -> assertThat(
                EventCodec.readPayload(r.value(), EventTypes.BENEFIT_REVOKED).effectiveDate())
                .isEqualTo(LocalDate.parse("2027-01-01")));
        assertThat(ofType(all, EventTypes.BENEFIT_CHANGED.ceType())).isNotEmpty().allSatisfy(r -> assertThat(
                EventCodec.readPayload(r.value(), EventTypes.BENEFIT_CHANGED).effectiveDate())
                .isEqualTo(LocalDate.parse("2027-01-01")));
        assertThat(decisions(id)).filteredOn(d -> d.get("status").asString().equals("REVOKED"))
                .allSatisfy(d -> assertThat(d.get("validTo").asString()).isEqualTo("2026-12-31"));
        JsonNode premium = decisions(id).stream().filter(d -> premiumOf(d, child)).findFirst().orElseThrow();
        assertThat(premium.get("validFrom").asString()).isEqualTo("2026-12-20");
        assertThat(premium.get("history").findValuesAsString("from")).containsExactly("2026-12-20", "2027-01-01");
        assertThat(premium.get("history").findValues("entitlement").stream().map(e -> e.get("sharePercent").asInt()))
                .containsExactly(100, 70);

        // The nightly jobs of December and of the new year change nothing more, and nothing is granted twice.
        int versions = decisions(id).stream().mapToInt(d -> d.get("version").asInt()).sum();
        for (String day : List.of("2026-12-21", "2027-01-02")) {
            clock.setToday(LocalDate.parse(day));
            Http.post(url("/api/v1/decisions/daily-run"), "").expectStatus(200);
        }
        assertThat(decisions(id).stream().mapToInt(d -> d.get("version").asInt()).sum()).isEqualTo(versions);
        assertThat(decisions(id)).filteredOn(d -> d.get("status").asString().equals("ACTIVE"))
                .extracting(d -> d.get("policyCode").asString() + ":" + d.get("personId").asString(""))
                .doesNotHaveDuplicates();
    }
}
