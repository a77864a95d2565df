package vn.giamngheo.household.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

/** Sensitive data only for the roles that need it, the privacy notice recorded, export and correction on request. */
@ServiceIntegrationTest
class PersonalDataIT {

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    JsonNode register(String citizenId) {
        return Http.post(url("/api/v1/households"), """
                {"unitCode":"08707","village":"Tổ dân phố Tích Sơn 5",
                 "privacyNotice":{"version":"TB-2026-01","givenOn":"2026-11-20","method":"PAPER","givenTo":"chủ hộ",
                                  "consented":true},
                 "members":[{"fullName":"Triệu Văn Hùng","dateOfBirth":"1972-04-04","sex":"MALE","relationToHead":"HEAD",
                   "citizenId":"%s","sensitive":{"ethnicity":"Sán Dìu","disability":"Khuyết tật vận động, mức độ nặng"}}]}
                """.formatted(citizenId)).expectStatus(201).json();
    }

    @Test
    void sensitiveDataGoesOnlyToTheRolesThatNeedItAndNeverOntoAnEvent() {
        JsonNode household = register("026072004455");
        String id = household.get("id").asString();
        assertThat(household.get("members").get(0).get("sensitive").get("ethnicity").asString()).isEqualTo("Sán Dìu");

        JsonNode forLabour = Http.as(TestTokens.role("LABOUR_OFFICER", "*"), () -> Http.get(url("/api/v1/households/"
                + id))).expectStatus(200).json();
        assertThat(forLabour.get("members").get(0).get("sensitive").get("disability").asString())
                .contains("mức độ nặng");
        JsonNode forChairman = Http.as(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), () -> Http.get(url(
                "/api/v1/households/" + id))).expectStatus(200).json();
        assertThat(forChairman.get("members").get(0).get("sensitive").isNull()).isTrue();
        assertThat(forChairman.get("members").get(0).get("fullName").asString()).isEqualTo("Triệu Văn Hùng");

        String event = new String(TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id), 1,
                Duration.ofSeconds(20)).getFirst().value(), StandardCharsets.UTF_8);
        assertThat(event).doesNotContain("Sán Dìu").doesNotContain("Khuyết tật").doesNotContain("Triệu Văn Hùng")
                .doesNotContain("026072004455");
    }

    @Test
    void aPersonsDataIsExportedWithTheNoticeAndWhoSawItAndCorrectedOnRequest() {
        JsonNode household = register("026072004466");
        String id = household.get("id").asString();
        String person = household.get("members").get(0).get("personId").asString();
        String holder = register("026072004477").get("id").asString();

        JsonNode export = Http.as(TestTokens.role("WARD_OFFICER", "08707"), () -> Http.get(url("/api/v1/households/"
                + id + "/members/" + person + "/export"))).expectStatus(200).json();
        assertThat(export.get("person").get("citizenId").asString()).isEqualTo("026072004466");
        assertThat(export.get("person").get("sensitive").get("ethnicity").asString()).isEqualTo("Sán Dìu");
        assertThat(export.get("privacyNotices").get(0).get("version").asString()).isEqualTo("TB-2026-01");
        assertThat(export.get("privacyNotices").get(0).get("consented").asBoolean()).isTrue();
        assertThat(export.get("privacyNotices").get(0).get("recordedBy").asString()).isEqualTo("admin@test");
        assertThat(export.get("accessLog").toString()).contains("POST").contains("admin@test");
        assertThat(Http.as(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), () -> Http.get(url("/api/v1/households/"
                + id + "/members/" + person + "/export"))).status()).isEqualTo(403);

        // A citizen id that another household's member holds: 409, nothing changed.
        Http.Response taken = Http.post(url("/api/v1/households/" + id + "/members/" + person + "/correction"),
                "{\"citizenId\":\"026072004477\",\"reason\":\"Theo CCCD cấp lại\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("citizenId");
        assertThat(Http.post(url("/api/v1/households/" + id + "/members/" + person + "/correction"),
                "{\"dateOfBirth\":\"1972-05-04\"}").status()).isEqualTo(400);

        JsonNode corrected = Http.post(url("/api/v1/households/" + id + "/members/" + person + "/correction"),
                "{\"dateOfBirth\":\"1972-05-04\",\"reason\":\"Theo giấy khai sinh\"}").expectStatus(200).json();
        assertThat(corrected.get("members").get(0).get("dateOfBirth").asString()).isEqualTo("1972-05-04");
        assertThat(corrected.get("members").get(0).get("citizenId").asString()).isEqualTo("026072004466");
        JsonNode history = Http.get(url("/api/v1/households/" + id + "/history")).json();
        assertThat(history.toString()).contains("MEMBER_CORRECTED").contains("Đính chính ngày sinh");
        String updated = new String(TopicProbe.await(Topics.HOUSEHOLD_EVENTS, r -> id.equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains("MEMBER_CORRECTED"), 1,
                Duration.ofSeconds(20)).getFirst().value(), StandardCharsets.UTF_8);
        assertThat(updated).contains("1972-05-04");
        assertThat(Http.get(url("/api/v1/households/" + holder)).json().get("members").get(0).get("citizenId")
                .asString()).isEqualTo("026072004477");
    }
}
