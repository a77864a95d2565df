package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/** Sign-in and access in policy-service: roles per endpoint group, and each department deciding only its own policies. */
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

    private static void publish(EventEnvelope<?> event) {
        vn.giamngheo.testsupport.TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    @Test
    void rolesPerEndpointGroup() {
        assertThat(status(null, "GET", "/api/v1/policies?date=2025-07-01", null)).isEqualTo(200);
        assertThat(status(null, "GET", "/api/v1/applications", null)).isEqualTo(401);
        assertThat(status(TestTokens.expired(Duration.ofMinutes(5)), "GET", "/api/v1/applications", null))
                .isEqualTo(401);
        assertThat(status(TestTokens.departmentOfficer("EDUCATION"), "GET", "/api/v1/applications", null))
                .isEqualTo(200);
        assertThat(status(TestTokens.role("STEERING_VIEWER"), "GET", "/api/v1/applications", null)).isEqualTo(403);
        assertThat(status(TestTokens.role("BHXH_SYSTEM"), "GET", "/api/v1/households/x/decisions", null))
                .isEqualTo(403);
        // Filing an application: ward officers and the Labour office, not a department officer.
        assertThat(status(TestTokens.departmentOfficer("SOCIAL_POLICY_BANK"), "POST", "/api/v1/applications", "{}"))
                .isEqualTo(403);
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "POST", "/api/v1/applications", "{}"))
                .isEqualTo(400);
        // The daily run: the administrator or the platform.
        assertThat(status(TestTokens.role("LABOUR_OFFICER", "*"), "POST", "/api/v1/decisions/daily-run", "{}"))
                .isEqualTo(403);
    }

    @Test
    void theEducationOfficeCannotDecideALoanAndTheBankCan() {
        String id = EventFixtures.newId();
        publish(EventFixtures.householdRegistered(id, "08707"));
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.now().minusDays(10), LocalDate.now().minusDays(10)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url("/api/v1/households/" + id))
                .body().contains("POOR"));
        String loan = Http.as(TestTokens.role("WARD_OFFICER", "08707"), () -> Http.post(url("/api/v1/applications"),
                "{\"policyCode\":\"POOR_HOUSEHOLD_LOAN\",\"householdId\":\"" + id + "\",\"requestedAmountVnd\":50000000}"))
                .expectStatus(201).json().get("id").asString();
        String education = TestTokens.departmentOfficer("EDUCATION");
        String bank = TestTokens.departmentOfficer("SOCIAL_POLICY_BANK");

        Http.Response refused = Http.as(education, () -> Http.post(url("/api/v1/applications/" + loan + "/review"),
                "{\"reviewer\":\"gd.can-bo-1\"}"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("SOCIAL_POLICY_BANK");
        assertThat(status(education, "POST", "/api/v1/applications/" + loan + "/approve",
                "{\"reviewer\":\"gd.can-bo-1\",\"decisionNumber\":\"1/QĐ\"}")).isEqualTo(403);
        assertThat(Http.get(url("/api/v1/applications/" + loan)).json().get("status").asString())
                .isEqualTo("SUBMITTED");

        // Nor read it, nor list the bank's applications: a department officer works on their own department's.
        Http.Response notTheirs = Http.as(education, () -> Http.get(url("/api/v1/applications/" + loan)));
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.body()).contains("SOCIAL_POLICY_BANK");
        assertThat(status(education, "GET", "/api/v1/applications/" + loan + "/eligibility", null)).isEqualTo(403);
        assertThat(status(education, "GET", "/api/v1/applications?department=SOCIAL_POLICY_BANK", null))
                .isEqualTo(403);
        assertThat(Http.as(education, () -> Http.get(url("/api/v1/applications?householdId=" + id))).json())
                .isEmpty();
        assertThat(Http.as(bank, () -> Http.get(url("/api/v1/applications?householdId=" + id))).json())
                .hasSize(1);
        JsonNode check = Http.as(bank, () -> Http.get(url("/api/v1/applications/" + loan + "/eligibility")))
                .expectStatus(200).json();
        assertThat(check.get("eligible").asBoolean()).isTrue();
        assertThat(check.get("reason").asString()).isNotBlank();
        assertThat(check.get("loanCeilingVnd").asLong()).isPositive();

        assertThat(status(bank, "POST", "/api/v1/applications/" + loan + "/review",
                "{\"reviewer\":\"nhcsxh.can-bo-1\"}")).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/applications/" + loan)).json().get("status").asString())
                .isEqualTo("UNDER_REVIEW");
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** Every endpoint the service maps, except the open ones and the error and API-document pages, wants a token. */
    @Test
    void everyProtectedEndpointAnswers401WithoutAToken() {
        java.util.Set<String> open = java.util.Set.of("GET /api/v1/policies");
        var calls = vn.giamngheo.testsupport.Endpoints.withoutToken(port, mappings, open);
        assertThat(calls).hasSizeGreaterThanOrEqualTo(12);
        assertThat(calls).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(401));
    }
}
