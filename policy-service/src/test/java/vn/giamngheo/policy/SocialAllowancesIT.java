package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * What a person receives is a fact for other rules, through {@code benefit.events}: an elder of a near-poor household
 * granted the social pension has the premium paid in full and needs no provincial top-up; granted monthly social
 * assistance, which pays more, the pension ends; the household on assistance using at most 50 kWh gets electricity
 * support. The facts the department records are checked field by field, and a refused request stores nothing.
 */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
class SocialAllowancesIT {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    private static <T extends DomainEvent> T awaitEvent(EventType<T> type, String key) {
        ConsumerRecord<String, byte[]> record = TopicProbe.await(Topics.BENEFIT_EVENTS,
                r -> key.equals(r.key()) && type.ceType().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(30)).getFirst();
        return EventCodec.readPayload(record.value(), type);
    }

    /** The sample household (56, 54 and 13 on the day) and an elder of 76 without a pension, in Phường Vĩnh Yên. */
    private static String nearPoorHouseholdWith(String elder) {
        String id = EventFixtures.newId();
        HouseholdRegistered sample = EventFixtures.householdRegistered(id, "08707").data();
        List<MemberFact> members = new ArrayList<>(sample.members());
        members.add(new MemberFact(elder, LocalDate.parse("1949-05-01"), "FEMALE", "PARENT"));
        publish(new EventEnvelope<>(EventFixtures.newId(), "/household-service", EventTypes.HOUSEHOLD_REGISTERED, id,
                Instant.now(), new HouseholdRegistered(id, 1, "08707", sample.village(), sample.registeredAt(),
                        members)));
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.NEAR_POOR, Transition.INITIAL,
                LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-05")));
        return id;
    }

    private JsonNode view(String householdId) {
        return Http.get(url("/api/v1/households/" + householdId)).expectStatus(200).json();
    }

    private String apply(String policyCode, String householdId, String personId) {
        return Http.post(url("/api/v1/applications"), """
                {"policyCode": "%s", "householdId": "%s", "personId": "%s"}""".formatted(policyCode, householdId,
                personId)).expectStatus(201).json().get("id").asString();
    }

    private void approve(String application, String decisionNumber) {
        Http.post(url("/api/v1/applications/" + application + "/review"), "{\"reviewer\": \"ldtbxh.can-bo-2\"}")
                .expectStatus(200);
        Http.post(url("/api/v1/applications/" + application + "/approve"), """
                {"reviewer": "ldtbxh.can-bo-2", "decisionNumber": "%s"}""".formatted(decisionNumber))
                .expectStatus(200);
    }

    @Test
    void anElderGetsThePensionThenTheHigherAssistanceAndTheHouseholdItsElectricitySupport() {
        clock.setToday(TODAY);
        String elder = EventFixtures.newId();
        String id = nearPoorHouseholdWith(elder);
        BenefitGranted premium = awaitEvent(EventTypes.BENEFIT_GRANTED,
                "HEALTH_INSURANCE_PREMIUM:" + elder + ":2026-01-05");
        assertThat(premium.entitlement().sharePercent()).isEqualTo(70);
        awaitEvent(EventTypes.BENEFIT_GRANTED, "HEALTH_INSURANCE_PREMIUM_PROVINCIAL:" + elder + ":2026-01-05");

        // The social pension, on application: from the day it is granted the state pays the premium in full.
        approve(apply("SOCIAL_PENSION", id, elder), "45/QĐ-UBND");
        String pension = "SOCIAL_PENSION:" + elder + ":" + TODAY;
        assertThat(awaitEvent(EventTypes.BENEFIT_GRANTED, pension).entitlement().amountVnd()).isEqualTo(500_000L);
        BenefitChanged full = awaitEvent(EventTypes.BENEFIT_CHANGED, premium.decisionId());
        assertThat(full.previous().sharePercent()).isEqualTo(70);
        assertThat(full.current().sharePercent()).isEqualTo(100);
        assertThat(full.effectiveDate()).isEqualTo(TODAY);
        BenefitRevoked noTopUp = awaitEvent(EventTypes.BENEFIT_REVOKED,
                "HEALTH_INSURANCE_PREMIUM_PROVINCIAL:" + elder + ":2026-01-05");
        assertThat(noTopUp.effectiveDate()).isEqualTo(TODAY);
        assertThat(view(id).get("receives").findValuesAsString("policyCode")).containsExactly("SOCIAL_PENSION");

        // Her disability recorded, she is eligible for monthly social assistance of 2.0 x 500,000: applying for the
        // pension again is refused in favour of it; granted, it ends the pension on the same day.
        Http.put(url("/api/v1/households/" + id + "/facts"), """
                {"members": [{"personId": "%s", "schooling": "NONE", "publicSchool": true, "pensionVnd": 0,
                  "disability": "SEVERE"}]}""".formatted(elder)).expectStatus(200);
        approve(apply("SOCIAL_ASSISTANCE", id, elder), "46/QĐ-UBND");
        assertThat(awaitEvent(EventTypes.BENEFIT_GRANTED, "SOCIAL_ASSISTANCE:" + elder + ":" + TODAY)
                .entitlement().amountVnd()).isEqualTo(1_000_000L);
        BenefitRevoked pensionEnds = awaitEvent(EventTypes.BENEFIT_REVOKED, pension);
        assertThat(pensionEnds.effectiveDate()).isEqualTo(TODAY);
        assertThat(pensionEnds.reason()).contains("trợ cấp xã hội hằng tháng 1.000.000 đồng/tháng, mức cao hơn");
        Http.Response again = Http.post(url("/api/v1/applications"), """
                {"policyCode": "SOCIAL_PENSION", "householdId": "%s", "personId": "%s"}""".formatted(id, elder))
                .expectStatus(422);
        assertThat(again.json().get("errors").toString()).contains("personId").contains("SOCIAL_ASSISTANCE")
                .contains("only the higher");

        // A household on monthly social assistance using at most 50 kWh a month gets electricity support.
        Http.put(url("/api/v1/households/" + id + "/facts"), "{\"electricityKwhPerMonth\": 45}").expectStatus(200);
        BenefitGranted electricity = awaitEvent(EventTypes.BENEFIT_GRANTED, "ELECTRICITY_SUPPORT:" + id + ":" + TODAY);
        assertThat(electricity.entitlement().amountVnd()).isEqualTo(59_520L);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                view(id).get("receives").findValuesAsString("policyCode")).contains("SOCIAL_ASSISTANCE"));
        // The premium stays paid in full: no second change.
        assertThat(TopicProbe.during(Topics.BENEFIT_EVENTS, TopicProbe.key(premium.decisionId()),
                Duration.ofSeconds(2))).hasSize(2);
    }

    @Test
    void theFactsADepartmentRecordsAreCheckedFieldByFieldAndARefusalStoresNothing() {
        clock.setToday(TODAY);
        String elder = EventFixtures.newId();
        String id = nearPoorHouseholdWith(elder);
        awaitEvent(EventTypes.BENEFIT_GRANTED, "HEALTH_INSURANCE_PREMIUM:" + elder + ":2026-01-05");
        JsonNode before = view(id);

        Http.Response wrong = Http.put(url("/api/v1/households/" + id + "/facts"), """
                {"electricityKwhPerMonth": -3, "members": [
                  {"personId": "%s", "schooling": "NONE", "publicSchool": true, "pensionVnd": -1, "disability": "NONE"},
                  {"personId": "%s", "schooling": "NONE", "publicSchool": true, "pensionVnd": 3000000,
                   "hasPension": false, "disability": "NONE"},
                  {"personId": "%s", "schooling": "NONE", "publicSchool": true, "disability": "NONE"}]}"""
                .formatted(elder, before.get("members").get(0).get("personId").asString(),
                        before.get("members").get(1).get("personId").asString())).expectStatus(400);
        assertThat(wrong.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "members[0].pensionVnd", "members[1].hasPension", "members[2].pensionVnd", "electricityKwhPerMonth");
        assertThat(view(id).get("members")).isEqualTo(before.get("members"));
        JsonNode kwh = view(id).get("electricityKwhPerMonth");
        assertThat(kwh == null || kwh.isNull()).isTrue();

        // The former yes/no is still understood: a pension of unknown amount is not below the social pension.
        JsonNode recorded = Http.put(url("/api/v1/households/" + id + "/facts"), """
                {"members": [{"personId": "%s", "schooling": "NONE", "publicSchool": true, "hasPension": true,
                  "disability": "NONE", "noOneObligedToSupport": true}]}""".formatted(elder)).expectStatus(200).json();
        JsonNode her = null;
        for (JsonNode m : recorded.get("members")) {
            if (m.get("personId").asString().equals(elder)) {
                her = m;
            }
        }
        assertThat(her.get("pensionVnd").asLong()).isEqualTo(-1);
        assertThat(her.get("hasPension").asBoolean()).isTrue();
        assertThat(her.get("noOneObligedToSupport").asBoolean()).isTrue();
        assertThat(Http.post(url("/api/v1/applications"), """
                {"policyCode": "SOCIAL_PENSION", "householdId": "%s", "personId": "%s"}""".formatted(id, elder))
                .expectStatus(422).json().get("errors").toString()).contains("pensionVnd -1");

        // Her pension's amount, below the social pension: now she may apply.
        Http.put(url("/api/v1/households/" + id + "/facts"), """
                {"members": [{"personId": "%s", "schooling": "NONE", "publicSchool": true, "pensionVnd": 350000,
                  "disability": "NONE"}]}""".formatted(elder)).expectStatus(200);
        apply("SOCIAL_PENSION", id, elder);
        // noOneObligedToSupport was left out: it stays as recorded.
        for (JsonNode m : view(id).get("members")) {
            if (m.get("personId").asString().equals(elder)) {
                assertThat(m.get("noOneObligedToSupport").asBoolean()).isTrue();
                assertThat(m.get("pensionVnd").asLong()).isEqualTo(350_000);
            }
        }
    }
}
