package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.household.review.RoundCalls.NEAR_POOR_RURAL;
import static vn.giamngheo.household.review.RoundCalls.POOR_RURAL;
import static vn.giamngheo.household.review.RoundCalls.fields;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/**
 * A unit's rounds and the province's board (issue 23), over HTTP with the test clock on Tuesday 24 November 2026: the
 * annual review of 2026 must be decided by Monday 14 December. Each test uses communes no other test uses.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class ReviewBoardIT {

    @LocalServerPort
    int port;

    /** One field of each commune of a board (not of their rounds). */
    private static List<String> column(JsonNode board, String field) {
        return board.get("communes").valueStream().map(c -> c.get(field).asString()).toList();
    }

    private static Map<String, JsonNode> byId(JsonNode rounds) {
        Map<String, JsonNode> byId = new HashMap<>();
        rounds.forEach(r -> byId.put(r.get("id").asString(), r));
        return byId;
    }

    /** Xã Quy Đức (04873). */
    @Test
    void aUnitsRoundsShowTheirStageCountsDeadlineAndWhetherTheyAreLate() {
        RoundCalls api = new RoundCalls(port);
        String poor = api.household("04873");
        String nearPoor = api.household("04873");
        String asked = api.household("04873");
        String drafted = api.household("04873");
        String done = api.household("04873");
        String lastYear = api.open("04873", "ANNUAL", "2025-11-17", "");
        api.decided("04873", "2026-10-15", "2026-10-16", poor, POOR_RURAL, nearPoor, NEAR_POOR_RURAL);
        Http.post(api.url("/api/v1/review-requests"), "{\"householdId\":\"" + asked
                + "\",\"form\":\"FORM_01\",\"receivedOn\":\"2026-11-10\"}").expectStatus(201);
        // 15 working days of posting from tomorrow end on 15 December: too late for a decision by the 14th.
        String annual = api.open("04873", "ANNUAL", "2026-11-16", ",\"postingWorkingDays\":15");
        api.survey(annual, drafted, "\"draft\":true,\"monthlyIncomePerCapitaVnd\":900000").expectStatus(200);
        api.survey(annual, done, NEAR_POOR_RURAL).expectStatus(200);
        // A monthly round under way with one complaint open and one rejected.
        String monthly = api.open("04873", "MONTHLY", "2026-11-16", "");
        api.survey(monthly, asked, POOR_RURAL).expectStatus(200);
        api.agree(monthly, "2026-11-16", List.of(asked)).expectStatus(200);
        api.post(monthly, "2026-11-16").expectStatus(200);
        for (String text : List.of("Thu nhập ghi sai", "Thiếu một chỉ số")) {
            Http.post(api.url("/api/v1/review-rounds/" + monthly + "/complaints"), "{\"householdId\":\"" + asked
                    + "\",\"text\":\"" + text + "\",\"filedOn\":\"2026-11-17\"}").expectStatus(201);
        }
        String rejected = api.view(monthly).get("complaints").get(0).get("id").asString();
        Http.post(api.url("/api/v1/review-rounds/" + monthly + "/complaints/" + rejected + "/resolution"),
                "{\"outcome\":\"REJECTED\",\"resolution\":\"Giữ nguyên\",\"resolvedOn\":\"2026-11-18\"}")
                .expectStatus(200);

        JsonNode all = Http.get(api.url("/api/v1/review-rounds?unitCode=04873")).expectStatus(200).json();

        assertThat(all).hasSize(4);
        assertThat(all.findValuesAsString("referenceDate")).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.get(3).get("id").asString()).isEqualTo(lastYear);
        Map<String, JsonNode> rounds = byId(all);
        JsonNode a = rounds.get(annual);
        assertThat(a.get("unitName").asString()).isEqualTo("Xã Quy Đức");
        assertThat(a.get("kind").asString()).isEqualTo("ANNUAL");
        assertThat(a.get("state").asString()).isEqualTo("OPEN");
        assertThat(a.get("standard").asString()).isEqualTo("VN-MPS-2027-2030");
        assertThat(a.get("dueBy").asString()).isEqualTo("2026-12-14");
        assertThat(a.get("late").asBoolean()).isTrue();
        assertThat(a.get("lateReason").asString()).isEqualTo("NO_TIME_TO_POST");
        assertThat(a.get("decision").isNull()).isTrue();
        JsonNode counts = a.get("counts");
        assertThat(counts.get("toSurvey").asInt()).as(counts.toString()).isEqualTo(3);
        assertThat(counts.get("drafts").asInt()).isEqualTo(1);
        assertThat(counts.get("surveyed").asInt()).isEqualTo(1);
        assertThat(counts.get("agreed").asInt()).isZero();
        JsonNode m = rounds.get(monthly);
        assertThat(m.get("dueBy").asString()).isEqualTo("2026-11-30");
        assertThat(m.get("late").asBoolean()).isFalse();
        assertThat(m.get("lateReason").isNull()).isTrue();
        assertThat(m.get("postingEndsOn").asString()).isEqualTo("2026-11-18");
        assertThat(m.get("counts").get("agreed").asInt()).isEqualTo(1);
        assertThat(m.get("counts").get("complaintsOpen").asInt()).isEqualTo(1);
        assertThat(m.get("counts").get("complaintsResolved").asInt()).isEqualTo(1);
        JsonNode october = all.get(2);
        assertThat(october.get("kind").asString()).isEqualTo("MONTHLY");
        assertThat(october.get("decision").get("date").asString()).isEqualTo("2026-10-16");
        assertThat(october.get("late").asBoolean()).isFalse();
        assertThat(october.get("counts").get("agreed").asInt()).isEqualTo(2);
        JsonNode old = rounds.get(lastYear);
        assertThat(old.get("dueBy").asString()).isEqualTo("2025-12-14");
        assertThat(old.get("lateReason").asString()).isEqualTo("PAST_DUE");

        JsonNode of2025 = Http.get(api.url("/api/v1/review-rounds?unitCode=04873&year=2025")).expectStatus(200).json();
        assertThat(of2025.findValuesAsString("id")).containsExactly(lastYear);

        // The same counts as the round's own list to survey.
        JsonNode list = Http.get(api.url("/api/v1/review-rounds/" + annual + "/households")).expectStatus(200).json();
        assertThat(list.get("counts").get("toSurvey").asInt()).isEqualTo(3);
        assertThat(list.get("households")).hasSize(5);
    }

    /** Phường Kỳ Sơn (04894) under way, Xã Thịnh Minh (04897) decided, Xã Kim Bôi (04978) not started. */
    @Test
    void theBoardShowsEveryCommuneOfTheCallerWithItsStatusAndTheProvinceToTheSo() {
        RoundCalls api = new RoundCalls(port);
        api.open("04894", "ANNUAL", "2026-11-16", "");
        String household = api.household("04897");
        String decided = api.open("04897", "ANNUAL", "2026-11-16", ",\"postingWorkingDays\":1");
        api.survey(decided, household, POOR_RURAL).expectStatus(200);
        api.agree(decided, "2026-11-16", List.of(household)).expectStatus(200);
        api.post(decided, "2026-11-16").expectStatus(200);
        api.decide(decided, "31/QĐ-UBND", "2026-11-20").expectStatus(200);
        String officer = TestTokens.of("can-bo@board", List.of("WARD_OFFICER"), List.of("04894", "04897", "04978"),
                null);

        JsonNode board = Http.as(officer, () -> Http.get(api.url("/api/v1/review-rounds/board"))).expectStatus(200)
                .json();

        assertThat(board.get("date").asString()).isEqualTo("2026-11-24");
        assertThat(board.get("year").asInt()).isEqualTo(2026);
        assertThat(board.get("deadline").asString()).isEqualTo("2026-12-14");
        assertThat(column(board, "unitCode")).containsExactly("04894", "04897", "04978");
        assertThat(column(board, "status"))
                .containsExactly("IN_PROGRESS", "DECIDED", "NOT_STARTED");
        assertThat(board.get("communes").get(1).get("unitName").asString()).isEqualTo("Xã Thịnh Minh");
        assertThat(board.get("communes").get(1).get("round").get("id").asString()).isEqualTo(decided);
        assertThat(board.get("communes").get(2).get("round").isNull()).isTrue();
        // Three working days of posting from tomorrow still leave a decision by 14 December.
        board.get("communes").forEach(c -> assertThat(c.get("late").asBoolean()).as(c.toString()).isFalse());
        assertThat(board.get("totals").get("notStarted").asInt()).isEqualTo(1);
        assertThat(board.get("totals").get("inProgress").asInt()).isEqualTo(1);
        assertThat(board.get("totals").get("decided").asInt()).isEqualTo(1);
        assertThat(board.get("totals").get("late").asInt()).isZero();

        // On 10 December a commune that has not started cannot post for 3 working days and decide by the 14th.
        JsonNode december = Http.as(officer, () -> Http.get(api.url("/api/v1/review-rounds/board?date=2026-12-10")))
                .expectStatus(200).json();
        assertThat(december.get("communes").get(2).get("late").asBoolean()).isTrue();
        assertThat(december.get("communes").get(2).get("lateReason").asString()).isEqualTo("NOT_STARTED_IN_TIME");
        assertThat(december.get("totals").get("late").asInt()).isEqualTo(1);

        // A monthly board: the answer day of the review of 15 November.
        JsonNode monthly = Http.as(officer, () -> Http.get(api.url("/api/v1/review-rounds/board?kind=MONTHLY")))
                .expectStatus(200).json();
        assertThat(monthly.get("deadline").asString()).isEqualTo("2026-11-30");
        assertThat(column(monthly, "status")).containsOnly("NOT_STARTED");

        // The Sở sees the province's 148 communes and wards.
        JsonNode province = Http.get(api.url("/api/v1/review-rounds/board")).expectStatus(200).json();
        assertThat(province.get("communes")).hasSize(148);
        JsonNode totals = province.get("totals");
        assertThat(totals.get("notStarted").asInt() + totals.get("inProgress").asInt() + totals.get("decided").asInt())
                .isEqualTo(148);
        assertThat(column(province, "unitCode")).contains("04894", "04897", "04978",
                "08707");
    }

    @Test
    void badParametersAreRefusedNamingThemAndOtherUnitsAreForbidden() {
        RoundCalls api = new RoundCalls(port);
        for (String[] bad : new String[][] {{"/api/v1/review-rounds?unitCode=4873", "unitCode"},
                {"/api/v1/review-rounds?unitCode=04873&year=abc", "year"},
                {"/api/v1/review-rounds?unitCode=04873&year=1850", "year"},
                {"/api/v1/review-rounds/board?date=24/11/2026", "date"},
                {"/api/v1/review-rounds/board?kind=WEEKLY", "kind"}}) {
            Http.Response response = Http.get(api.url(bad[0]));
            assertThat(response.status()).as(bad[0] + " " + response.body()).isEqualTo(400);
            assertThat(fields(response)).as(bad[0]).containsExactly(bad[1]);
        }
        String officer = TestTokens.of("can-bo@board", List.of("WARD_OFFICER"), List.of("04894"), null);
        assertThat(Http.as(officer, () -> Http.get(api.url("/api/v1/review-rounds?unitCode=04873"))).status())
                .isEqualTo(403);
        assertThat(Http.as(officer, () -> Http.get(api.url("/api/v1/review-rounds"))).status()).isEqualTo(403);
        assertThat(Http.get(api.url("/api/v1/review-rounds/nope/households")).status()).isEqualTo(404);
        assertThat(Http.get(api.url("/api/v1/review-rounds/nope/surveys/nobody")).status()).isEqualTo(404);
    }
}
