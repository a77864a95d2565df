package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.testsupport.AccessSweep.Scope.ALL_UNITS;
import static vn.giamngheo.testsupport.AccessSweep.Scope.HOUSEHOLD;
import static vn.giamngheo.testsupport.AccessSweep.Scope.NO_AREA;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.AccessSweep;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.MongoState;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * Every endpoint of policy-service × every area-bound role × a household inside and outside the token's units
 * (issue 20): outside is refused and changes nothing. The probe found an officer of 08707 recording facts, filing an
 * application and reading the view, decisions, entitlements and applications of a household of 08716.
 */
@ServiceIntegrationTest
class AccessSweepIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MongoDatabase database;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A poor household of {@code unit}, as household-service announces it; the ids of it and of its head. */
    Map<String, String> poorHousehold(String unit) {
        String id = EventFixtures.newId();
        EventEnvelope<HouseholdRegistered> registered = EventFixtures.householdRegistered(id, unit);
        publish(registered);
        publish(EventFixtures.householdReclassified(id, unit, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.now().minusDays(10), LocalDate.now().minusDays(10)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url("/api/v1/households/" + id))
                .body().contains("POOR"));
        String loan = Http.post(url("/api/v1/applications"), "{\"policyCode\":\"POOR_HOUSEHOLD_LOAN\","
                + "\"householdId\":\"" + id + "\",\"requestedAmountVnd\":50000000}").expectStatus(201).json()
                .get("id").asString();
        return Map.of("householdId", id, "personId", registered.data().members().getFirst().personId(),
                "application", loan, "unit", unit);
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    @Test
    void anOfficerOfOneWardNeitherReadsNorChangesAnythingOfAnotherWardsHousehold() {
        Map<String, String> inside = poorHousehold("08707");
        Map<String, String> outside = poorHousehold("08716");
        String facts = """
                {"members":[{"personId":"{personId}","schooling":"LOWER_SECONDARY","publicSchool":true,
                 "hasPension":false,"disability":"NONE"}]}""";
        String evaluate = """
                {"referenceDate":"2026-01-01","household":{"classification":"POOR","unitCode":"{unit}","members":[
                 {"personId":"p1","dateOfBirth":"2015-01-01","schooling":"PRIMARY"}]}}""";
        AccessSweep.of(port, mappings)
                .callers(AccessSweep.areaBoundCallers("08707", "SOCIAL_POLICY_BANK"))
                .inside(inside).outside(outside)
                .state(MongoState.of(database))
                .open("GET /api/v1/policies")
                .call(NO_AREA, "POST", "/api/v1/eligibility/evaluate", evaluate)
                .get(HOUSEHOLD, "/api/v1/households/{householdId}")
                .call(HOUSEHOLD, "PUT", "/api/v1/households/{householdId}/facts", facts)
                .get(HOUSEHOLD, "/api/v1/households/{householdId}/decisions")
                .get(HOUSEHOLD, "/api/v1/households/{householdId}/entitlements?period=2026")
                .get(HOUSEHOLD, "/api/v1/entitlements?period=2026&householdId={householdId}")
                .get(ALL_UNITS, "/api/v1/entitlements?period=2026")
                .get(ALL_UNITS, "/api/v1/entitlements/payment-list.xlsx?department=SOCIAL_POLICY_BANK&period=2026")
                .call(HOUSEHOLD, "POST", "/api/v1/applications", """
                        {"policyCode":"HOUSING_SUPPORT","householdId":"{householdId}"}""")
                .get(HOUSEHOLD, "/api/v1/applications?householdId={householdId}")
                .get(ALL_UNITS, "/api/v1/applications")
                .get(HOUSEHOLD, "/api/v1/applications/{application}")
                .get(HOUSEHOLD, "/api/v1/applications/{application}/eligibility")
                .call(HOUSEHOLD, "POST", "/api/v1/applications/{application}/review",
                        "{\"reviewer\":\"nhcsxh.can-bo-1\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/applications/{application}/approve",
                        "{\"reviewer\":\"nhcsxh.can-bo-1\",\"decisionNumber\":\"12/QĐ-NHCS\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/applications/{application}/reject",
                        "{\"reviewer\":\"nhcsxh.can-bo-1\",\"reason\":\"không đủ điều kiện\"}")
                .call(ALL_UNITS, "POST", "/api/v1/decisions/daily-run", "{}")
                .get(ALL_UNITS, "/api/v1/audit?householdId={householdId}")
                .deadLetters()
                .run();
    }

    /** The probe's requests, as it made them: the officer of 08707 against a household of 08716. */
    @Test
    void theProbesRequestsAreRefused() {
        Map<String, String> outside = poorHousehold("08716");
        String officer = TestTokens.role("WARD_OFFICER", "08707");
        String id = outside.get("householdId");
        Http.Response facts = Http.as(officer, () -> Http.put(url("/api/v1/households/" + id + "/facts"),
                "{\"members\":[{\"personId\":\"" + outside.get("personId") + "\",\"schooling\":\"LOWER_SECONDARY\","
                        + "\"publicSchool\":true,\"hasPension\":false,\"disability\":\"NONE\"}]}"));
        assertThat(facts.status()).isEqualTo(403);
        assertThat(facts.body()).contains("not in the units you act for").doesNotContain("08716");
        assertThat(Http.as(officer, () -> Http.post(url("/api/v1/applications"), "{\"policyCode\":"
                + "\"POOR_HOUSEHOLD_LOAN\",\"householdId\":\"" + id + "\",\"requestedAmountVnd\":80000000}")).status())
                .isEqualTo(403);
        for (String read : new String[] {"/api/v1/households/" + id, "/api/v1/households/" + id + "/decisions",
                "/api/v1/households/" + id + "/entitlements", "/api/v1/applications?householdId=" + id,
                "/api/v1/applications/" + outside.get("application")}) {
            assertThat(Http.as(officer, () -> Http.get(url(read))).status()).as(read).isEqualTo(403);
        }
        // No study-cost decision came of it, and the household's facts are as the registry gave them.
        assertThat(Http.get(url("/api/v1/households/" + id + "/decisions")).body()).doesNotContain("STUDY_COST");
        assertThat(Http.get(url("/api/v1/households/" + id)).json().get("members").get(0).get("schooling")
                .asString()).isEqualTo("NONE");
        // The officer of 08716 may.
        assertThat(Http.as(TestTokens.role("WARD_OFFICER", "08716"), () -> Http.get(url("/api/v1/households/" + id)))
                .status()).isEqualTo(200);
        // A household this instance never heard of is a 404, whoever asks.
        assertThat(Http.as(officer, () -> Http.get(url("/api/v1/households/" + EventFixtures.newId()))).status())
                .isEqualTo(404);
    }
}
