package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdAssessed;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.review.ReviewPostingStarted;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

/** A ward's review rounds from opening to decision, over HTTP, with the events checked on the topic. */
@ServiceIntegrationTest
@Import(FixedClock.class)
class ReviewRoundIT {

    private static final String POOR = "\"monthlyIncomePerCapitaVnd\":1800000,"
            + "\"deprivedIndicators\":[\"HEALTH_INSURANCE\",\"SANITATION\",\"DRINKING_WATER\"]";
    private static final String NEAR_POOR = "\"monthlyIncomePerCapitaVnd\":1900000,\"deprivedIndicators\":[\"TELECOM\"]";
    private static final String ABOVE = "\"monthlyIncomePerCapitaVnd\":4500000,\"deprivedIndicators\":[]";

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String household() {
        Http.Response created = Http.post(url("/api/v1/households"), Households.registrationJson("08707"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String open(String kind, String referenceDate) {
        Http.Response opened = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"" + kind
                + "\",\"referenceDate\":\"" + referenceDate + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("round").get("id").asString();
    }

    private Http.Response survey(String round, String household, String answers) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/surveys"),
                "{\"householdId\":\"" + household + "\"," + answers + "}");
    }

    private Http.Response meeting(String round, String date, int participants, String... votes) {
        StringBuilder json = new StringBuilder("{\"date\":\"" + date + "\",\"participants\":" + participants
                + ",\"votes\":[");
        for (int i = 0; i < votes.length; i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"householdId\":\"").append(votes[i]).append("\",\"agreeing\":")
                    .append(votes[i + 1]).append("}");
        }
        return Http.post(url("/api/v1/review-rounds/" + round + "/village-meeting"), json.append("]}").toString());
    }

    private Http.Response post(String round, String start) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/posting"), "{\"startDate\":\"" + start + "\"}");
    }

    private Http.Response decide(String round, String number, String date, String effective) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/decision"), "{\"number\":\"" + number
                + "\",\"date\":\"" + date + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"effectiveDate\":\"" + effective
                + "\"}");
    }

    private static List<ConsumerRecord<String, byte[]>> events(String household, int count) {
        return TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(household), count, Duration.ofSeconds(30));
    }

    private static String type(ConsumerRecord<String, byte[]> r) {
        return TopicProbe.header(r, CloudEventHeaders.TYPE);
    }

    @Test
    void aWardsAnnualReviewThenAMonthlyReviewChangeClassesOnlyByDecision() {
        String poor = household();
        String nearPoor = household();
        String above = household();
        String annual = open("ANNUAL", "2026-09-15");
        assertThat(survey(annual, poor, POOR).json().get("classification").asString()).isEqualTo("POOR");
        survey(annual, nearPoor, NEAR_POOR);
        survey(annual, above, ABOVE);
        assertThat(Http.get(url("/api/v1/households/" + poor)).json().get("currentClass").isNull()).isTrue();

        assertThat(meeting(annual, "2026-10-05", 20, poor, "15", nearPoor, "12", above, "10").status()).isEqualTo(200);
        JsonNode posted = post(annual, "2026-10-07").json();
        assertThat(posted.get("round").get("postingEndsOn").asString()).isEqualTo("2026-10-09");
        JsonNode decided = decide(annual, "125/QĐ-UBND", "2026-10-12", "2027-01-01").json();

        assertThat(decided.get("round").get("state").asString()).isEqualTo("CLOSED");
        List<ConsumerRecord<String, byte[]>> poorEvents = events(poor, 3);
        assertThat(poorEvents).extracting(ReviewRoundIT::type).containsExactly(
                EventTypes.HOUSEHOLD_REGISTERED.ceType(), EventTypes.HOUSEHOLD_ASSESSED.ceType(),
                EventTypes.HOUSEHOLD_RECLASSIFIED.ceType());
        HouseholdAssessed assessed = EventCodec.readPayload(poorEvents.get(1).value(), EventTypes.HOUSEHOLD_ASSESSED);
        assertThat(assessed.sequence()).isEqualTo(2);
        assertThat(assessed.standard()).isEqualTo("VN-MPS-2022-2025");
        assertThat(assessed.areaType()).isEqualTo("URBAN");
        assertThat(assessed.deprivedIndicators()).containsExactly("HEALTH_INSURANCE", "SANITATION", "DRINKING_WATER");
        assertThat(assessed.reviewRoundId()).isEqualTo(annual);
        HouseholdReclassified first = EventCodec.readPayload(poorEvents.get(2).value(),
                EventTypes.HOUSEHOLD_RECLASSIFIED);
        assertThat(first.sequence()).isEqualTo(3);
        assertThat(first.fromClass()).isNull();
        assertThat(first.toClass()).isEqualTo(HouseholdClass.POOR);
        assertThat(first.transition()).isEqualTo(Transition.INITIAL);
        assertThat(first.decisionNumber()).isEqualTo("125/QĐ-UBND");
        assertThat(first.effectiveDate()).isEqualTo(LocalDate.parse("2027-01-01"));

        // A month later the poor household escapes and the above one stays: only the first is reclassified.
        String monthly = open("MONTHLY", "2026-11-15");
        survey(monthly, poor, NEAR_POOR);
        survey(monthly, above, ABOVE);
        meeting(monthly, "2026-11-16", 10, poor, "6", above, "5");
        post(monthly, "2026-11-17");
        assertThat(decide(monthly, "140/QĐ-UBND", "2026-11-23", "2026-11-23").status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> later = events(poor, 5);
        HouseholdReclassified escaped = EventCodec.readPayload(later.get(4).value(),
                EventTypes.HOUSEHOLD_RECLASSIFIED);
        assertThat(escaped.fromClass()).isEqualTo(HouseholdClass.POOR);
        assertThat(escaped.toClass()).isEqualTo(HouseholdClass.NEAR_POOR);
        assertThat(escaped.transition()).isEqualTo(Transition.ESCAPED_POVERTY);
        assertThat(escaped.newlyEscapedUntil()).isEqualTo(LocalDate.parse("2029-11-22"));
        assertThat(events(above, 4)).extracting(ReviewRoundIT::type).containsExactly(
                EventTypes.HOUSEHOLD_REGISTERED.ceType(), EventTypes.HOUSEHOLD_ASSESSED.ceType(),
                EventTypes.HOUSEHOLD_RECLASSIFIED.ceType(), EventTypes.HOUSEHOLD_ASSESSED.ceType());

        JsonNode classes = Http.get(url("/api/v1/households/" + poor + "/classes")).json();
        assertThat(classes.findValuesAsString("decisionNumber")).containsExactly("125/QĐ-UBND", "140/QĐ-UBND");
        assertThat(classes.get(1).get("explanation").size()).isGreaterThan(3);
        JsonNode household = Http.get(url("/api/v1/households/" + poor)).json();
        assertThat(household.get("currentClass").asString()).isEqualTo("NEAR_POOR");
        assertThat(household.get("newlyEscapedUntil").asString()).isEqualTo("2029-11-22");

        // The same decision again changes nothing.
        assertThat(decide(monthly, "140/QĐ-UBND", "2026-11-23", "2026-11-23").status()).isEqualTo(409);
        assertThat(Http.get(url("/api/v1/households/" + poor + "/classes")).json()).hasSize(2);
    }

    @Test
    void aHouseholdWithoutTheMeetingsAgreementGoesBackToSurvey() {
        String household = household();
        String round = open("MONTHLY", "2026-11-15");
        survey(round, household, POOR);

        JsonNode afterVote = meeting(round, "2026-11-16", 20, household, "9").json();

        assertThat(afterVote.get("surveys").get(0).get("status").asString()).isEqualTo("BACK_TO_SURVEY");
        assertThat(post(round, "2026-11-17").status()).isEqualTo(409);
        assertThat(meeting(round, "2026-11-17", 20, household, "15").status()).isEqualTo(409);
        assertThat(survey(round, household, NEAR_POOR).json().get("classification").asString()).isEqualTo("NEAR_POOR");
        JsonNode agreed = meeting(round, "2026-11-18", 20, household, "10").json();
        assertThat(agreed.get("surveys").get(0).get("status").asString()).isEqualTo("AGREED");
        assertThat(agreed.get("surveys").get(0).get("votes")).hasSize(2);
        assertThat(post(round, "2026-11-19").status()).isEqualTo(200);
    }

    @Test
    void aDecisionIsRefusedBeforePostingOrBeforePostingEndsAndChangesNothing() {
        String household = household();
        String round = open("MONTHLY", "2026-11-15");
        survey(round, household, POOR);

        Http.Response notPosted = decide(round, "1/QĐ-UBND", "2026-11-30", "2026-11-30");
        assertThat(notPosted.status()).isEqualTo(409);
        assertThat(notPosted.body()).contains("needs a posted round");

        meeting(round, "2026-11-16", 10, household, "10");
        post(round, "2026-11-17");
        Http.Response tooEarly = decide(round, "1/QĐ-UBND", "2026-11-19", "2026-11-19");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("errors").findValuesAsString("field")).containsExactly("date");
        assertThat(tooEarly.body()).contains("2026-11-19");

        assertThat(Http.get(url("/api/v1/households/" + household)).json().get("currentClass").isNull()).isTrue();
        assertThat(Http.get(url("/api/v1/review-rounds/" + round)).json().get("round").get("state").asString())
                .isEqualTo("POSTING");
    }

    @Test
    void aComplaintUpheldDuringPostingCorrectsTheResultAndRestartsThePosting() {
        // A week before the test clock's today (2026-11-24): a decision is not dated after today.
        String household = household();
        String round = open("MONTHLY", "2026-11-08");
        survey(round, household, POOR);
        meeting(round, "2026-11-09", 10, household, "10");
        post(round, "2026-11-10");
        Http.Response complaint = Http.post(url("/api/v1/review-rounds/" + round + "/complaints"),
                "{\"householdId\":\"" + household + "\",\"text\":\"Thu nhập của hộ ghi sai\",\"filedOn\":\"2026-11-11\"}");
        assertThat(complaint.status()).isEqualTo(201);
        assertThat(decide(round, "2/QĐ-UBND", "2026-11-16", "2026-11-16").body()).contains("re-checked");

        JsonNode resolved = Http.post(url("/api/v1/review-rounds/" + round + "/complaints/"
                + complaint.json().get("id").asString() + "/resolution"), "{\"outcome\":\"UPHELD\",\"resolution\":"
                + "\"Phúc tra: thu nhập 1.900.000 đồng\",\"resolvedOn\":\"2026-11-13\",\"survey\":{\"householdId\":\""
                + household + "\"," + NEAR_POOR + "}}").json();

        assertThat(resolved.get("round").get("postingEndsOn").asString()).isEqualTo("2026-11-17");
        assertThat(resolved.get("surveys").get(0).get("classification").asString()).isEqualTo("NEAR_POOR");
        assertThat(decide(round, "2/QĐ-UBND", "2026-11-18", "2026-11-18").status()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/households/" + household)).json().get("currentClass").asString())
                .isEqualTo("NEAR_POOR");

        // The posting and the re-posting each told the platform when the posting ends (notification-service
        // writes to the ward's officers when it has).
        List<ReviewPostingStarted> postings = TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(round), 2,
                Duration.ofSeconds(30)).stream()
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.REVIEW_POSTING_STARTED)).toList();
        assertThat(postings).extracting(ReviewPostingStarted::postingStartedOn, ReviewPostingStarted::postingEndsOn)
                .containsExactly(tuple(LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-12")),
                        tuple(LocalDate.parse("2026-11-13"), LocalDate.parse("2026-11-17")));
        assertThat(postings.get(1).sequence()).isGreaterThan(postings.get(0).sequence());
        assertThat(postings.get(0)).extracting(ReviewPostingStarted::unitCode, ReviewPostingStarted::kind,
                ReviewPostingStarted::households, ReviewPostingStarted::agreed)
                .containsExactly("08707", "MONTHLY", 1, 1);
    }

    private JsonNode simulate(String standard) {
        Http.Response response = Http.post(url("/api/v1/simulations"), "{\"standard\":\"" + standard
                + "\",\"referenceDate\":\"2027-01-01\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static long count(JsonNode node, String... path) {
        JsonNode value = node;
        for (String step : path) {
            value = value.get(step);
            if (value == null) {
                return 0;
            }
        }
        return value.asLong();
    }

    @Test
    void simulatingThe2027StandardOnTodaysRegistryShowsTheTransitionsAndChangesNothing() {
        String middleToday = household();
        String nearPoorToday = household();
        String round = open("MONTHLY", "2026-11-15");
        survey(round, middleToday, "\"monthlyIncomePerCapitaVnd\":2500000,"
                + "\"deprivedIndicators\":[\"HEALTH_INSURANCE\",\"SANITATION\",\"INFORMATION_ACCESS\",\"TELECOM\"]");
        survey(round, nearPoorToday, NEAR_POOR);
        JsonNode before = simulate("VN-MPS-2027-2030");
        meeting(round, "2026-11-16", 10, middleToday, "10", nearPoorToday, "10");
        post(round, "2026-11-17");
        decide(round, "9/QĐ-UBND", "2026-11-23", "2026-11-23");
        long version = Http.get(url("/api/v1/households/" + middleToday)).json().get("version").asLong();

        JsonNode after = simulate("VN-MPS-2027-2030");

        assertThat(after.get("standard").asString()).isEqualTo("VN-MPS-2027-2030");
        assertThat(count(after, "current", "MIDDLE") - count(before, "current", "MIDDLE")).isEqualTo(1);
        assertThat(count(after, "simulated", "POOR") - count(before, "simulated", "POOR")).isEqualTo(1);
        assertThat(count(after, "simulated", "NEAR_POOR") - count(before, "simulated", "NEAR_POOR")).isEqualTo(1);
        assertThat(count(after, "units", "08707", "transitions", "MIDDLE->POOR")
                - count(before, "units", "08707", "transitions", "MIDDLE->POOR")).isEqualTo(1);
        assertThat(after.get("indicatorsDropped").valueStream().map(JsonNode::asString)).contains("INFORMATION_ACCESS");
        assertThat(after.get("indicatorsNotSurveyed").valueStream().map(JsonNode::asString)).containsExactly("WASTE");
        assertThat(Http.get(url("/api/v1/households/" + middleToday)).json().get("version").asLong()).isEqualTo(version);
        assertThat(Http.get(url("/api/v1/households/" + middleToday)).json().get("currentClass").asString())
                .isEqualTo("MIDDLE");
        assertThat(Http.post(url("/api/v1/simulations"), "{\"standard\":\"VN-MPS-1990\",\"referenceDate\":\"2027-01-01\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void aHouseholdRegisteredInAMergedWardIsReviewedByTheWardThatNowCoversIt() {
        String json = Households.registrationJson("08710").replace("\"members\"",
                "\"registeredOn\":\"2022-03-01\",\"members\"");
        Http.Response registered = Http.post(url("/api/v1/households"), json);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String lienBao = registered.json().get("id").asString();
        String vinhYen = open("MONTHLY", "2026-11-15");
        String vinhPhuc = Http.post(url("/api/v1/review-rounds"),
                "{\"unitCode\":\"08716\",\"kind\":\"MONTHLY\",\"referenceDate\":\"2026-11-15\"}").json()
                .get("round").get("id").asString();

        Http.Response wrongWard = survey(vinhYen, lienBao, POOR);
        assertThat(wrongWard.status()).isEqualTo(400);
        assertThat(wrongWard.body()).contains("belongs to unit 08710 (now 08716)");
        assertThat(survey(vinhPhuc, lienBao, POOR).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        String household = household();
        String otherWard = Http.post(url("/api/v1/households"), Households.registrationJson("08716")).json()
                .get("id").asString();
        String round = open("MONTHLY", "2026-11-15");

        Http.Response outside = survey(round, otherWard, POOR);
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("errors").findValuesAsString("field")).containsExactly("householdId");
        assertThat(outside.body()).contains("belongs to unit 08716");

        Http.Response outOfWindow = Http.post(url("/api/v1/review-rounds"),
                "{\"unitCode\":\"08707\",\"kind\":\"ANNUAL\",\"referenceDate\":\"2026-03-01\"}");
        assertThat(outOfWindow.status()).isEqualTo(400);
        assertThat(outOfWindow.json().get("errors").findValuesAsString("field")).containsExactly("referenceDate");

        Http.Response goneUnit = Http.post(url("/api/v1/review-rounds"),
                "{\"unitCode\":\"08710\",\"kind\":\"MONTHLY\",\"referenceDate\":\"2026-11-15\"}");
        assertThat(goneUnit.status()).isEqualTo(400);

        survey(round, household, POOR);
        meeting(round, "2026-11-16", 10, household, "10");
        post(round, "2026-11-17");
        Http.Response signer = Http.post(url("/api/v1/review-rounds/" + round + "/decision"),
                "{\"number\":\"3/QĐ\",\"date\":\"2026-11-25\",\"signerRole\":\"DISTRICT_CHAIRMAN\"}");
        assertThat(signer.status()).isEqualTo(400);
        assertThat(signer.json().get("errors").findValuesAsString("field")).containsExactly("signerRole");
        assertThat(Http.get(url("/api/v1/review-rounds/nope")).status()).isEqualTo(404);
    }
}
