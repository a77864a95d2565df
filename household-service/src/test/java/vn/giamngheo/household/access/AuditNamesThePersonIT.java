package vn.giamngheo.household.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/**
 * A change made in the portal is made with the signed-in person's token, whose {@code name} claim is the person's
 * full name: the audit, the privacy notice and the review request it records name that person beside the account.
 * A machine client's token has no name, and its account stands in.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class AuditNamesThePersonIT {

    static final String HOA = TestTokens.person("can-bo-08707", "Nguyễn Thị Hoa", "WARD_OFFICER", "08707");

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aRegistrationByAPersonIsAuditedWithTheirAccountAndName() {
        String json = Households.registrationJson("08707").replaceFirst("\\{", """
                {"privacyNotice":{"version":"TB-2026-01","givenOn":"2026-11-20","method":"PAPER","givenTo":"chủ hộ",
                  "consented":true},""");
        String id = Http.as(HOA, () -> Http.post(url("/api/v1/households"), json)).expectStatus(201).json()
                .get("id").asString();
        JsonNode request = Http.as(HOA, () -> Http.post(url("/api/v1/review-requests"), "{\"householdId\":\"" + id
                + "\",\"form\":\"FORM_01\",\"receivedOn\":\"2026-11-20\"}")).expectStatus(201).json();

        JsonNode entries = Http.as(TestTokens.cityAdmin(), () -> Http.get(url("/api/v1/audit?householdId=" + id)))
                .expectStatus(200).json();
        JsonNode registration = find(entries, "POST", "/api/v1/households");
        assertThat(registration.get("subject").asString()).isEqualTo("can-bo-08707");
        assertThat(registration.get("name").asString()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(find(entries, "POST", "/api/v1/review-requests").get("name").asString())
                .isEqualTo("Nguyễn Thị Hoa");
        assertThat(request.get("recordedBy").asString()).isEqualTo("can-bo-08707");
        assertThat(request.get("recordedByName").asString()).isEqualTo("Nguyễn Thị Hoa");

        String person = Http.as(HOA, () -> Http.get(url("/api/v1/households/" + id))).expectStatus(200).json()
                .get("members").get(0).get("personId").asString();
        JsonNode notice = Http.as(HOA, () -> Http.get(url("/api/v1/households/" + id + "/members/" + person
                + "/export"))).expectStatus(200).json().get("privacyNotices").get(0);
        assertThat(notice.get("recordedBy").asString()).isEqualTo("can-bo-08707");
        assertThat(notice.get("recordedByName").asString()).isEqualTo("Nguyễn Thị Hoa");
    }

    @Test
    void aMachineClientIsAuditedUnderItsAccount() {
        String id = Http.as(TestTokens.role("WARD_OFFICER", "08707"), () -> Http.post(url("/api/v1/households"),
                Households.registrationJson("08707"))).expectStatus(201).json().get("id").asString();

        JsonNode entries = Http.as(TestTokens.cityAdmin(), () -> Http.get(url("/api/v1/audit?householdId=" + id)))
                .expectStatus(200).json();
        JsonNode registration = find(entries, "POST", "/api/v1/households");
        assertThat(registration.get("subject").asString()).isEqualTo("ward_officer@test");
        assertThat(registration.get("name").asString()).isEqualTo("ward_officer@test");
    }

    private static JsonNode find(JsonNode entries, String method, String path) {
        for (JsonNode entry : entries) {
            if (method.equals(entry.get("method").asString()) && path.equals(entry.get("path").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no audit entry " + method + " " + path + " in " + entries);
    }
}
