package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * A household registered in 2024 in Xã Vầy Nưa (04891), which was split on 2025-07-01 between Phường Thống Nhất (04828)
 * and Xã Tiền Phong (04891, the code re-used). The sources do not say which villages went where: until its successor is
 * recorded, an officer of either successor is told to record it (422 naming both), and its review waits for it.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class SplitUnitIT {

    static final String TODAY = LocalDate.ofInstant(FixedClock.NOW, java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String householdOfVayNua() {
        return Http.post(url("/api/v1/households"), """
                {"unitCode":"04891","village":"Xóm Bưa","registeredOn":"2024-03-01","members":[
                 {"fullName":"Xa Văn Lợi","dateOfBirth":"1979-05-01","sex":"MALE","relationToHead":"HEAD"},
                 {"fullName":"Bùi Thị Nhung","dateOfBirth":"1982-07-11","sex":"FEMALE","relationToHead":"SPOUSE"}]}
                """).expectStatus(201).json().get("id").asString();
    }

    String monthlyRound(String unit) {
        return Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"" + unit + "\",\"kind\":\"MONTHLY\","
                + "\"referenceDate\":\"" + TODAY + "\"}").expectStatus(201).json().get("round").get("id").asString();
    }

    Http.Response survey(String round, String household) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/surveys"), "{\"householdId\":\"" + household
                + "\",\"monthlyIncomePerCapitaVnd\":1200000,\"deprivedIndicators\":[\"HEALTH_INSURANCE\","
                + "\"SANITATION\",\"DRINKING_WATER\"]}");
    }

    static String officer(String unit) {
        return TestTokens.role("WARD_OFFICER", unit);
    }

    @Test
    void withoutItsSuccessorTheHouseholdIsA422NamingTheChoiceAndNotAGuess() {
        String id = householdOfVayNua();
        String thongNhat = monthlyRound("04828");

        Http.Response read = Http.as(officer("04828"), () -> Http.get(url("/api/v1/households/" + id)));
        Http.Response sameCode = Http.as(officer("04891"), () -> Http.get(url("/api/v1/households/" + id)));
        Http.Response surveyed = survey(thongNhat, id);

        for (Http.Response answer : java.util.List.of(read, sameCode, surveyed)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            assertThat(problem.get("detail").asString()).contains("Xã Vầy Nưa (04891) was split on 2025-07-01 "
                    + "between 04828 Phường Thống Nhất and 04891 Xã Tiền Phong");
            assertThat(problem.get("successors")).extracting(JsonNode::asString).containsExactly("04828", "04891");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("successorUnitCode");
        }
        assertThat(Http.get(url("/api/v1/review-rounds/" + thongNhat)).json().get("surveys")).isEmpty();
        // Outside both successors it is simply not the caller's.
        assertThat(Http.status(officer("08707"), "GET", url("/api/v1/households/" + id), null)).isEqualTo(403);
        // The city-wide Sở sees it, recorded as it was.
        JsonNode asRegistered = Http.get(url("/api/v1/households/" + id)).expectStatus(200).json();
        assertThat(asRegistered.get("unitCode").asString()).isEqualTo("04891");
        assertThat(asRegistered.get("unitSince").asString()).isEqualTo("2024-03-01");
    }

    @Test
    void withTheSuccessorItsVillageLiesInTheRightCommuneReviewsIt() {
        String id = householdOfVayNua();
        String round = monthlyRound("04828");

        JsonNode recorded = Http.as(officer("04828"), () -> Http.post(url("/api/v1/households/" + id
                + "/successor-unit"), "{\"unitCode\":\"04828\",\"village\":\"Tổ dân phố Bưa\"}")).expectStatus(200)
                .json();

        assertThat(recorded.get("unitCode").asString()).isEqualTo("04828");
        assertThat(recorded.get("unitSince").asString()).isEqualTo("2025-07-01");
        assertThat(recorded.get("village").asString()).isEqualTo("Tổ dân phố Bưa");
        assertThat(Http.as(officer("04828"), () -> survey(round, id)).status()).isEqualTo(200);
        assertThat(Http.status(officer("04828"), "GET", url("/api/v1/households/" + id), null)).isEqualTo(200);
        assertThat(Http.status(officer("04891"), "GET", url("/api/v1/households/" + id), null)).isEqualTo(403);
        assertThat(survey(monthlyRound("04891"), id).status()).isEqualTo(400);
        ConsumerRecord<String, byte[]> event = TopicProbe.await(Topics.HOUSEHOLD_EVENTS, r -> r.key().equals(id)
                && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("SUCCESSOR_UNIT_RECORDED"),
                1, Duration.ofSeconds(20)).getFirst();
        HouseholdUpdated updated = EventCodec.readPayload(event.value(), EventTypes.HOUSEHOLD_UPDATED);
        assertThat(updated.unitCode()).isEqualTo("04828");
        assertThat(updated.effectiveDate()).isEqualTo(LocalDate.parse("2025-07-01"));
        assertThat(Http.get(url("/api/v1/households/" + id + "/history")).body()).contains("SUCCESSOR_UNIT_RECORDED");
        // Recorded once: a second choice is a conflict, not a silent move.
        Http.Response again = Http.post(url("/api/v1/households/" + id + "/successor-unit"),
                "{\"unitCode\":\"04891\"}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void onlyOneOfTheSuccessorsMayBeRecordedByTheirOfficersAndNothingChangesOtherwise() {
        String id = householdOfVayNua();
        long version = Http.get(url("/api/v1/households/" + id)).json().get("version").asLong();

        Http.Response elsewhere = Http.post(url("/api/v1/households/" + id + "/successor-unit"),
                "{\"unitCode\":\"08707\"}");
        int outsider = Http.status(officer("08707"), "POST", url("/api/v1/households/" + id + "/successor-unit"),
                "{\"unitCode\":\"04828\"}");
        int tienPhong = Http.status(officer("04891"), "POST", url("/api/v1/households/" + id + "/successor-unit"),
                "{\"unitCode\":\"04891\"}");

        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("\"field\":\"unitCode\"").contains("04828 Phường Thống Nhất and 04891 "
                + "Xã Tiền Phong");
        assertThat(outsider).isEqualTo(403);
        assertThat(tienPhong).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/households/" + id)).json().get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void aHouseholdRegisteredSinceTheMergerUnderTheReusedCodeIsTienPhongs() {
        String id = Http.post(url("/api/v1/households"), Households.registrationJson("04891")).expectStatus(201)
                .json().get("id").asString();

        assertThat(Http.status(officer("04891"), "GET", url("/api/v1/households/" + id), null)).isEqualTo(200);
        assertThat(Http.status(officer("04828"), "GET", url("/api/v1/households/" + id), null)).isEqualTo(403);
        assertThat(Http.post(url("/api/v1/households/" + id + "/successor-unit"), "{\"unitCode\":\"04891\"}")
                .status()).isEqualTo(409);
    }
}
