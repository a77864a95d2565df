package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.household.registry.Sex;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/**
 * Review requests a household sends itself from the public self-assessment page (issue 23, contract S), over HTTP with
 * the test clock on 24 November 2026: sent without a token, given a receipt that says nothing about whether the
 * citizen id is a registered person's, listed for the commune's officers with the household it probably is, and
 * verified — an ordinary open request received the day it was sent — or rejected with the reason.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class OnlineReviewRequestIT {

    /** The day of the test clock: a request sent today is taken by the review of 15 December, answered by the 30th. */
    private static final String TODAY = "2026-11-24";

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A registered household of {@code unit} whose head has {@code headCitizenId}. */
    private String household(String unit, String headCitizenId) {
        return Http.post(url("/api/v1/households"), Households.registrationJson(unit, headCitizenId,
                citizenId(Sex.FEMALE, "1971-09-02"))).expectStatus(201).json().get("id").asString();
    }

    private static String citizenId(Sex sex, String born) {
        return Households.newCitizenId(sex, LocalDate.parse(born));
    }

    private static String form(String unit, String citizenId, String form) {
        return "{\"unitCode\":\"" + unit + "\",\"village\":\"Tổ dân phố Đồng Tâm 3\",\"headName\":\"Nguyễn Văn An\","
                + "\"citizenId\":\"" + citizenId + "\",\"phone\":\"0912 345 678\",\"form\":\"" + form + "\","
                + "\"consent\":true}";
    }

    /** Sent from the public page: no token. */
    private Http.Response submit(String body) {
        return Http.as(null, () -> Http.post(url("/api/v1/review-requests/online"), body));
    }

    private Http.Response verify(String id, String body) {
        return Http.post(url("/api/v1/review-requests/" + id + "/verification"), body);
    }

    private JsonNode awaiting(String receipt) {
        return Http.get(url("/api/v1/review-requests?unitCode=08707&status=AWAITING_VERIFICATION")).json()
                .valueStream().filter(r -> r.get("receiptNumber").asString().equals(receipt)).findFirst()
                .orElse(null);
    }

    private Document stored(String id) {
        return database.getCollection("review_requests").find(Filters.eq("_id", id)).first();
    }

    private static List<String> fields(Http.Response response) {
        return response.json().get("errors").findValuesAsString("field");
    }

    @Test
    void aRequestSentOnlineGetsAReceiptAndIsVerifiedIntoAnOpenRequestOfTheDayItWasSent() {
        String headId = citizenId(Sex.MALE, "1968-03-14");
        String household = household("08707", headId);

        Http.Response sent = submit(form("08707", headId, "FORM_01"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode receipt = sent.json();
        assertThat(receipt.propertyNames()).containsExactlyInAnyOrder("receiptNumber", "receivedOn", "unitName",
                "reviewStartsOn", "dueBy");
        String number = receipt.get("receiptNumber").asString();
        assertThat(number).matches("TD-08707-2611-\\d{4}");
        assertThat(receipt.get("receivedOn").asString()).isEqualTo(TODAY);
        assertThat(receipt.get("unitName").asString()).isEqualTo("Phường Vĩnh Yên");
        assertThat(receipt.get("reviewStartsOn").asString()).isEqualTo("2026-12-15");
        assertThat(receipt.get("dueBy").asString()).isEqualTo("2026-12-30");
        // The same person, unit and form again the same day: the same receipt.
        Http.Response again = submit(form("08707", headId, "FORM_01"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("receiptNumber").asString()).isEqualTo(number);

        // The commune's queue: who sent it, the citizen id masked, the household it probably is; not due yet.
        JsonNode queued = awaiting(number);
        assertThat(queued).as("awaiting verification in 08707").isNotNull();
        assertThat(queued.get("id").asString()).isEqualTo(number);
        assertThat(queued.get("status").asString()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(queued.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(queued.get("householdId").isNull()).isTrue();
        assertThat(queued.get("headName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(queued.get("village").asString()).isEqualTo("Tổ dân phố Đồng Tâm 3");
        assertThat(queued.get("phone").asString()).isEqualTo("0912345678");
        assertThat(queued.get("citizenIdMasked").asString()).isEqualTo("********" + headId.substring(8));
        assertThat(queued.toString()).doesNotContain(headId);
        assertThat(queued.get("suggestedHouseholdId").asString()).isEqualTo(household);
        assertThat(queued.get("dueBy").asString()).isEqualTo("2026-12-30");
        assertThat(Http.get(url("/api/v1/review-requests?unitCode=08707&status=AWAITING_VERIFICATION")).json()
                .findValuesAsString("receiptNumber")).containsOnlyOnce(number);
        // Another service's token sees the request, not who sent it.
        JsonNode forService = Http.as(TestTokens.role("PLATFORM_SERVICE", "*"), () -> Http.get(url(
                "/api/v1/review-requests/" + number))).expectStatus(200).json();
        assertThat(forService.get("receiptNumber").asString()).isEqualTo(number);
        for (String hidden : List.of("headName", "village", "phone", "citizenIdMasked", "suggestedHouseholdId")) {
            assertThat(forService.get(hidden).isNull()).as(hidden).isTrue();
        }

        // Sent on 10 October (as if): awaiting verification it is not overdue, whatever the day.
        database.getCollection("review_requests").updateOne(Filters.eq("_id", number),
                Updates.set("receivedOn", "2026-10-10"));
        JsonNode old = Http.get(url("/api/v1/review-requests/" + number)).json();
        assertThat(old.get("dueBy").asString()).isEqualTo("2026-10-30");
        assertThat(old.get("overdue").asBoolean()).isFalse();

        Http.Response verified = verify(number, "{\"householdId\":\"" + household + "\"}");

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode open = verified.json();
        assertThat(open.get("id").asString()).isEqualTo(number);
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("householdId").asString()).isEqualTo(household);
        assertThat(open.get("receivedOn").asString()).isEqualTo("2026-10-10");
        assertThat(open.get("reviewStartsOn").asString()).isEqualTo("2026-10-15");
        assertThat(open.get("dueBy").asString()).isEqualTo("2026-10-30");
        assertThat(open.get("overdue").asBoolean()).isTrue();
        assertThat(open.get("recordedBy").asString()).isNotEqualTo("online");
        assertThat(Http.get(url("/api/v1/review-requests?unitCode=08707&overdue=true")).json()
                .findValuesAsString("id")).contains(number);
        // The citizen id is erased once verified; its last four digits stay.
        Document applicant = stored(number).get("applicant", Document.class);
        assertThat(applicant.getString("citizenId")).isNull();
        assertThat(applicant.getString("citizenIdMasked")).endsWith(headId.substring(8));
        assertThat(database.getCollection("review_request_submissions").countDocuments(
                Filters.eq("requestId", number))).isZero();
        assertThat(awaiting(number)).isNull();
        // Verified once: again is a conflict, and nothing changes.
        Http.Response twice = verify(number, "{\"householdId\":\"" + household + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(fields(twice)).containsExactly("status");
        assertThat(verify(number, "{\"rejected\":true,\"reason\":\"Không rõ\"}").status()).isEqualTo(409);
        // The counter recording the same household, form and day answers with it.
        Http.Response atCounter = Http.post(url("/api/v1/review-requests"), "{\"householdId\":\"" + household
                + "\",\"form\":\"FORM_01\",\"receivedOn\":\"2026-10-10\"}");
        assertThat(atCounter.status()).isEqualTo(200);
        assertThat(atCounter.json().get("id").asString()).isEqualTo(number);
    }

    @Test
    void theReceiptNeverTellsWhetherTheCitizenIdIsARegisteredPersons() {
        String registered = citizenId(Sex.MALE, "1968-03-14");
        household("08707", registered);
        String unknown = citizenId(Sex.MALE, "1968-03-14");

        Http.Response known = submit(form("08707", registered, "FORM_01"));
        Http.Response stranger = submit(form("08707", unknown, "FORM_01"));

        assertThat(known.status()).isEqualTo(201);
        assertThat(stranger.status()).isEqualTo(201);
        assertThat(stranger.json().propertyNames()).containsExactlyInAnyOrderElementsOf(known.json().propertyNames());
        for (String same : List.of("receivedOn", "unitName", "reviewStartsOn", "dueBy")) {
            assertThat(stranger.json().get(same)).isEqualTo(known.json().get(same));
        }
        String strangerNumber = stranger.json().get("receiptNumber").asString();
        assertThat(strangerNumber).isNotEqualTo(known.json().get("receiptNumber").asString());
        // The officers see that no household matches it.
        assertThat(awaiting(strangerNumber).get("suggestedHouseholdId").isNull()).isTrue();
    }

    @Test
    void aHouseholdOfAnotherUnitOrNotOnTheListIsRefusedAndARequestNobodyMatchesIsRejected() {
        String headId = citizenId(Sex.MALE, "1968-03-14");
        String own = household("08707", headId);
        String elsewhere = household("08716", citizenId(Sex.MALE, "1968-03-14"));
        String id = submit(form("08707", headId, "FORM_04")).expectStatus(201).json().get("receiptNumber")
                .asString();

        for (String[] bad : new String[][] {
                {"{\"householdId\":\"" + elsewhere + "\"}", "householdId"},
                {"{\"householdId\":\"no-such-household\"}", "householdId"},
                {"{}", "householdId"},
                {"{\"householdId\":\"   \"}", "householdId"},
                // Form 04 asks to leave the list: this household is not on it.
                {"{\"householdId\":\"" + own + "\"}", "householdId"},
                {"{\"rejected\":true}", "reason"},
                {"{\"rejected\":true,\"reason\":\"  \"}", "reason"},
                {"{\"rejected\":true,\"reason\":\"Không rõ\",\"householdId\":\"" + own + "\"}", "householdId"}}) {
            Http.Response refused = verify(id, bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(fields(refused)).as(refused.body()).containsExactly(bad[1]);
        }
        assertThat(awaiting(id).get("status").asString()).isEqualTo("AWAITING_VERIFICATION");
        // An officer of another ward neither reads nor verifies it.
        String other = TestTokens.role("WARD_OFFICER", "08716");
        assertThat(Http.status(other, "POST", url("/api/v1/review-requests/" + id + "/verification"),
                "{\"householdId\":\"" + elsewhere + "\"}")).isEqualTo(403);
        assertThat(Http.status(other, "GET", url("/api/v1/review-requests/" + id), null)).isEqualTo(403);
        assertThat(Http.status(other, "GET", url("/api/v1/review-requests?unitCode=08707"), null)).isEqualTo(403);
        // The queue is for officers: not the public, not the chairman's verification.
        assertThat(Http.status(null, "GET", url("/api/v1/review-requests?unitCode=08707"), null)).isEqualTo(401);
        assertThat(Http.status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "POST",
                url("/api/v1/review-requests/" + id + "/verification"), "{\"rejected\":true,\"reason\":\"x\"}"))
                .isEqualTo(403);
        // A request awaiting verification is not answered yet.
        assertThat(Http.post(url("/api/v1/review-requests/" + id + "/refusal"), "{\"date\":\"" + TODAY
                + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"reasons\":\"Không đủ\"}").status()).isEqualTo(409);

        Http.Response rejected = Http.as(TestTokens.role("WARD_OFFICER", "08707"), () -> verify(id,
                "{\"rejected\":true,\"reason\":\"Không có hộ nào của phường có số định danh này\"}"));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("answer").get("reasons").asString()).startsWith("Không có hộ nào");
        assertThat(rejected.json().get("answer").get("date").asString()).isEqualTo(TODAY);
        assertThat(rejected.json().get("phone").isNull()).isTrue();
        assertThat(stored(id).get("applicant", Document.class).getString("citizenId")).isNull();
        assertThat(verify(id, "{\"rejected\":true,\"reason\":\"Lần hai\"}").status()).isEqualTo(409);
        assertThat(verify(id, "{\"householdId\":\"" + own + "\"}").status()).isEqualTo(409);
        // Rejected, the same form may be sent again: a new receipt.
        assertThat(submit(form("08707", headId, "FORM_04")).expectStatus(201).json().get("receiptNumber")
                .asString()).isNotEqualTo(id);
    }

    @Test
    void aRequestSentTwiceAndVerifiedTwiceIsOneRequestOfTheHousehold() {
        String headId = citizenId(Sex.MALE, "1968-03-14");
        String household = household("08707", headId);
        String first = submit(form("08707", headId, "FORM_01")).expectStatus(201).json().get("receiptNumber")
                .asString();
        verify(first, "{\"householdId\":\"" + household + "\"}").expectStatus(200);
        // After the verification the same form comes again the same day (the page sent again): a new receipt...
        String second = submit(form("08707", headId, "FORM_01")).expectStatus(201).json().get("receiptNumber")
                .asString();
        assertThat(second).isNotEqualTo(first);

        Http.Response verified = verify(second, "{\"householdId\":\"" + household + "\"}");

        // ... which the verification answers with the request recorded before, closing the repeat.
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("id").asString()).isEqualTo(first);
        JsonNode repeat = Http.get(url("/api/v1/review-requests/" + second)).json();
        assertThat(repeat.get("status").asString()).isEqualTo("REJECTED");
        assertThat(repeat.get("answer").get("reasons").asString()).contains(first);
        assertThat(Http.get(url("/api/v1/review-requests?unitCode=08707&status=OPEN")).json().valueStream()
                .filter(r -> household.equals(r.get("householdId").asString())).count()).isEqualTo(1);
    }

    @Test
    void theOpenEndpointIsRateLimitedLikeTheOtherAnonymousCalls() {
        // From an address of its own (IPv6 loopback; the other tests call 127.0.0.1), so that their budget is untouched.
        String url = "http://[::1]:" + port + "/api/v1/review-requests/online";
        List<Http.Response> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 140; i++) {
            answers.add(Http.as(null, () -> Http.post(url, "{}")));
        }
        assertThat(answers.getFirst().status()).isEqualTo(400);
        assertThat(answers.getLast().status()).isEqualTo(429);
        // With a token the officers' calls are not counted here.
        assertThat(Http.post(url, "{}").status()).isEqualTo(400);
    }

    @Test
    void badInputNamesEachFieldAndStoresNothing() {
        long before = database.getCollection("review_requests").countDocuments();

        Http.Response empty = submit("{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).contains("unitCode", "village", "headName", "citizenId", "form", "consent")
                .doesNotContain("phone");
        String good = form("08707", citizenId(Sex.MALE, "1968-03-14"), "FORM_01");
        for (String[] bad : new String[][] {
                {good.replaceAll("\"citizenId\":\"\\d+\"", "\"citizenId\":\"02606800123\""), "citizenId"},
                {good.replaceAll("\"citizenId\":\"\\d+\"", "\"citizenId\":\"02606800123x\""), "citizenId"},
                // 999 is no province's code.
                {good.replaceAll("\"citizenId\":\"\\d+\"", "\"citizenId\":\"999068001234\""), "citizenId"},
                {good.replace("\"unitCode\":\"08707\"", "\"unitCode\":\"99999\""), "unitCode"},
                {good.replace("\"unitCode\":\"08707\"", "\"unitCode\":\"8707\""), "unitCode"},
                {good.replace("\"village\":\"Tổ dân phố Đồng Tâm 3\"", "\"village\":\"  \""), "village"},
                {good.replace("\"headName\":\"Nguyễn Văn An\"", "\"headName\":\"Nguyễn\\nVăn An\""), "headName"},
                {good.replace("\"headName\":\"Nguyễn Văn An\"", "\"headName\":\"" + "A".repeat(101) + "\""),
                    "headName"},
                {good.replace("\"phone\":\"0912 345 678\"", "\"phone\":\"0212345678\""), "phone"},
                {good.replace("\"form\":\"FORM_01\"", "\"form\":\"FORM_02\""), "form"},
                {good.replace("\"consent\":true", "\"consent\":false"), "consent"},
                {good.replace(",\"consent\":true", ""), "consent"}}) {
            Http.Response refused = submit(bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(fields(refused)).as(refused.body()).containsOnly(bad[1]);
        }
        // Both checks beyond the shape are reported together.
        Http.Response both = submit(good.replace("\"unitCode\":\"08707\"", "\"unitCode\":\"99999\"")
                .replaceAll("\"citizenId\":\"\\d+\"", "\"citizenId\":\"999068001234\""));
        assertThat(fields(both)).containsExactlyInAnyOrder("unitCode", "citizenId");
        assertThat(database.getCollection("review_requests").countDocuments()).isEqualTo(before);
        // Without a phone it is accepted.
        assertThat(submit(good.replace("\"phone\":\"0912 345 678\",", "")).status()).isEqualTo(201);
    }
}
