package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.benefit.ApplicationApproved;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.MemberFact;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

/** Applications from submission to decision, department facts, and what each department owes for a period. */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
class ApplicationsAndEntitlementsIT {

    private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

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

    /** A household of the sample's three members and, when given, a fourth born on {@code extraBorn}. */
    private static String household(String extraId, String extraBorn) {
        String id = EventFixtures.newId();
        HouseholdRegistered sample = EventFixtures.householdRegistered(id, "08707").data();
        List<MemberFact> members = new ArrayList<>(sample.members());
        if (extraId != null) {
            members.add(new MemberFact(extraId, LocalDate.parse(extraBorn), "FEMALE", "PARENT"));
        }
        publish(new EventEnvelope<>(EventFixtures.newId(), "/household-service", EventTypes.HOUSEHOLD_REGISTERED, id,
                Instant.now(), new HouseholdRegistered(id, 1, "08707", sample.village(), sample.registeredAt(),
                        members)));
        return id;
    }

    private static <T extends vn.giamngheo.contracts.DomainEvent> T awaitEvent(EventType<T> type, String key) {
        ConsumerRecord<String, byte[]> record = TopicProbe.await(Topics.BENEFIT_EVENTS,
                r -> key.equals(r.key()) && type.ceType().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(30)).getFirst();
        // The published payload has exactly the fields of the golden sample.
        List<String> fields = new ArrayList<>();
        JSON.readTree(record.value()).propertyNames().forEach(fields::add);
        List<String> sampleFields = new ArrayList<>();
        JSON.readTree(Samples.payloadBytes(type)).propertyNames().forEach(sampleFields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(sampleFields);
        return EventCodec.readPayload(record.value(), type);
    }

    private JsonNode awaitDecisions(String householdId, int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> Http.get(url("/api/v1/households/" + householdId + "/decisions")).json(),
                json -> json.size() >= count);
    }

    private int applicationsOf(String householdId) {
        return Http.get(url("/api/v1/applications?householdId=" + householdId)).expectStatus(200).json().size();
    }

    private static String problems(Http.Response response) {
        return response.json().get("errors").toString();
    }

    @Test
    void aLoanAndASocialPensionGoFromApplicationToDecisionAndEveryStepIsAnEvent() {
        clock.setToday(LocalDate.parse("2026-03-01"));
        String elder = EventFixtures.newId();
        String id = household(elder, "1955-05-01");
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-10")));
        awaitDecisions(id, 9); // premium x4, electricity, legal aid x4

        // A poor-household loan: submitted, taken up, approved.
        Http.Response submitted = Http.post(url("/api/v1/applications"), """
                {"policyCode": "POOR_HOUSEHOLD_LOAN", "householdId": "%s", "requestedAmountVnd": 80000000,
                 "note": "Vay vốn nuôi bò sinh sản"}""".formatted(id)).expectStatus(201);
        String loan = submitted.json().get("id").asString();
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(awaitEvent(EventTypes.APPLICATION_SUBMITTED, loan).requestedAmountVnd()).isEqualTo(80_000_000L);

        Http.Response tooEarly = Http.post(url("/api/v1/applications/" + loan + "/approve"),
                "{\"reviewer\": \"nhcsxh.can-bo-1\", \"decisionNumber\": \"12/QĐ-NHCS\"}").expectStatus(409);
        assertThat(problems(tooEarly)).contains("status").contains("UNDER_REVIEW");

        // Taken up in the portal by a signed-in person of the bank: the step and the audit name her.
        String tuan = TestTokens.person("nhcsxh", "Ngô Văn Tuấn", List.of("DEPARTMENT_OFFICER"), List.of("*"),
                "SOCIAL_POLICY_BANK");
        JsonNode reviewed = Http.as(tuan, () -> Http.post(url("/api/v1/applications/" + loan + "/review"),
                "{\"reviewer\": \"nhcsxh.can-bo-1\"}")).expectStatus(200).json();
        assertThat(reviewed.get("steps").get(1).get("recordedBy").asString()).isEqualTo("nhcsxh");
        assertThat(reviewed.get("steps").get(1).get("recordedByName").asString()).isEqualTo("Ngô Văn Tuấn");
        JsonNode audit = Http.get(url("/api/v1/audit?subject=nhcsxh")).expectStatus(200).json();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("path").asString()).isEqualTo("/api/v1/applications/" + loan + "/review");
            assertThat(e.get("name").asString()).isEqualTo("Ngô Văn Tuấn");
        });
        assertThat(awaitEvent(EventTypes.APPLICATION_REVIEW_STARTED, loan).reviewer()).isEqualTo("nhcsxh.can-bo-1");
        JsonNode approved = Http.post(url("/api/v1/applications/" + loan + "/approve"),
                "{\"reviewer\": \"nhcsxh.can-bo-1\", \"decisionNumber\": \"12/QĐ-NHCS\", \"decidedOn\": \"2026-03-01\"}")
                .expectStatus(200).json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        String decisionId = "POOR_HOUSEHOLD_LOAN:" + id + ":2026-03-01";
        assertThat(approved.get("decisionId").asString()).isEqualTo(decisionId);
        ApplicationApproved approval = awaitEvent(EventTypes.APPLICATION_APPROVED, loan);
        assertThat(approval.decisionId()).isEqualTo(decisionId);
        BenefitGranted granted = awaitEvent(EventTypes.BENEFIT_GRANTED, decisionId);
        assertThat(granted.entitlement().kind()).isEqualTo("LOAN");
        assertThat(granted.entitlement().ceilingVnd()).isEqualTo(80_000_000L);
        // The rate in force on the day of the decision: Decision 2553/QĐ-TTg's, from 1 December 2025.
        assertThat(granted.entitlement().annualInterestRatePercent()).isEqualByComparingTo("6.24");
        assertThat(granted.reason()).contains("12/QĐ-NHCS").contains("01/03/2026");
        // Approving twice changes nothing.
        Http.post(url("/api/v1/applications/" + loan + "/approve"),
                "{\"reviewer\": \"nhcsxh.can-bo-1\", \"decisionNumber\": \"13/QĐ-NHCS\"}").expectStatus(409);

        // The social pension for the member of 70: a first application rejected with a reason, a second approved.
        String first = Http.post(url("/api/v1/applications"), """
                {"policyCode": "SOCIAL_PENSION", "householdId": "%s", "personId": "%s"}""".formatted(id, elder))
                .expectStatus(201).json().get("id").asString();
        Http.post(url("/api/v1/applications/" + first + "/reject"), "{\"reviewer\": \"ldtbxh.can-bo-2\"}")
                .expectStatus(400);
        Http.post(url("/api/v1/applications/" + first + "/reject"),
                "{\"reviewer\": \"ldtbxh.can-bo-2\", \"reason\": \"Hồ sơ thiếu tờ khai theo mẫu.\"}").expectStatus(200);
        assertThat(awaitEvent(EventTypes.APPLICATION_REJECTED, first).reason()).isEqualTo("Hồ sơ thiếu tờ khai theo mẫu.");
        String second = Http.post(url("/api/v1/applications"), """
                {"policyCode": "SOCIAL_PENSION", "householdId": "%s", "personId": "%s"}""".formatted(id, elder))
                .expectStatus(201).json().get("id").asString();
        Http.post(url("/api/v1/applications/" + second + "/review"), "{\"reviewer\": \"ldtbxh.can-bo-2\"}")
                .expectStatus(200);
        Http.post(url("/api/v1/applications/" + second + "/approve"),
                "{\"reviewer\": \"ldtbxh.can-bo-2\", \"decisionNumber\": \"45/QĐ-UBND\"}").expectStatus(200);
        BenefitGranted pension = awaitEvent(EventTypes.BENEFIT_GRANTED, "SOCIAL_PENSION:" + elder + ":2026-03-01");
        assertThat(pension.entitlement().amountVnd()).isEqualTo(500_000L);

        // Bad input is named and changes nothing.
        int before = applicationsOf(id);
        assertThat(problems(Http.post(url("/api/v1/applications"),
                "{\"policyCode\": \"FREE_BICYCLE\", \"householdId\": \"" + id + "\"}").expectStatus(400)))
                .contains("policyCode").contains("not a known policy");
        assertThat(problems(Http.post(url("/api/v1/applications"),
                "{\"policyCode\": \"ELECTRICITY_SUPPORT\", \"householdId\": \"" + id + "\"}").expectStatus(400)))
                .contains("policyCode").contains("no application is needed");
        assertThat(problems(Http.post(url("/api/v1/applications"),
                "{\"policyCode\": \"SOCIAL_PENSION\", \"householdId\": \"" + id + "\"}").expectStatus(400)))
                .contains("personId");
        String head = Http.get(url("/api/v1/households/" + id)).json().get("members").get(0).get("personId")
                .asString();
        Http.Response tooYoung = Http.post(url("/api/v1/applications"), """
                {"policyCode": "SOCIAL_PENSION", "householdId": "%s", "personId": "%s"}""".formatted(id, head))
                .expectStatus(422);
        assertThat(problems(tooYoung)).contains("personId").contains("ageYears 57");
        assertThat(problems(Http.post(url("/api/v1/applications"), """
                {"policyCode": "NEAR_POOR_HOUSEHOLD_LOAN", "householdId": "%s", "requestedAmountVnd": 1000}"""
                .formatted(id)).expectStatus(422))).contains("classification POOR");
        assertThat(problems(Http.post(url("/api/v1/applications"), """
                {"policyCode": "HOUSING_SUPPORT", "householdId": "%s", "requestedAmountVnd": 1000}"""
                .formatted(id)).expectStatus(400))).contains("requestedAmountVnd").contains("not a loan");
        Http.post(url("/api/v1/applications"), "{\"policyCode\": \"HOUSING_SUPPORT\", \"householdId\": \"no-such\"}")
                .expectStatus(404);
        Http.post(url("/api/v1/applications"), "{\"policyCode\": \"HOUSING_SUPPORT\", \"householdId\": \""
                + id + "\", \"$where\": \"1\"}").expectStatus(400);
        assertThat(applicationsOf(id)).isEqualTo(before);

        // Eligibility is checked again on the day of the decision: the household escaped poverty in between.
        String housing = Http.post(url("/api/v1/applications"),
                "{\"policyCode\": \"HOUSING_SUPPORT\", \"householdId\": \"" + id + "\"}").expectStatus(201)
                .json().get("id").asString();
        Http.post(url("/api/v1/applications/" + housing + "/review"), "{\"reviewer\": \"ldtbxh.can-bo-2\"}")
                .expectStatus(200);
        publish(EventFixtures.householdReclassified(id, 3, HouseholdClass.POOR, HouseholdClass.ABOVE,
                Transition.ESCAPED_POVERTY, LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-01")));
        awaitEvent(EventTypes.BENEFIT_REVOKED, "ELECTRICITY_SUPPORT:" + id + ":2026-01-10");
        assertThat(problems(Http.post(url("/api/v1/applications/" + housing + "/approve"),
                "{\"reviewer\": \"ldtbxh.can-bo-2\", \"decisionNumber\": \"46/QĐ-UBND\"}").expectStatus(422)))
                .contains("classification ABOVE");
        assertThat(Http.get(url("/api/v1/applications/" + housing)).json().get("status").asString())
                .isEqualTo("UNDER_REVIEW");
        // The pension of a 70-year-old stops with the household's escape; the approved loan stays as approved.
        assertThat(awaitEvent(EventTypes.BENEFIT_REVOKED, pension.decisionId()).effectiveDate())
                .isEqualTo(LocalDate.parse("2026-03-01"));
        JsonNode loanDecision = null;
        for (JsonNode view : Http.get(url("/api/v1/households/" + id + "/decisions")).json()) {
            if (view.get("decision").get("id").asString().equals(decisionId)) {
                loanDecision = view.get("decision");
            }
        }
        assertThat(loanDecision.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(loanDecision.get("applicationId").asString()).isEqualTo(loan);
    }

    /** Decision 05/2022/QĐ-TTg: the ceiling of a student loan is per month of study, and the decision says so. */
    @Test
    void aStudentLoanIsGrantedPerMonthOfStudy() {
        clock.setToday(LocalDate.parse("2026-03-01"));
        String student = EventFixtures.newId();
        String id = household(student, "2006-09-01");
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.NEAR_POOR, Transition.INITIAL,
                LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-10")));
        awaitDecisions(id, 4);
        Http.put(url("/api/v1/households/" + id + "/facts"), """
                {"members": [{"personId": "%s", "schooling": "HIGHER", "publicSchool": true, "pensionVnd": 0,
                  "disability": "NONE"}]}""".formatted(student)).expectStatus(200);

        assertThat(problems(Http.post(url("/api/v1/applications"), """
                {"policyCode": "STUDENT_LOAN", "householdId": "%s", "personId": "%s", "requestedAmountVnd": 4000001}"""
                .formatted(id, student)).expectStatus(400))).contains("requestedAmountVnd")
                .contains("4000000 VND a month of study");
        String loan = Http.post(url("/api/v1/applications"), """
                {"policyCode": "STUDENT_LOAN", "householdId": "%s", "personId": "%s", "requestedAmountVnd": 3000000}"""
                .formatted(id, student)).expectStatus(201).json().get("id").asString();
        Http.post(url("/api/v1/applications/" + loan + "/review"), "{\"reviewer\": \"nhcsxh.can-bo-1\"}")
                .expectStatus(200);
        Http.post(url("/api/v1/applications/" + loan + "/approve"),
                "{\"reviewer\": \"nhcsxh.can-bo-1\", \"decisionNumber\": \"13/QĐ-NHCS\"}").expectStatus(200);

        BenefitGranted granted = awaitEvent(EventTypes.BENEFIT_GRANTED, "STUDENT_LOAN:" + student + ":2026-03-01");
        assertThat(granted.entitlement().kind()).isEqualTo("LOAN");
        assertThat(granted.entitlement().ceilingVnd()).isEqualTo(3_000_000L);
        assertThat(granted.entitlement().period()).isEqualTo("MONTHLY");
        assertThat(granted.entitlement().annualInterestRatePercent()).isEqualByComparingTo("6.24");
        assertThat(granted.reason()).contains("4.000.000 đồng mỗi tháng học");
    }

    @Test
    void departmentsSeeWhatTheyOweForAQuarterWithTheAmountsInForceEachMonth() {
        clock.setToday(LocalDate.parse("2025-12-31"));
        String id = household(null, null);
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.parse("2025-03-25"), LocalDate.parse("2025-04-01")));
        awaitDecisions(id, 7);
        JsonNode members = Http.get(url("/api/v1/households/" + id)).json().get("members");
        String pupil = members.get(2).get("personId").asString();

        // The school records the pupil's enrolment; the study-cost support follows from that day.
        Http.Response wrong = Http.put(url("/api/v1/households/" + id + "/facts"), """
                {"members": [{"personId": "%s", "schooling": "COLLEGE", "publicSchool": true, "hasPension": false,
                  "disability": "NONE"}, {"personId": "stranger", "schooling": "NONE", "publicSchool": true,
                  "hasPension": false, "disability": "NONE"}]}""".formatted(pupil)).expectStatus(400);
        assertThat(problems(wrong)).contains("members[0].schooling").contains("members[1].personId");
        JsonNode view = Http.put(url("/api/v1/households/" + id + "/facts"), """
                {"from": "2025-09-05", "members": [{"personId": "%s", "schooling": "LOWER_SECONDARY",
                  "publicSchool": true, "hasPension": false, "disability": "NONE"}]}""".formatted(pupil))
                .expectStatus(200).json();
        assertThat(view.get("members").get(2).get("schooling").asString()).isEqualTo("LOWER_SECONDARY");
        awaitEvent(EventTypes.BENEFIT_GRANTED, "STUDY_COST_SUPPORT:" + pupil + ":2025-09-05");

        // Electricity: April at 56,790, May still at 56,790 (the 10 May price counts from June), June at 59,520.
        JsonNode q2 = Http.get(url("/api/v1/entitlements?department=LABOUR&period=2025-Q2&householdId=" + id))
                .expectStatus(200).json();
        JsonNode electricity = q2.get("lines").get(0);
        assertThat(electricity.get("policyCode").asString()).isEqualTo("ELECTRICITY_SUPPORT");
        assertThat(electricity.get("months").findValuesAsString("amountVnd")).isNotEmpty();
        assertThat(electricity.get("months").findValues("amountVnd").stream().map(JsonNode::asLong).toList())
                .containsExactly(56_790L, 56_790L, 59_520L);
        assertThat(electricity.get("totalVnd").asLong()).isEqualTo(173_100L);

        // Health insurance: three members over six a year, 100 % of 4.5 % of the base salary of 2,340,000.
        JsonNode q4 = Http.get(url("/api/v1/entitlements?department=HEALTH_INSURANCE&period=2025-Q4&householdId="
                + id)).expectStatus(200).json();
        assertThat(q4.get("totals").get(0).get("beneficiaries").asLong()).isEqualTo(3);
        assertThat(q4.get("totals").get(0).get("totalVnd").asLong()).isEqualTo(3 * 3 * 105_300L);

        // Study-cost support for school months only: September to December 2025, then none in summer 2025.
        JsonNode year = Http.get(url("/api/v1/households/" + id + "/entitlements?period=2025")).expectStatus(200)
                .json();
        Map<String, Long> totals = new java.util.HashMap<>();
        year.get("totals").forEach(t -> totals.put(t.get("policyCode").asString(), t.get("totalVnd").asLong()));
        assertThat(totals).containsEntry("STUDY_COST_SUPPORT", 4 * 150_000L)
                .containsEntry("ELECTRICITY_SUPPORT", 56_790L * 2 + 59_520L * 7)
                .doesNotContainKey("LEGAL_AID");

        assertThat(problems(Http.get(url("/api/v1/entitlements?department=LABOUR&period=2025-Q5")).expectStatus(400)))
                .contains("period");
        assertThat(problems(Http.get(url("/api/v1/entitlements?department=HOUSING&period=2025")).expectStatus(400)))
                .contains("department");
        assertThat(problems(Http.get(url("/api/v1/entitlements?department=LABOUR")).expectStatus(400)))
                .contains("period");
    }
}
