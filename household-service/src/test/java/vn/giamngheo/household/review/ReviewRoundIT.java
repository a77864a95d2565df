package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /** The end-2025 annual review makes the 2026 lists; a monthly review of November 2026 changes one of them. */
    @Test
    void aWardsAnnualReviewThenAMonthlyReviewChangeClassesOnlyByDecision() {
        String poor = household();
        String nearPoor = household();
        String above = household();
        String annual = open("ANNUAL", "2025-09-15");
        assertThat(survey(annual, poor, POOR).json().get("classification").asString()).isEqualTo("POOR");
        survey(annual, nearPoor, NEAR_POOR);
        survey(annual, above, ABOVE);
        assertThat(Http.get(url("/api/v1/households/" + poor)).json().get("currentClass").isNull()).isTrue();

        assertThat(meeting(annual, "2025-10-05", 20, poor, "15", nearPoor, "12", above, "10").status()).isEqualTo(200);
        JsonNode posted = post(annual, "2025-10-07").json();
        assertThat(posted.get("round").get("postingEndsOn").asString()).isEqualTo("2025-10-09");
        JsonNode decided = decide(annual, "125/QĐ-UBND", "2025-10-13", "2026-01-01").json();

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
        assertThat(first.effectiveDate()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(first.decisionDate()).isEqualTo(LocalDate.parse("2025-10-13"));

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
        return simulate(standard, "{\"choice\":\"AS_FILED\"}");
    }

    private Http.Response simulation(String standard, String middleBand) {
        return Http.post(url("/api/v1/simulations"), "{\"standard\":\"" + standard
                + "\",\"referenceDate\":\"2027-01-01\"" + (middleBand == null ? "" : ",\"middleBand\":" + middleBand)
                + "}");
    }

    private JsonNode simulate(String standard, String middleBand) {
        Http.Response response = simulation(standard, middleBand);
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

    private String open(String kind, String referenceDate, String extra) {
        Http.Response opened = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"" + kind
                + "\",\"referenceDate\":\"" + referenceDate + "\"" + extra + "}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("round").get("id").asString();
    }

    private Http.Response decide(String round, String number, String date) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/decision"), "{\"number\":\"" + number
                + "\",\"date\":\"" + date + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}");
    }

    /**
     * Issue 21: the end-2026 annual review prepares the 2027 lists under the 2027–2030 standard, and its households
     * change class on 1 January 2027, not on the signing day.
     */
    @Test
    void anAnnualRoundOf2026AppliesThe2027StandardAndItsDecisionTakesEffectOn1January() {
        String poor = household();
        String middle = household();
        JsonNode opened = Http.post(url("/api/v1/review-rounds"),
                "{\"unitCode\":\"08707\",\"kind\":\"ANNUAL\",\"referenceDate\":\"2026-11-15\"}").json();
        String round = opened.get("round").get("id").asString();

        assertThat(opened.get("round").get("standard").asString()).isEqualTo("VN-MPS-2027-2030");
        assertThat(opened.get("provisionalStandard").asBoolean()).isTrue();
        assertThat(opened.get("decisionTakesEffectOn").asString()).isEqualTo("2027-01-01");
        assertThat(opened.get("requests").isNull()).isTrue();
        // 2.5 M per person in a ward is poor under the 2027 lines (2.8 M urban), middle-living under the 2022 ones.
        JsonNode poorSurvey = survey(round, poor, "\"monthlyIncomePerCapitaVnd\":2500000,"
                + "\"deprivedIndicators\":[\"WASTE\",\"TELECOM\",\"SANITATION\"]").json();
        assertThat(poorSurvey.get("classification").asString()).isEqualTo("POOR");
        assertThat(poorSurvey.get("standard").asString()).isEqualTo("VN-MPS-2027-2030");
        JsonNode middleSurvey = survey(round, middle, "\"monthlyIncomePerCapitaVnd\":2900000,\"deprivedIndicators\":[]")
                .json();
        assertThat(middleSurvey.get("classification").asString()).isEqualTo("MIDDLE");
        assertThat(middleSurvey.get("explanation").valueStream().map(JsonNode::asString))
                .anySatisfy(line -> assertThat(line).contains("còn tạm thời"));
        meeting(round, "2026-11-16", 10, poor, "10", middle, "10");
        assertThat(post(round, "2026-11-17").json().get("round").get("postingEndsOn").asString())
                .isEqualTo("2026-11-19");

        Http.Response otherDay = decide(round, "150/QĐ-UBND", "2026-11-23", "2026-11-23");
        assertThat(otherDay.status()).isEqualTo(400);
        assertThat(otherDay.json().get("errors").findValuesAsString("field")).containsExactly("effectiveDate");
        JsonNode decided = decide(round, "150/QĐ-UBND", "2026-11-23").json();

        assertThat(decided.get("round").get("decision").get("effectiveDate").asString()).isEqualTo("2027-01-01");
        assertThat(decided.get("decisionTakesEffectOn").asString()).isEqualTo("2027-01-01");
        HouseholdReclassified reclassified = EventCodec.readPayload(events(poor, 3).get(2).value(),
                EventTypes.HOUSEHOLD_RECLASSIFIED);
        assertThat(reclassified.toClass()).isEqualTo(HouseholdClass.POOR);
        assertThat(reclassified.standard()).isEqualTo("VN-MPS-2027-2030");
        assertThat(reclassified.decisionDate()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(reclassified.effectiveDate()).isEqualTo(LocalDate.parse("2027-01-01"));
        ReviewPostingStarted posting = EventCodec.readPayload(TopicProbe.await(Topics.HOUSEHOLD_EVENTS,
                TopicProbe.key(round), 1, Duration.ofSeconds(30)).getFirst().value(), EventTypes.REVIEW_POSTING_STARTED);
        assertThat(posting.standard()).isEqualTo("VN-MPS-2027-2030");

        // On 24 November 2026 the household is not poor yet: it is from 1 January 2027.
        JsonNode household = Http.get(url("/api/v1/households/" + poor)).json();
        assertThat(household.get("currentClass").isNull()).isTrue();
        assertThat(household.get("upcomingClass").get("householdClass").asString()).isEqualTo("POOR");
        assertThat(household.get("upcomingClass").get("from").asString()).isEqualTo("2027-01-01");
        assertThat(household.get("upcomingClass").get("standard").asString()).isEqualTo("VN-MPS-2027-2030");
        assertThat(Http.get(url("/api/v1/households?unitCode=08707&class=POOR&size=500")).json().get("items")
                .findValuesAsString("id")).doesNotContain(poor);
    }

    /** Issue 21: a monthly round keeps today's rule: the standard of its date, in effect on its decision's date. */
    @Test
    void aMonthlyRoundOn20NovemberAppliesThe2022StandardAndTakesEffectOnItsDecisionDate() {
        String household = household();
        String round = open("MONTHLY", "2026-11-20", ",\"postingWorkingDays\":1");
        JsonNode surveyed = survey(round, household, POOR).json();
        assertThat(surveyed.get("standard").asString()).isEqualTo("VN-MPS-2022-2025");
        meeting(round, "2026-11-20", 10, household, "10");
        assertThat(post(round, "2026-11-20").json().get("round").get("postingEndsOn").asString())
                .isEqualTo("2026-11-20");

        JsonNode decided = decide(round, "151/QĐ-UBND", "2026-11-23").json();

        assertThat(decided.get("round").get("standard").asString()).isEqualTo("VN-MPS-2022-2025");
        assertThat(decided.get("provisionalStandard").asBoolean()).isFalse();
        assertThat(decided.get("decisionTakesEffectOn").asString()).isEqualTo("2026-11-23");
        HouseholdReclassified reclassified = EventCodec.readPayload(events(household, 3).get(2).value(),
                EventTypes.HOUSEHOLD_RECLASSIFIED);
        assertThat(reclassified.effectiveDate()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(Http.get(url("/api/v1/households/" + household)).json().get("currentClass").asString())
                .isEqualTo("POOR");
        assertThat(Http.get(url("/api/v1/households?unitCode=08707&class=POOR&size=500")).json().get("items")
                .findValuesAsString("id")).contains(household);
    }

    /** The end-2021 review made the 2022 lists with the 2022–2025 standard, the same way. */
    @Test
    void anAnnualRoundOf2021AppliesThe2022Standard() {
        JsonNode opened = Http.post(url("/api/v1/review-rounds"),
                "{\"unitCode\":\"08707\",\"kind\":\"ANNUAL\",\"referenceDate\":\"2021-10-01\"}").json();

        assertThat(opened.get("round").get("standard").asString()).isEqualTo("VN-MPS-2022-2025");
        assertThat(opened.get("decisionTakesEffectOn").asString()).isEqualTo("2022-01-01");
        // Naming a standard still wins.
        assertThat(Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"ANNUAL\","
                + "\"referenceDate\":\"2026-11-15\",\"standard\":\"VN-MPS-2022-2025\"}").json().get("round")
                .get("standard").asString()).isEqualTo("VN-MPS-2022-2025");
    }

    @Test
    void anAnnualDecisionAfter14DecemberIsRefusedAndChangesNothing() {
        String household = household();
        String round = open("ANNUAL", "2025-11-17");
        survey(round, household, POOR);
        meeting(round, "2025-11-18", 10, household, "10");
        post(round, "2025-11-19");

        Http.Response late = decide(round, "160/QĐ-UBND", "2025-12-15");

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("errors").findValuesAsString("field")).containsExactly("date");
        assertThat(late.body()).contains("2025-12-14");
        assertThat(Http.get(url("/api/v1/review-rounds/" + round)).json().get("round").get("state").asString())
                .isEqualTo("POSTING");
        assertThat(Http.get(url("/api/v1/households/" + household + "/classes")).json()).isEmpty();
        assertThat(decide(round, "160/QĐ-UBND", "2025-12-14").status()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/households/" + household + "/classes")).json().get(0).get("effectiveDate")
                .asString()).isEqualTo("2026-01-01");
    }

    /**
     * Issue 21: which middle band the 2027–2030 standard has is an explicit choice of the simulation, and each choice
     * shows how many households it moves. Counted as the difference the decision of two households makes, since the
     * registry is shared with the other tests.
     */
    @Test
    void theMiddleBandOf2027IsAnExplicitChoiceAndEachShowsTheHouseholdsItMoves() {
        String AS_FILED = "{\"choice\":\"AS_FILED\"}";
        String NONE = "{\"choice\":\"NONE\"}";
        String PROPOSED = "{\"choice\":\"PROPOSED\",\"ruralVnd\":2300000,\"urbanVnd\":2850000}";
        String inBand = household();
        String belowNewLine = household();
        String round = open("MONTHLY", "2026-11-15");
        // Both are middle-living under the 2022 lines; in 2027 the first stays in the carried band, the second is
        // within the new poverty line.
        survey(round, inBand, "\"monthlyIncomePerCapitaVnd\":2900000,\"deprivedIndicators\":[]");
        survey(round, belowNewLine, "\"monthlyIncomePerCapitaVnd\":2600000,\"deprivedIndicators\":[]");
        Map<String, JsonNode> before = Map.of("AS_FILED", simulate("VN-MPS-2027-2030", AS_FILED),
                "NONE", simulate("VN-MPS-2027-2030", NONE), "PROPOSED", simulate("VN-MPS-2027-2030", PROPOSED));
        meeting(round, "2026-11-16", 10, inBand, "10", belowNewLine, "10");
        post(round, "2026-11-17");
        decide(round, "170/QĐ-UBND", "2026-11-23", "2026-11-23");

        JsonNode asFiled = simulate("VN-MPS-2027-2030", AS_FILED);
        JsonNode none = simulate("VN-MPS-2027-2030", NONE);
        JsonNode proposed = simulate("VN-MPS-2027-2030", PROPOSED);

        assertThat(count(asFiled, "moved") - count(before.get("AS_FILED"), "moved")).isEqualTo(1);
        assertThat(count(asFiled, "transitions", "MIDDLE->NEAR_POOR")
                - count(before.get("AS_FILED"), "transitions", "MIDDLE->NEAR_POOR")).isEqualTo(1);
        assertThat(count(asFiled, "transitions", "MIDDLE->ABOVE")
                - count(before.get("AS_FILED"), "transitions", "MIDDLE->ABOVE")).isZero();
        assertThat(asFiled.get("middleBand").get("lines").get("URBAN").asLong()).isEqualTo(3_000_000);
        assertThat(asFiled.get("middleBand").get("provisionalReason").asString()).contains("2022–2025");
        assertThat(count(none, "moved") - count(before.get("NONE"), "moved")).isEqualTo(2);
        assertThat(count(none, "transitions", "MIDDLE->ABOVE")
                - count(before.get("NONE"), "transitions", "MIDDLE->ABOVE")).isEqualTo(1);
        assertThat(none.get("middleBand").get("choice").asString()).isEqualTo("NONE");
        assertThat(none.get("middleBand").get("lines").isNull()).isTrue();
        assertThat(count(proposed, "moved") - count(before.get("PROPOSED"), "moved")).isEqualTo(2);
        assertThat(proposed.get("middleBand").get("lines").get("URBAN").asLong()).isEqualTo(2_850_000);
        assertThat(proposed.get("middleBand").get("provisionalReason").asString()).contains("proposed");

        // Without a choice, the provisional band is not applied silently; a wrong band is named.
        for (String[] bad : new String[][] {{null, "middleBand"},
                {"{\"choice\":\"PROPOSED\",\"ruralVnd\":2300000}", "middleBand.urbanVnd"},
                {"{\"choice\":\"PROPOSED\",\"ruralVnd\":2300000,\"urbanVnd\":2800000}", "middleBand.urbanVnd"},
                {"{\"choice\":\"NONE\",\"ruralVnd\":2300000}", "middleBand.ruralVnd"},
                {"{\"choice\":\"SOME\"}", "middleBand.choice"}}) {
            Http.Response refused = simulation("VN-MPS-2027-2030", bad[0]);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(refused.body()).contains(bad[1]);
        }
        // A standard whose band is settled needs no choice.
        assertThat(simulation("VN-MPS-2022-2025", null).status()).isEqualTo(200);
    }
}
