package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/**
 * Households' requests for the monthly review (issue 21), over HTTP with the test clock on 24 November 2026: recorded
 * at the commune, taken by the review that starts on the 15th after them, answered by its decision or refused in
 * writing with the reasons, and shown overdue once the 15 days have passed.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class ReviewRequestIT {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String household() {
        return Http.post(url("/api/v1/households"), Households.registrationJson("08707")).expectStatus(201).json()
                .get("id").asString();
    }

    private Http.Response request(String household, String form, String receivedOn) {
        return Http.post(url("/api/v1/review-requests"), "{\"householdId\":\"" + household + "\",\"form\":\"" + form
                + "\",\"receivedOn\":\"" + receivedOn + "\"}");
    }

    private Http.Response refuse(String id, String body) {
        return Http.post(url("/api/v1/review-requests/" + id + "/refusal"), body);
    }

    private static List<String> fields(Http.Response response) {
        return response.json().get("errors").findValuesAsString("field");
    }

    private List<String> idsOf(String household) {
        return Http.get(url("/api/v1/review-requests?unitCode=08707")).json().valueStream()
                .filter(r -> r.get("householdId").asString().equals(household))
                .map(r -> r.get("id").asString()).toList();
    }

    /** A monthly round's steps up to a decision of 23 November on {@code households}, each surveyed as poor. */
    private JsonNode decidedMonthlyRound(String referenceDate, String number, String... households) {
        String round = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"MONTHLY\","
                + "\"referenceDate\":\"" + referenceDate + "\",\"postingWorkingDays\":1}").expectStatus(201).json()
                .get("round").get("id").asString();
        StringBuilder votes = new StringBuilder();
        for (String household : households) {
            Http.post(url("/api/v1/review-rounds/" + round + "/surveys"), "{\"householdId\":\"" + household
                    + "\",\"monthlyIncomePerCapitaVnd\":1800000,\"deprivedIndicators\":[\"HEALTH_INSURANCE\","
                    + "\"SANITATION\",\"DRINKING_WATER\"]}").expectStatus(200);
            votes.append(votes.isEmpty() ? "" : ",").append("{\"householdId\":\"").append(household)
                    .append("\",\"agreeing\":10}");
        }
        Http.post(url("/api/v1/review-rounds/" + round + "/village-meeting"), "{\"date\":\"2026-11-20\","
                + "\"participants\":10,\"votes\":[" + votes + "]}").expectStatus(200);
        Http.post(url("/api/v1/review-rounds/" + round + "/posting"), "{\"startDate\":\"2026-11-20\"}")
                .expectStatus(200);
        return Http.post(url("/api/v1/review-rounds/" + round + "/decision"), "{\"number\":\"" + number
                + "\",\"date\":\"2026-11-23\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}").expectStatus(200).json();
    }

    @Test
    void aRequestIsTakenByTheNextMonthlyReviewAndAnsweredByItsDecision() {
        String household = household();

        Http.Response recorded = request(household, "FORM_01", "2026-11-10");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode request = recorded.json();
        String id = request.get("id").asString();
        assertThat(request.get("status").asString()).isEqualTo("OPEN");
        assertThat(request.get("channel").asString()).isEqualTo("COUNTER");
        assertThat(request.get("unitCode").asString()).isEqualTo("08707");
        assertThat(request.get("reviewStartsOn").asString()).isEqualTo("2026-11-15");
        assertThat(request.get("dueBy").asString()).isEqualTo("2026-11-30");
        assertThat(request.get("overdue").asBoolean()).isFalse();
        // The same form handed in again the same day is the same request.
        Http.Response again = request(household, "FORM_01", "2026-11-10");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(idsOf(household)).containsExactly(id);

        JsonNode round = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"MONTHLY\","
                + "\"referenceDate\":\"2026-11-16\"}").expectStatus(201).json();
        JsonNode taken = round.get("requests");
        assertThat(taken.get("reviewStartsOn").asString()).isEqualTo("2026-11-15");
        assertThat(taken.get("receivedFrom").asString()).isEqualTo("2026-10-15");
        assertThat(taken.get("receivedTo").asString()).isEqualTo("2026-11-14");
        assertThat(taken.get("dueBy").asString()).isEqualTo("2026-11-30");
        assertThat(taken.get("requests").findValuesAsString("id")).contains(id);
        assertThat(taken.get("notSurveyed").valueStream().map(JsonNode::asString)).contains(household);

        decidedMonthlyRound("2026-11-15", "180/QĐ-UBND", household);

        JsonNode answered = Http.get(url("/api/v1/review-requests/" + id)).json();
        assertThat(answered.get("status").asString()).isEqualTo("DECIDED");
        assertThat(answered.get("answer").get("number").asString()).isEqualTo("180/QĐ-UBND");
        assertThat(answered.get("answer").get("date").asString()).isEqualTo("2026-11-23");
        assertThat(answered.get("answer").get("roundId").asString()).startsWith("08707-2026-monthly-");
        assertThat(answered.get("answeredLate").asBoolean()).isFalse();
        // Reading a request is a read of the household's data: audited under the household.
        assertThat(Http.get(url("/api/v1/audit?householdId=" + household)).json().findValuesAsString("path"))
                .contains("/api/v1/review-requests/" + id);
    }

    @Test
    void aRequestNotAnsweredWithinFifteenDaysIsOverdueUntilTheWrittenRefusal() {
        String household = household();
        // Received on 10 October: taken by the review of 15 October, due by 30 October.
        String id = request(household, "FORM_01", "2026-10-10").expectStatus(201).json().get("id").asString();

        JsonNode request = Http.get(url("/api/v1/review-requests/" + id)).json();
        assertThat(request.get("dueBy").asString()).isEqualTo("2026-10-30");
        assertThat(request.get("overdue").asBoolean()).isTrue();
        assertThat(Http.get(url("/api/v1/review-requests?unitCode=08707&overdue=true")).json()
                .findValuesAsString("id")).contains(id);
        JsonNode october = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"MONTHLY\","
                + "\"referenceDate\":\"2026-10-20\"}").expectStatus(201).json().get("requests");
        assertThat(october.get("overdue").asLong()).isPositive();
        assertThat(october.get("requests").valueStream().filter(r -> r.get("id").asString().equals(id)).findFirst()
                .orElseThrow().get("overdue").asBoolean()).isTrue();

        JsonNode refused = refuse(id, "{\"number\":\"12/UBND-LĐ\",\"date\":\"2026-11-24\",\"signerRole\":"
                + "\"COMMUNE_CHAIRMAN\",\"reasons\":\"Thu nhập bình quân của hộ trên chuẩn cận nghèo theo kết quả "
                + "rà soát\"}").expectStatus(200).json();

        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("overdue").asBoolean()).isFalse();
        assertThat(refused.get("answeredLate").asBoolean()).isTrue();
        assertThat(refused.get("answer").get("reasons").asString()).startsWith("Thu nhập bình quân");
        assertThat(Http.get(url("/api/v1/review-requests?unitCode=08707&overdue=true")).json()
                .findValuesAsString("id")).doesNotContain(id);
        assertThat(Http.get(url("/api/v1/review-requests?unitCode=08707&status=REFUSED")).json()
                .findValuesAsString("id")).contains(id);
        // Answered once: a second answer is a conflict.
        assertThat(refuse(id, "{\"date\":\"2026-11-24\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"reasons\":\"Lần hai\"}")
                .status()).isEqualTo(409);
    }

    @Test
    void aFormToLeaveTheListIsForAHouseholdOnIt() {
        String poor = household();
        String never = household();
        decidedMonthlyRound("2026-11-15", "181/QĐ-UBND", poor);

        assertThat(request(poor, "FORM_04", "2026-11-24").status()).isEqualTo(201);
        Http.Response notListed = request(never, "FORM_04", "2026-11-24");
        assertThat(notListed.status()).isEqualTo(400);
        assertThat(fields(notListed)).containsExactly("form");
        assertThat(idsOf(never)).isEmpty();
        // Before the decision of 23 November the household was not on the list yet.
        assertThat(fields(request(poor, "FORM_04", "2026-11-20"))).containsExactly("form");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingIsStored() {
        String household = household();

        Http.Response future = request(household, "FORM_01", "2026-11-25");
        assertThat(future.status()).isEqualTo(400);
        assertThat(fields(future)).containsExactly("receivedOn");
        assertThat(future.body()).contains("2026-11-24");
        Http.Response unknown = request("no-such-household", "FORM_01", "2026-11-20");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(fields(unknown)).containsExactly("householdId");
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(fields(Http.post(url("/api/v1/review-requests"), "{\"householdId\":\"" + household
                + "\",\"receivedOn\":\"2026-11-20\"}"))).containsExactly("form");
        assertThat(fields(request(household, "FORM_02", "2026-11-20"))).containsExactly("form");
        assertThat(idsOf(household)).isEmpty();

        String id = request(household, "FORM_01", "2026-11-20").expectStatus(201).json().get("id").asString();
        for (String[] bad : new String[][] {
                {"{\"date\":\"2026-11-24\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}", "reasons"},
                {"{\"date\":\"2026-11-24\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"reasons\":\"   \"}", "reasons"},
                {"{\"date\":\"2026-11-25\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"reasons\":\"Không đủ\"}", "date"},
                {"{\"date\":\"2026-11-19\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"reasons\":\"Không đủ\"}", "date"},
                {"{\"date\":\"2026-11-24\",\"signerRole\":\"DISTRICT_CHAIRMAN\",\"reasons\":\"Không đủ\"}",
                    "signerRole"}}) {
            Http.Response refused = refuse(id, bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(fields(refused)).as(refused.body()).containsExactly(bad[1]);
        }
        assertThat(Http.get(url("/api/v1/review-requests/" + id)).json().get("status").asString()).isEqualTo("OPEN");
        assertThat(Http.get(url("/api/v1/review-requests/no-such-request")).status()).isEqualTo(404);
        assertThat(refuse("no-such-request", "{\"date\":\"2026-11-24\",\"signerRole\":\"COMMUNE_CHAIRMAN\","
                + "\"reasons\":\"Không đủ\"}").status()).isEqualTo(404);
    }
}
