package vn.giamngheo.household.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.testsupport.AccessSweep.Scope.ALL_UNITS;
import static vn.giamngheo.testsupport.AccessSweep.Scope.CROSS;
import static vn.giamngheo.testsupport.AccessSweep.Scope.HOUSEHOLD;
import static vn.giamngheo.testsupport.AccessSweep.Scope.NO_AREA;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.household.registry.ImportFiles;
import vn.giamngheo.testsupport.AccessSweep;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.MongoState;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/**
 * Every endpoint of household-service × every area-bound role × households, review rounds, complaints and households'
 * review requests inside and outside the token's units (issue 20): outside is refused and nothing changes, including
 * requests that name another ward's household from within one's own round or household.
 */
@ServiceIntegrationTest
class AccessSweepIT {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MongoDatabase database;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private JsonNode register(String unit) {
        return Http.post(url("/api/v1/households"), Households.registrationJson(unit)).expectStatus(201).json();
    }

    /**
     * Households of {@code unit} — one that every read and the review use, and one for each command that changes a
     * household, so that each command finds its own in the state it needs — a review round of the unit in its posting
     * with the first household surveyed, and a complaint about it: their ids, by the names the requests below use.
     */
    Map<String, String> ward(String unit) {
        JsonNode household = register(unit);
        String id = household.get("id").asString();
        Map<String, String> side = new HashMap<>();
        for (String command : List.of("addTo", "headOf", "mergeInto", "mergeAbsorbed", "moveFrom", "moveTo",
                "removeFrom", "splitFrom", "awayHousehold", "unsurveyed", "crossAbsorbed", "crossMoveFrom")) {
            JsonNode h = register(unit);
            side.put(command, h.get("id").asString());
            side.put(command + "Spouse", h.get("members").get(1).get("personId").asString());
        }
        String round = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"" + unit + "\",\"kind\":\"MONTHLY\","
                + "\"referenceDate\":\"" + TODAY + "\"}").expectStatus(201).json().get("round").get("id").asString();
        String steps = "/api/v1/review-rounds/" + round;
        Http.post(url(steps + "/surveys"), "{\"householdId\":\"" + id + "\",\"monthlyIncomePerCapitaVnd\":1800000,"
                + "\"deprivedIndicators\":[\"HEALTH_INSURANCE\",\"SANITATION\",\"DRINKING_WATER\"]}").expectStatus(200);
        Http.post(url(steps + "/village-meeting"), "{\"date\":\"" + TODAY + "\",\"participants\":20,\"votes\":[{"
                + "\"householdId\":\"" + id + "\",\"agreeing\":15}]}").expectStatus(200);
        Http.post(url(steps + "/posting"), "{\"startDate\":\"" + TODAY + "\"}").expectStatus(200);
        String complaint = Http.post(url(steps + "/complaints"), "{\"householdId\":\"" + id + "\",\"text\":\"Hộ "
                + "không đồng ý\",\"filedOn\":\"" + TODAY + "\"}").expectStatus(201).json().get("id").asString();
        String request = Http.post(url("/api/v1/review-requests"), "{\"householdId\":\"" + id + "\",\"form\":"
                + "\"FORM_01\",\"receivedOn\":\"" + TODAY + "\"}").expectStatus(201).json().get("id").asString();
        // Sent from the public page by the head of the household, awaiting an officer's verification.
        String online = Http.as(null, () -> Http.post(url("/api/v1/review-requests/online"), "{\"unitCode\":\""
                + unit + "\",\"village\":\"Thôn 1\",\"headName\":\"Nguyễn Văn An\",\"citizenId\":\""
                + household.get("members").get(0).get("citizenId").asString() + "\",\"form\":\"FORM_01\","
                + "\"consent\":true}")).expectStatus(201).json().get("receiptNumber").asString();
        side.put("unit", unit);
        side.put("online", online);
        side.put("kind", "minutes");
        side.put("householdId", id);
        side.put("head", household.get("members").get(0).get("personId").asString());
        side.put("spouse", household.get("members").get(1).get("personId").asString());
        side.put("round", round);
        side.put("complaint", complaint);
        side.put("request", request);
        return side;
    }

    @Test
    void anOfficerOfOneWardNeitherReadsNorChangesAnythingOfAnotherWard() {
        Map<String, String> inside = ward("08707");
        Map<String, String> outside = ward("08716");
        // From within the caller's own round or household, a household of the other ward: inside, another of its own.
        Map<String, String> own = Map.of("ownRound", inside.get("round"), "ownHousehold", inside.get("mergeInto"),
                "ownMover", inside.get("crossMoveFromSpouse"), "ownMoveFrom", inside.get("crossMoveFrom"));
        inside.putAll(own);
        outside.putAll(own);
        inside.put("foreign", inside.get("unsurveyed"));
        outside.put("foreign", outside.get("householdId"));
        inside.put("complainant", inside.get("householdId"));
        outside.put("complainant", outside.get("householdId"));
        outside.put("crossAbsorbed", outside.get("householdId"));
        byte[] insideTemplate = Http.download(url("/api/v1/review-rounds/" + inside.get("round") + "/survey-template"));
        byte[] outsideTemplate = Http.download(url("/api/v1/review-rounds/" + outside.get("round")
                + "/survey-template"));
        String member = """
                {"member":{"fullName":"Nguyễn Thị Mai","dateOfBirth":"2001-02-03","sex":"FEMALE",
                 "relationToHead":"CHILD"}}""";
        Map<String, String> callers = AccessSweep.areaBoundCallers("08707", "EDUCATION");
        AccessSweep.of(port, mappings)
                .callers(callers)
                .inside(inside).outside(outside)
                .state(MongoState.of(database))
                .open("GET /api/v1/units", "GET /api/v1/standards", "POST /api/v1/assessments/evaluate", "GET /tu-danh-gia",
                        "POST /api/v1/review-requests/online")
                .get(HOUSEHOLD, "/api/v1/households?unitCode={unit}")
                .get(ALL_UNITS, "/api/v1/households")
                .get(HOUSEHOLD, "/api/v1/households/search?unitCode={unit}")
                .call(ALL_UNITS, "POST", "/api/v1/households/search/rebuild", "{}")
                .get(HOUSEHOLD, "/api/v1/households/{householdId}")
                .get(HOUSEHOLD, "/api/v1/households/{householdId}/classes")
                .get(HOUSEHOLD, "/api/v1/households/{householdId}/history")
                .get(HOUSEHOLD, "/api/v1/households/{householdId}/members/{head}/export")
                .get(HOUSEHOLD, "/api/v1/review-rounds?unitCode={unit}")
                .get(ALL_UNITS, "/api/v1/review-rounds")
                .get(NO_AREA, "/api/v1/review-rounds/board")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/households")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/surveys/{householdId}")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/survey-template")
                .call(HOUSEHOLD, "POST", "/api/v1/review-rounds/{round}/survey-upload", (path, side) ->
                        Http.upload(path, "file", "phieu.xlsx", side.get("round").equals(inside.get("round")) ? insideTemplate : outsideTemplate))
                .call(HOUSEHOLD, "POST", "/api/v1/households", Households.registrationJson("{unit}"))
                .call(HOUSEHOLD, "POST", "/api/v1/households/import",
                        "{\"households\":[" + Households.registrationJson("{unit}") + "]}")
                .get(NO_AREA, "/api/v1/households/import-template")
                .call(HOUSEHOLD, "POST", "/api/v1/households/import-upload", (path, side) ->
                        Http.upload(path, "file", "danh-sach.xlsx", ImportFiles.familyOfThree(side.get("unit"))))
                .call(HOUSEHOLD, "POST", "/api/v1/review-rounds", "{\"unitCode\":\"{unit}\",\"kind\":\"MONTHLY\","
                        + "\"referenceDate\":\"" + TODAY + "\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/review-rounds/{round}/surveys", "{\"householdId\":\"{householdId}\","
                        + "\"monthlyIncomePerCapitaVnd\":4500000,\"deprivedIndicators\":[]}")
                .call(CROSS, "POST", "/api/v1/review-rounds/{ownRound}/surveys", "{\"householdId\":\"{foreign}\","
                        + "\"monthlyIncomePerCapitaVnd\":4500000,\"deprivedIndicators\":[]}")
                .call(HOUSEHOLD, "POST", "/api/v1/review-rounds/{round}/village-meeting", "{\"date\":\"" + TODAY
                        + "\",\"participants\":20,\"votes\":[{\"householdId\":\"{householdId}\",\"agreeing\":2}]}")
                .call(HOUSEHOLD, "POST", "/api/v1/review-rounds/{round}/posting", "{\"startDate\":\"" + TODAY + "\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/review-rounds/{round}/complaints", "{\"householdId\":"
                        + "\"{householdId}\",\"text\":\"Khiếu nại lần hai\",\"filedOn\":\"" + TODAY + "\"}")
                .call(CROSS, "POST", "/api/v1/review-rounds/{ownRound}/complaints", "{\"householdId\":"
                        + "\"{complainant}\",\"text\":\"Khiếu nại\",\"filedOn\":\"" + TODAY + "\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/review-rounds/{round}/complaints/{complaint}/resolution",
                        "{\"outcome\":\"REJECTED\",\"resolution\":\"Giữ nguyên kết quả\",\"resolvedOn\":\"" + TODAY
                                + "\"}")
                // The round's documents, read while it is posted (the decision's are refused with 409 until signed).
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/documents/minutes.pdf")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/documents/posting-list.pdf")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/documents/decision.pdf")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/documents/certificates.pdf")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/documents/certificates/{householdId}.pdf")
                .get(HOUSEHOLD, "/api/v1/review-rounds/{round}/documents/lists.xlsx")
                .get(NO_AREA, "/api/v1/document-templates")
                .get(NO_AREA, "/api/v1/document-templates/{kind}")
                .call(ALL_UNITS, "PUT", "/api/v1/document-templates/{kind}", (path, side) -> Http.put(path,
                        "{\"content\":\"<p/>\",\"effectiveFrom\":\"2030-01-01\"}"))
                .call(HOUSEHOLD, "POST", "/api/v1/review-rounds/{round}/decision", "{\"number\":\"9/QĐ-UBND\","
                        + "\"date\":\"" + TODAY + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{householdId}/privacy-notices", "{\"version\":"
                        + "\"TB-2026-01\",\"givenOn\":\"" + TODAY + "\",\"method\":\"PAPER\",\"consented\":true}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{householdId}/members/{spouse}/correction",
                        "{\"dateOfBirth\":\"1971-09-03\",\"reason\":\"Sai ngày sinh\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{addTo}/members", member)
                .call(HOUSEHOLD, "POST", "/api/v1/households/{headOf}/head", "{\"newHeadPersonId\":\"{headOfSpouse}\","
                        + "\"previousHeadRelation\":\"SPOUSE\"}")
                .call(CROSS, "POST", "/api/v1/households/{ownHousehold}/merge",
                        "{\"absorbedHouseholdId\":\"{crossAbsorbed}\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{mergeInto}/merge",
                        "{\"absorbedHouseholdId\":\"{mergeAbsorbed}\"}")
                .call(CROSS, "POST", "/api/v1/households/{ownMoveFrom}/members/{ownMover}/move",
                        "{\"toHouseholdId\":\"{moveTo}\",\"relationToHead\":\"OTHER\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{moveFrom}/members/{moveFromSpouse}/move",
                        "{\"toHouseholdId\":\"{moveTo}\",\"relationToHead\":\"OTHER\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{removeFrom}/members/{removeFromSpouse}/removal",
                        "{\"reason\":\"DIED\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{splitFrom}/split", "{\"personIds\":[\"{splitFromSpouse}\"],"
                        + "\"newHeadPersonId\":\"{splitFromSpouse}\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{householdId}/successor-unit", "{\"unitCode\":\"{unit}\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/households/{awayHousehold}/move-away", "{\"reason\":\"MOVED_AWAY\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/review-requests", "{\"householdId\":\"{householdId}\","
                        + "\"form\":\"FORM_01\",\"receivedOn\":\"" + TODAY + "\"}")
                .get(HOUSEHOLD, "/api/v1/review-requests?unitCode={unit}")
                .get(ALL_UNITS, "/api/v1/review-requests")
                .get(HOUSEHOLD, "/api/v1/review-requests/{request}")
                .call(HOUSEHOLD, "POST", "/api/v1/review-requests/{request}/refusal", "{\"date\":\"" + TODAY
                        + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"reasons\":\"Hộ không thuộc diện rà soát\"}")
                .call(HOUSEHOLD, "POST", "/api/v1/review-requests/{online}/verification",
                        "{\"householdId\":\"{householdId}\"}")
                .call(ALL_UNITS, "POST", "/api/v1/simulations", "{\"standard\":\"VN-MPS-2027-2030\","
                        + "\"referenceDate\":\"2027-01-01\",\"middleBand\":{\"choice\":\"AS_FILED\"}}")
                .get(ALL_UNITS, "/api/v1/audit?householdId={householdId}")
                .deadLetters()
                .run();

        // The board of a ward's officer and chairman lists their ward only, and its rounds' lists only theirs.
        for (String role : List.of("WARD_OFFICER[08707]", "COMMUNE_CHAIRMAN[08707]")) {
            JsonNode board = Http.as(callers.get(role), () -> Http.get(url("/api/v1/review-rounds/board?kind=MONTHLY")))
                    .expectStatus(200).json();
            assertThat(board.get("communes").valueStream().map(c -> c.get("unitCode").asString()))
                    .as(role).containsExactly("08707");
            assertThat(board.get("communes").get(0).get("round").get("unitCode").asString()).isEqualTo("08707");
            JsonNode rounds = Http.as(callers.get(role), () -> Http.get(url("/api/v1/review-rounds?unitCode=08707")))
                    .expectStatus(200).json();
            assertThat(rounds.valueStream().map(r -> r.get("unitCode").asString())).as(role).containsOnly("08707");
        }
    }
}
