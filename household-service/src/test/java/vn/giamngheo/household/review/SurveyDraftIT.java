package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.household.review.RoundCalls.ABOVE;
import static vn.giamngheo.household.review.RoundCalls.NEAR_POOR_RURAL;
import static vn.giamngheo.household.review.RoundCalls.POOR_RURAL;
import static vn.giamngheo.household.review.RoundCalls.fields;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/**
 * The list to survey of a round, surveys saved as drafts and marked done, and what keeps the chairman from signing
 * (issue 23), over HTTP with the test clock on 24 November 2026.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class SurveyDraftIT {

    @LocalServerPort
    int port;

    @Autowired
    ReviewStore store;

    private RoundCalls api() {
        return new RoundCalls(port);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("households").forEach(h -> ids.add(h.get("householdId").asString()));
        return ids;
    }

    /**
     * Xã Nật Sơn (04990), used by no other test (those below use Xã Tân Pheo, 04849): a poor and a near-poor
     * household decided in October, a household decided above the lines, one that filed Form 01 in November, one the
     * officer surveys anyway, and one nobody asked about.
     */
    @Test
    void theListToSurveyHoldsThePoorTheNearPoorTheRequestsAndTheAddedOnly() throws Exception {
        RoundCalls api = api();
        String poor = api.household("04990", "Thôn Ênh", "Nguyễn Văn Bình");
        String nearPoor = api.household("04990", "Thôn Đá", "Lê Thị Ánh");
        String above = api.household("04990", "Thôn Đá", "Trần Văn Cường");
        String asked = api.household("04990", "Thôn Đá", "Phạm Văn Dũng");
        String added = api.household("04990", "Thôn Ênh", "Hoàng Thị Em");
        String nobody = api.household("04990", "Thôn Đá", "Vũ Văn Giang");
        api.decided("04990", "2026-10-15", "2026-10-16", poor, POOR_RURAL, nearPoor, NEAR_POOR_RURAL, above, ABOVE);
        Http.post(api.url("/api/v1/review-requests"), "{\"householdId\":\"" + asked
                + "\",\"form\":\"FORM_01\",\"receivedOn\":\"2026-11-10\"}").expectStatus(201);
        String round = api.open("04990", "ANNUAL", "2026-11-16", "");
        api.survey(round, added, "\"draft\":true,\"annualIncomeVnd\":30000000").expectStatus(200);

        JsonNode list = Http.get(api.url("/api/v1/review-rounds/" + round + "/households")).expectStatus(200).json();

        // By village in the Vietnamese alphabet (Đ before Ê), then by the head's given name (Ánh before Dũng).
        assertThat(ids(list)).containsExactly(nearPoor, asked, poor, added);
        assertThat(ids(list)).doesNotContain(above, nobody);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        list.get("households").forEach(h -> byId.put(h.get("householdId").asString(), h));
        assertThat(byId.get(poor).get("classInForce").asString()).isEqualTo("POOR");
        assertThat(byId.get(poor).get("why").valueStream().map(JsonNode::asString)).containsExactly("CURRENT_LIST");
        assertThat(byId.get(poor).get("headName").asString()).isEqualTo("Nguyễn Văn Bình");
        assertThat(byId.get(poor).get("village").asString()).isEqualTo("Thôn Ênh");
        assertThat(byId.get(poor).get("memberCount").asInt()).isEqualTo(3);
        assertThat(byId.get(poor).get("survey").isNull()).isTrue();
        assertThat(byId.get(nearPoor).get("classInForce").asString()).isEqualTo("NEAR_POOR");
        assertThat(byId.get(asked).get("why").valueStream().map(JsonNode::asString)).containsExactly("FORM_01");
        assertThat(byId.get(asked).get("classInForce").isNull()).isTrue();
        assertThat(byId.get(added).get("why").valueStream().map(JsonNode::asString)).containsExactly("ADDED");
        assertThat(byId.get(added).get("survey").get("status").asString()).isEqualTo("DRAFT");
        assertThat(byId.get(added).get("survey").get("classification").isNull()).isTrue();
        assertThat(list.get("counts").get("toSurvey").asInt()).isEqualTo(3);
        assertThat(list.get("counts").get("drafts").asInt()).isEqualTo(1);
        assertThat(list.get("counts").get("surveyed").asInt()).isZero();

        // The Excel template is prefilled with the same list, in the same order.
        byte[] template = Http.download(api.url("/api/v1/review-rounds/" + round + "/survey-template"));
        List<String> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("Phiếu rà soát");
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                rows.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
        }
        assertThat(rows).containsExactly(nearPoor, asked, poor, added);
    }

    @Test
    void aDraftKeepsPartialAnswersIsReopenedAndMarkedDoneAndTheMeetingRefusesIt() {
        RoundCalls api = api();
        String household = api.household("04849");
        String other = api.household("04849");
        Http.post(api.url("/api/v1/review-requests"), "{\"householdId\":\"" + household
                + "\",\"form\":\"FORM_01\",\"receivedOn\":\"2026-11-12\"}").expectStatus(201);
        String round = api.open("04849", "MONTHLY", "2026-11-16", "");
        String surveyOf = "/api/v1/review-rounds/" + round + "/surveys/" + household;
        assertThat(Http.get(api.url(surveyOf)).status()).isEqualTo(404);

        // Income without its member count, and two facts of the dwelling: kept, not classified.
        JsonNode draft = api.survey(round, household, "\"draft\":true,\"annualIncomeVnd\":36000000,"
                + "\"facts\":{\"floorAreaM2\":18.5,\"hasDwelling\":true,\"informationMeans\":[\"RADIO\",\"TELEVISION\"]}")
                .expectStatus(200).json();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("classification").isNull()).isTrue();
        assertThat(draft.get("monthlyIncomePerCapitaVnd").isNull()).isTrue();

        JsonNode reopened = Http.get(api.url(surveyOf)).expectStatus(200).json();
        assertThat(reopened.get("answers").get("annualIncomeVnd").asLong()).isEqualTo(36_000_000);
        assertThat(reopened.get("answers").get("memberCount").isNull()).isTrue();
        assertThat(reopened.get("answers").get("facts").get("floorAreaM2").decimalValue())
                .isEqualByComparingTo("18.5");
        assertThat(reopened.get("answers").get("facts").get("hasDwelling").asBoolean()).isTrue();
        assertThat(reopened.get("answers").get("facts").get("informationMeans").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("RADIO", "TELEVISION");
        assertThat(reopened.get("assessmentId").asString()).isEqualTo(draft.get("assessmentId").asString());
        // The monthly round still counts the household's request as not surveyed.
        assertThat(api.view(round).get("requests").get("notSurveyed").valueStream().map(JsonNode::asString))
                .containsExactly(household);

        // The same draft again changes nothing, whatever the order of the information means.
        JsonNode again = api.survey(round, household, "\"draft\":true,\"annualIncomeVnd\":36000000,"
                + "\"facts\":{\"floorAreaM2\":18.5,\"hasDwelling\":true,\"informationMeans\":[\"TELEVISION\",\"RADIO\"]}")
                .expectStatus(200).json();
        assertThat(again.get("assessmentId").asString()).isEqualTo(draft.get("assessmentId").asString());

        // A draft is no survey: the meeting refuses to vote on it, naming the vote.
        api.survey(round, other, NEAR_POOR_RURAL).expectStatus(200);
        Http.Response vote = Http.post(api.url("/api/v1/review-rounds/" + round + "/village-meeting"),
                "{\"date\":\"2026-11-17\",\"participants\":10,\"votes\":[{\"householdId\":\"" + other
                        + "\",\"agreeing\":10},{\"householdId\":\"" + household + "\",\"agreeing\":10}]}");
        assertThat(vote.status()).isEqualTo(400);
        assertThat(fields(vote)).containsExactly("votes[1].householdId");
        assertThat(vote.body()).contains("draft");
        assertThat(api.view(round).get("round").get("state").asString()).isEqualTo("OPEN");

        // After a meeting on the other household, the posting is refused while the draft is left, and says so.
        api.agree(round, "2026-11-17", List.of(other)).expectStatus(200);
        Http.Response posting = api.post(round, "2026-11-18");
        assertThat(posting.status()).isEqualTo(409);
        assertThat(posting.body()).contains("1 of 2 households are not agreed").contains("still a draft");

        // Complete answers as a draft are classified, still a draft; marked done with the same answers: surveyed.
        JsonNode completeDraft = api.survey(round, household, "\"draft\":true," + POOR_RURAL).expectStatus(200)
                .json();
        assertThat(completeDraft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(completeDraft.get("classification").asString()).isEqualTo("POOR");
        JsonNode done = api.survey(round, household, POOR_RURAL).expectStatus(200).json();
        assertThat(done.get("status").asString()).isEqualTo("SURVEYED");
        assertThat(done.get("classification").asString()).isEqualTo("POOR");
        assertThat(done.get("answers").get("monthlyIncomePerCapitaVnd").asLong()).isEqualTo(1_000_000);
        assertThat(done.get("answers").get("deprivedIndicators").valueStream().map(JsonNode::asString))
                .containsExactly("HEALTH_INSURANCE", "SANITATION", "DRINKING_WATER");
        assertThat(done.get("assessmentId").asString()).isNotEqualTo(completeDraft.get("assessmentId").asString());
        assertThat(api.view(round).get("requests").get("notSurveyed")).isEmpty();
        assertThat(api.survey(round, household, POOR_RURAL).json().get("assessmentId").asString())
                .isEqualTo(done.get("assessmentId").asString());
        assertThat(api.agree(round, "2026-11-18", List.of(household)).status()).isEqualTo(200);
        assertThat(api.post(round, "2026-11-19").status()).isEqualTo(200);
    }

    /** Sent back by the meeting, then saved as an incomplete draft: the minutes of that meeting still come out. */
    @Test
    void aHouseholdSentBackAndDraftedAgainIsLeftOutOfTheMinutes() {
        RoundCalls api = api();
        String household = api.household("04849");
        String round = api.open("04849", "MONTHLY", "2026-11-16", "");
        api.survey(round, household, POOR_RURAL).expectStatus(200);
        Http.post(api.url("/api/v1/review-rounds/" + round + "/village-meeting"), "{\"date\":\"2026-11-17\","
                + "\"participants\":10,\"votes\":[{\"householdId\":\"" + household + "\",\"agreeing\":2}]}")
                .expectStatus(200);
        JsonNode draft = api.survey(round, household, "\"draft\":true,\"annualIncomeVnd\":30000000").expectStatus(200)
                .json();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("votes")).hasSize(1);

        Http.Response minutes = Http.get(api.url("/api/v1/review-rounds/" + round + "/documents/minutes.pdf"));

        assertThat(minutes.status()).as(minutes.body()).isEqualTo(200);
    }

    @Test
    void aDraftsAnswersKeepTheirShapeAndADoneSurveyNeedsThemAll() {
        RoundCalls api = api();
        String household = api.household("04849");
        String round = api.open("04849", "MONTHLY", "2026-11-16", "");

        Map<String, String> refused = Map.of(
                "\"draft\":true,\"annualIncomeVnd\":-5", "annualIncomeVnd",
                "\"draft\":true,\"memberCount\":0", "memberCount",
                "\"draft\":true,\"facts\":{\"floorAreaM2\":-1}", "facts.floorAreaM2",
                "\"draft\":true,\"facts\":{\"waterSource\":\"LAKE_OF_WINE\"}", "facts.waterSource",
                "\"draft\":true,\"monthlyIncomePerCapitaVnd\":1000000,\"annualIncomeVnd\":12000000,"
                        + "\"memberCount\":3", "annualIncomeVnd",
                "\"draft\":true,\"deprivedIndicators\":[\"TELECOM\"],\"facts\":{\"hasDwelling\":true}",
                "deprivedIndicators",
                "\"monthlyIncomePerCapitaVnd\":1000000,\"facts\":{\"floorAreaM2\":20}", "facts.hasDwelling",
                "\"annualIncomeVnd\":36000000,\"deprivedIndicators\":[]", "memberCount");
        refused.forEach((answers, field) -> {
            Http.Response response = api.survey(round, household, answers);
            assertThat(response.status()).as(answers + " → " + response.body()).isEqualTo(400);
            assertThat(fields(response)).as(answers).contains(field);
        });
        assertThat(Http.get(api.url("/api/v1/review-rounds/" + round + "/surveys/" + household)).status())
                .isEqualTo(404);
        // An empty draft is a draft all the same (the officer opened the form and saved it).
        assertThat(api.survey(round, household, "\"draft\":true").json().get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void theBlockersSayWhyTheDecisionCannotBeSignedUntilNothingIsLeft() {
        RoundCalls api = api();
        String household = api.household("04849");
        // Posted on Monday 16 November for 3 working days: over on the 18th, a week before the clock's today.
        String round = api.open("04849", "MONTHLY", "2026-11-16", ",\"postingWorkingDays\":3");
        api.survey(round, household, POOR_RURAL).expectStatus(200);
        JsonNode open = api.view(round);
        assertThat(open.get("decisionBlockers").findValuesAsString("code")).containsExactly("NOT_POSTED");
        assertThat(open.get("canDecideFrom").isNull()).isTrue();
        api.agree(round, "2026-11-16", List.of(household)).expectStatus(200);
        api.post(round, "2026-11-16").expectStatus(200);
        String complaint = Http.post(api.url("/api/v1/review-rounds/" + round + "/complaints"), "{\"householdId\":\""
                + household + "\",\"text\":\"Hộ không đồng ý\",\"filedOn\":\"2026-11-17\"}").expectStatus(201).json()
                .get("id").asString();

        JsonNode posted = api.view(round);
        assertThat(posted.get("canDecideFrom").asString()).isEqualTo("2026-11-19");
        assertThat(posted.get("decisionBlockers").findValuesAsString("code")).containsExactly("COMPLAINTS_OPEN");
        assertThat(posted.get("decisionBlockers").get(0).get("count").asInt()).isEqualTo(1);
        Http.Response whileOpen = api.decide(round, "7/QĐ-UBND", "2026-11-20");
        assertThat(whileOpen.status()).isEqualTo(409);
        assertThat(fields(whileOpen)).containsExactly("complaints");

        // Upheld on the 23rd: posted again for 3 working days, to the 25th, after the clock's today.
        Http.post(api.url("/api/v1/review-rounds/" + round + "/complaints/" + complaint + "/resolution"),
                "{\"outcome\":\"UPHELD\",\"resolution\":\"Phúc tra\",\"resolvedOn\":\"2026-11-23\",\"survey\":{"
                        + "\"householdId\":\"" + household + "\"," + NEAR_POOR_RURAL + "}}").expectStatus(200);
        JsonNode reposted = api.view(round);
        assertThat(reposted.get("decisionBlockers")).hasSize(1);
        assertThat(reposted.get("decisionBlockers").get(0).get("code").asString()).isEqualTo("POSTING_NOT_ENDED");
        assertThat(reposted.get("decisionBlockers").get(0).get("until").asString()).isEqualTo("2026-11-25");
        assertThat(reposted.get("canDecideFrom").asString()).isEqualTo("2026-11-26");
        assertThat(api.decide(round, "7/QĐ-UBND", "2026-11-24").status()).isEqualTo(409);
    }

    /**
     * A draft can only reach a posted round through the store (a round surveyed before drafts existed would not have
     * one): the decision is refused while it is there, and nothing is decided.
     */
    @Test
    void aDraftLeftInARoundNeverBecomesADecision() {
        RoundCalls api = api();
        String household = api.household("04849");
        String drafted = api.household("04849");
        String round = api.posted("04849", "2026-11-16", household, POOR_RURAL);
        store.save(new Survey(round, drafted, SurveyStatus.DRAFT, "a-draft", null, "VN-MPS-2022-2025", null, null,
                List.of(), List.of(), Instant.parse("2026-11-17T02:00:00Z"), "draft-fingerprint", List.of(),
                new Survey.Answers(null, null, 1_000_000L, null, null)));

        JsonNode view = api.view(round);
        assertThat(view.get("decisionBlockers").findValuesAsString("code")).containsExactly("DRAFTS_LEFT");
        assertThat(view.get("decisionBlockers").get(0).get("count").asInt()).isEqualTo(1);
        Http.Response decision = api.decide(round, "8/QĐ-UBND", "2026-11-20");

        assertThat(decision.status()).isEqualTo(409);
        assertThat(fields(decision)).containsExactly("surveys");
        assertThat(Http.get(api.url("/api/v1/households/" + drafted + "/classes")).json()).isEmpty();
        assertThat(Http.get(api.url("/api/v1/households/" + household + "/classes")).json()).isEmpty();
        assertThat(api.view(round).get("round").get("state").asString()).isEqualTo("POSTING");
    }

    @Test
    void oneDecidedRoundHasOnlyTheAlreadyDecidedBlocker() {
        RoundCalls api = api();
        String household = api.household("04849");
        String round = api.posted("04849", "2026-11-16", household, POOR_RURAL);
        assertThat(api.view(round).get("decisionBlockers")).isEmpty();
        assertThat(api.view(round).get("canDecideFrom").asString()).isEqualTo("2026-11-17");

        api.decide(round, "9/QĐ-UBND", "2026-11-20").expectStatus(200);

        assertThat(api.view(round).get("decisionBlockers").findValuesAsString("code"))
                .containsExactly("ALREADY_DECIDED");
    }
}
