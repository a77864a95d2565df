package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.testsupport.Http;

/** The review API's calls as the newer review tests make them, against one running service. */
record RoundCalls(int port) {

    static final String POOR_RURAL = "\"monthlyIncomePerCapitaVnd\":1000000,"
            + "\"deprivedIndicators\":[\"HEALTH_INSURANCE\",\"SANITATION\",\"DRINKING_WATER\"]";
    static final String NEAR_POOR_RURAL = "\"monthlyIncomePerCapitaVnd\":1000000,\"deprivedIndicators\":[\"TELECOM\"]";
    static final String ABOVE = "\"monthlyIncomePerCapitaVnd\":6500000,\"deprivedIndicators\":[]";

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A family of three in {@code unit}, in {@code village}, whose head is {@code head}. */
    String household(String unit, String village, String head) {
        return Http.post(url("/api/v1/households"), Households.registrationJson(unit)
                .replace("Tổ dân phố Đồng Tâm 3", village).replace("Nguyễn Văn An", head)).expectStatus(201).json()
                .get("id").asString();
    }

    String household(String unit) {
        return household(unit, "Tổ dân phố Đồng Tâm 3", "Nguyễn Văn An");
    }

    String open(String unit, String kind, String referenceDate, String extra) {
        Http.Response opened = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"" + unit + "\",\"kind\":\""
                + kind + "\",\"referenceDate\":\"" + referenceDate + "\"" + extra + "}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("round").get("id").asString();
    }

    Http.Response survey(String round, String household, String answers) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/surveys"),
                "{\"householdId\":\"" + household + "\"" + (answers.isEmpty() ? "" : ",") + answers + "}");
    }

    /** A meeting on {@code date} where every participant agrees with each household's result. */
    Http.Response agree(String round, String date, List<String> households) {
        String votes = String.join(",", households.stream()
                .map(h -> "{\"householdId\":\"" + h + "\",\"agreeing\":10}").toList());
        return Http.post(url("/api/v1/review-rounds/" + round + "/village-meeting"), "{\"date\":\"" + date
                + "\",\"participants\":10,\"votes\":[" + votes + "]}");
    }

    Http.Response post(String round, String start) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/posting"), "{\"startDate\":\"" + start + "\"}");
    }

    Http.Response decide(String round, String number, String date) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/decision"), "{\"number\":\"" + number
                + "\",\"date\":\"" + date + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}");
    }

    JsonNode view(String round) {
        return Http.get(url("/api/v1/review-rounds/" + round)).expectStatus(200).json();
    }

    /**
     * A monthly round of {@code unit} on {@code referenceDate}, its households surveyed with their answers, agreed by
     * a meeting and posted that day for one working day; its id.
     */
    String posted(String unit, String referenceDate, String... householdAndAnswers) {
        String round = open(unit, "MONTHLY", referenceDate, ",\"postingWorkingDays\":1");
        List<String> households = new java.util.ArrayList<>();
        for (int i = 0; i < householdAndAnswers.length; i += 2) {
            survey(round, householdAndAnswers[i], householdAndAnswers[i + 1]).expectStatus(200);
            households.add(householdAndAnswers[i]);
        }
        agree(round, referenceDate, households).expectStatus(200);
        post(round, referenceDate).expectStatus(200);
        return round;
    }

    /** The same round, decided on {@code decidedOn}. */
    void decided(String unit, String referenceDate, String decidedOn, String... householdAndAnswers) {
        String round = posted(unit, referenceDate, householdAndAnswers);
        decide(round, "QĐ-" + round.substring(round.length() - 8), decidedOn).expectStatus(200);
    }

    static List<String> fields(Http.Response response) {
        return response.json().get("errors").findValuesAsString("field");
    }
}
