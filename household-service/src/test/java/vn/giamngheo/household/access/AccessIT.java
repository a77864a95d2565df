package vn.giamngheo.household.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/**
 * Sign-in and access in household-service: bad tokens are 401s, the wrong role a 403, and ward officers and
 * chairmen act only for their own units (a household of a merged ward belongs to the ward that covers it today).
 */
@ServiceIntegrationTest
class AccessIT {

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    int status(String token, String method, String path, String body) {
        return Http.status(token, method, url(path), body);
    }

    /** A household of Phường Liên Bảo (08710), registered in 2024, before the merger into Phường Vĩnh Phúc. */
    String householdOfLienBao() {
        return Http.post(url("/api/v1/households"), """
                {"unitCode":"08710","village":"Tổ dân phố 3","registeredOn":"2024-03-01","members":[
                 {"fullName":"Vũ Văn Lâm","dateOfBirth":"1975-01-01","sex":"MALE","relationToHead":"HEAD"}]}
                """).expectStatus(201).json().get("id").asString();
    }

    @Test
    void withoutAValidTokenEveryProtectedEndpointIsA401() {
        String list = "/api/v1/households?unitCode=08707";
        assertThat(status(null, "GET", list, null)).isEqualTo(401);
        assertThat(status(TestTokens.expired(Duration.ofMinutes(5)), "GET", list, null)).isEqualTo(401);
        assertThat(status(TestTokens.foreignIssuer(), "GET", list, null)).isEqualTo(401);
        assertThat(status(TestTokens.otherAudience(), "GET", list, null)).isEqualTo(401);
        assertThat(status(TestTokens.foreignKey(), "GET", list, null)).isEqualTo(401);
        assertThat(status(TestTokens.tampered(), "GET", list, null)).isEqualTo(401);
        assertThat(status("not-a-token", "GET", list, null)).isEqualTo(401);
        Http.Response unauthorized = Http.as(null, () -> Http.post(url("/api/v1/review-rounds"), "{}"));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");
        assertThat(status(TestTokens.cityAdmin(), "GET", list, null)).isEqualTo(200);
    }

    @Test
    void theOpenPartsNeedNoToken() {
        assertThat(status(null, "GET", "/tu-danh-gia", null)).isEqualTo(200);
        assertThat(status(null, "GET", "/api/v1/units?date=2022-01-01", null)).isEqualTo(200);
        assertThat(status(null, "GET", "/actuator/health", null)).isEqualTo(200);
        assertThat(status(null, "POST", "/api/v1/assessments/evaluate", "{}")).isEqualTo(400);
        assertThat(status(null, "GET", "/actuator/prometheus", null)).isEqualTo(401);
    }

    @Test
    void eachRoleAgainstEachEndpointGroup() {
        String list = "/api/v1/households?unitCode=08707";
        String decision = "/api/v1/review-rounds/no-such-round/decision";
        String register = "/api/v1/households";
        String simulation = "/api/v1/simulations";
        // Reading households.
        assertThat(status(TestTokens.role("LABOUR_OFFICER", "*"), "GET", list, null)).isEqualTo(200);
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "GET", list, null)).isEqualTo(200);
        assertThat(status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "GET", list, null)).isEqualTo(200);
        assertThat(status(TestTokens.role("STEERING_VIEWER"), "GET", list, null)).isEqualTo(403);
        assertThat(status(TestTokens.departmentOfficer("EDUCATION"), "GET", list, null)).isEqualTo(403);
        // A department reads the one household it decides for (404: none with this id), never a search.
        assertThat(status(TestTokens.departmentOfficer("SOCIAL_POLICY_BANK"), "GET", "/api/v1/households/no-such-id",
                null)).isEqualTo(404);
        assertThat(status(TestTokens.departmentOfficer("SOCIAL_POLICY_BANK"), "GET", "/api/v1/households/search?q=Lan",
                null)).isEqualTo(403);
        assertThat(status(TestTokens.departmentOfficer("SOCIAL_POLICY_BANK"), "GET",
                "/api/v1/households/no-such-id/history", null)).isEqualTo(403);
        assertThat(status(TestTokens.role("BHXH_SYSTEM"), "GET", list, null)).isEqualTo(403);
        // Registering: officers, not the chairman or the steering committee (400: the empty body got through).
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "POST", register, "{}")).isEqualTo(400);
        assertThat(status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "POST", register, "{}")).isEqualTo(403);
        assertThat(status(TestTokens.role("STEERING_VIEWER"), "POST", register, "{}")).isEqualTo(403);
        // The decision: the chairman (404: no such round), not a ward officer or the Labour office.
        assertThat(status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "POST", decision, "{}")).isIn(400, 404);
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "POST", decision, "{}")).isEqualTo(403);
        assertThat(status(TestTokens.role("LABOUR_OFFICER", "*"), "POST", decision, "{}")).isEqualTo(403);
        // Simulations: the Labour office, not a ward officer.
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "POST", simulation, "{}")).isEqualTo(403);
        assertThat(status(TestTokens.role("LABOUR_OFFICER", "*"), "POST", simulation, "{}")).isEqualTo(400);
        // Households' review requests: recorded by the officers at the counter, refused in writing by the chairman.
        String requests = "/api/v1/review-requests";
        String refusal = "/api/v1/review-requests/no-such-request/refusal";
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "POST", requests, "{}")).isEqualTo(400);
        assertThat(status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "POST", requests, "{}")).isEqualTo(403);
        assertThat(status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "POST", refusal, "{}")).isIn(400, 404);
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "POST", refusal, "{}")).isEqualTo(403);
        assertThat(status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "GET", requests + "?unitCode=08707", null))
                .isEqualTo(200);
        assertThat(status(TestTokens.role("STEERING_VIEWER"), "GET", requests + "?unitCode=08707", null))
                .isEqualTo(403);
        // Online requests: sent without a token (400: the empty body got through), verified by the officers.
        String verification = "/api/v1/review-requests/no-such-request/verification";
        assertThat(status(null, "POST", requests + "/online", "{}")).isEqualTo(400);
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "POST", verification, "{}")).isEqualTo(404);
        assertThat(status(TestTokens.role("LABOUR_OFFICER", "*"), "POST", verification, "{}")).isEqualTo(404);
        assertThat(status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "POST", verification, "{}")).isEqualTo(403);
        assertThat(status(TestTokens.role("STEERING_VIEWER"), "POST", verification, "{}")).isEqualTo(403);
    }

    @Test
    void aWardOfficerActsOnlyForTheirOwnUnits() {
        String id = householdOfLienBao();
        String tichSon = TestTokens.role("WARD_OFFICER", "08707");
        String vinhPhuc = TestTokens.role("WARD_OFFICER", "08716");
        // The officer of 08707 can neither read nor change a household of Liên Bảo (08710, now in 08716) ...
        assertThat(status(tichSon, "GET", "/api/v1/households/" + id, null)).isEqualTo(403);
        assertThat(status(tichSon, "GET", "/api/v1/households/" + id + "/history", null)).isEqualTo(403);
        Http.Response change = Http.as(tichSon, () -> Http.post(url("/api/v1/households/" + id + "/move-away"),
                "{\"reason\":\"MOVED_AWAY\",\"effectiveDate\":\"2026-01-01\"}"));
        assertThat(change.status()).isEqualTo(403);
        // Refused without saying where the household is.
        assertThat(change.body()).contains("not in the units you act for").doesNotContain("08710").doesNotContain("08716");
        assertThat(status(tichSon, "GET", "/api/v1/households?unitCode=08710", null)).isEqualTo(403);
        assertThat(status(tichSon, "GET", "/api/v1/households", null)).isEqualTo(403);
        // ... nor register one there; the officer of Phường Vĩnh Phúc, which covers Liên Bảo today, can read it.
        assertThat(Http.as(tichSon, () -> Http.post(url("/api/v1/households"), """
                {"unitCode":"08716","village":"Tổ 1","members":[
                 {"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","relationToHead":"HEAD"}]}
                """)).status()).isEqualTo(403);
        assertThat(status(vinhPhuc, "GET", "/api/v1/households/" + id, null)).isEqualTo(200);
        // Nothing changed: the household is still active.
        assertThat(Http.get(url("/api/v1/households/" + id)).json().get("status").asString()).isEqualTo("ACTIVE");
        // A round of 08716 is not the 08707 officer's either.
        String round = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08716\",\"kind\":\"MONTHLY\","
                + "\"referenceDate\":\"2026-11-02\"}").expectStatus(201).json().get("round").get("id").asString();
        assertThat(status(tichSon, "GET", "/api/v1/review-rounds/" + round, null)).isEqualTo(403);
        assertThat(status(vinhPhuc, "GET", "/api/v1/review-rounds/" + round, null)).isEqualTo(200);
    }

    @Test
    void everyReadAndWriteOfAHouseholdIsAuditedAndTheAuditCannotBeChanged() {
        String id = householdOfLienBao();
        String labour = TestTokens.role("LABOUR_OFFICER", "*");
        Http.as(labour, () -> Http.get(url("/api/v1/households/" + id))).expectStatus(200);
        Http.as(labour, () -> Http.get(url("/api/v1/households/" + id + "/classes"))).expectStatus(200);
        Http.as(TestTokens.role("WARD_OFFICER", "08707"), () -> Http.get(url("/api/v1/households/" + id)))
                .expectStatus(403);
        Http.as(TestTokens.role("STEERING_VIEWER"), () -> Http.get(url("/api/v1/households/" + id)))
                .expectStatus(403);
        // The bank reads the household it decides a loan for, with its members' names (and the read is audited).
        assertThat(Http.as(TestTokens.departmentOfficer("SOCIAL_POLICY_BANK"),
                () -> Http.get(url("/api/v1/households/" + id))).expectStatus(200).json().get("members").get(0)
                .get("fullName").asString()).isNotBlank();

        tools.jackson.databind.JsonNode entries = Http.as(labour, () -> Http.get(url("/api/v1/audit?householdId=" + id)))
                .expectStatus(200).json();
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode e : entries) {
            seen.add(e.get("subject").asString() + " " + e.get("roles").get(0).asString() + " " + e.get("method")
                    .asString() + " " + e.get("path").asString() + " " + e.get("status").asInt());
            assertThat(e.get("from").asString()).isNotBlank();
            assertThat(e.get("service").asString()).isEqualTo("household-service");
        }
        assertThat(seen).contains(
                "admin@test CITY_ADMIN POST /api/v1/households 201",
                "labour_officer@test LABOUR_OFFICER GET /api/v1/households/" + id + " 200",
                "labour_officer@test LABOUR_OFFICER GET /api/v1/households/" + id + "/classes 200",
                "ward_officer@test WARD_OFFICER GET /api/v1/households/" + id + " 403",
                "steering_viewer@test STEERING_VIEWER GET /api/v1/households/" + id + " 403",
                "social_policy_bank@test DEPARTMENT_OFFICER GET /api/v1/households/" + id + " 200");
        // Only the administrator and the Labour office may ask; nobody can change or delete an entry.
        assertThat(status(TestTokens.role("WARD_OFFICER", "08716"), "GET", "/api/v1/audit?householdId=" + id, null))
                .isEqualTo(403);
        assertThat(status(TestTokens.cityAdmin(), "POST", "/api/v1/audit", "{}")).isIn(403, 405);
        assertThat(Http.get(url("/api/v1/audit?householdId=" + id)).json().size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void hardenedEdgesRefuseOperatorKeysUnknownFieldsAndHugeBodiesAndStoreNothing() {
        long before = Http.get(url("/api/v1/households?unitCode=08731&size=1")).json().get("total").asLong();
        Http.Response operator = Http.post(url("/api/v1/households"), """
                {"unitCode":{"$gt":""},"village":"Tổ 1","members":[]}""");
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.body()).contains("/unitCode/$gt");
        Http.Response unknown = Http.post(url("/api/v1/households"), """
                {"unitCode":"08731","village":"Thôn 1","isAdmin":true,"members":[
                 {"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","relationToHead":"HEAD"}]}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("isAdmin");
        String huge = "{\"unitCode\":\"08731\",\"village\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertThat(Http.post(url("/api/v1/households"), huge).status()).isEqualTo(413);
        assertThat(Http.get(url("/api/v1/households?unitCode=08731&size=1")).json().get("total").asLong())
                .isEqualTo(before);
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** Every endpoint the service maps, except the open ones and the error and API-document pages, wants a token. */
    @Test
    void everyProtectedEndpointAnswers401WithoutAToken() {
        java.util.Set<String> open = java.util.Set.of("GET /api/v1/units", "GET /api/v1/standards", "POST /api/v1/assessments/evaluate",
                "POST /api/v1/review-requests/online");
        var calls = vn.giamngheo.testsupport.Endpoints.withoutToken(port, mappings, open);
        assertThat(calls).hasSizeGreaterThanOrEqualTo(25);
        assertThat(calls).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(401));
    }
}
