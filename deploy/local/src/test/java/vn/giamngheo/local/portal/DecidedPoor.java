package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A household a journey registers and has decided poor through household-service's API — registered by the
 * administrator, a monthly round of its commune, its survey (low income, three deprivations), the village meeting, the
 * posting and the decision signed by the commune's chairman ({@code chairman-<unit>}) — so that a journey does not
 * depend on how many poor households the demo's random draw gave a commune. Dates are before today in Việt Nam; the
 * decision takes effect today.
 */
final class DecidedPoor {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private DecidedPoor() {
    }

    /**
     * Registers a household of {@code unit} with {@code members} (household-service's JSON array) and answers the
     * registration (its id, its members' person ids).
     */
    static JsonNode register(PortalPlatform platform, String unit, String village, String members) throws Exception {
        return call(platform, null, "POST", "/api/v1/households", """
                {"unitCode":"%s","village":"%s","members":%s}""".formatted(unit, village, members));
    }

    /**
     * Has {@code householdId} of {@code unit} decided poor in a monthly round: surveyed (low income, three
     * deprivations), agreed at the village meeting, posted, and signed by the chairman today, in force today; returns
     * once policy-service's view has it poor (so that an application for it can be filed).
     */
    static void decide(PortalPlatform platform, String unit, String householdId) throws Exception {
        LocalDate today = LocalDate.now(VIETNAM);
        String round = call(platform, null, "POST", "/api/v1/review-rounds", """
                {"unitCode":"%s","kind":"MONTHLY","referenceDate":"%s"}""".formatted(unit, today.minusDays(20)))
                .get("round").get("id").asString();
        String steps = "/api/v1/review-rounds/" + round;
        call(platform, null, "POST", steps + "/surveys", """
                {"householdId":"%s","monthlyIncomePerCapitaVnd":900000,
                 "deprivedIndicators":["HEALTH_INSURANCE","SANITATION","DRINKING_WATER"]}""".formatted(householdId));
        call(platform, null, "POST", steps + "/village-meeting", """
                {"date":"%s","participants":12,"votes":[{"householdId":"%s","agreeing":11}]}"""
                .formatted(today.minusDays(19), householdId));
        call(platform, null, "POST", steps + "/posting", "{\"startDate\":\"" + today.minusDays(18) + "\"}");
        call(platform, "chairman-" + unit, "POST", steps + "/decision", """
                {"number":"%s/QĐ-UBND","date":"%s","signerRole":"COMMUNE_CHAIRMAN","effectiveDate":"%s"}"""
                .formatted(round.substring(0, 6), today, today));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> view = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + platform.port("POLICY_PORT") + "/api/v1/households/" + householdId))
                    .header("Authorization", "Bearer " + platform.adminToken()).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return view.statusCode() == 200
                    && "POOR".equals(JSON.readTree(view.body()).path("classification").asString());
        });
    }

    /** A call to household-service as the administrator ({@code client} null) or a demo client; must be 2xx. */
    private static JsonNode call(PortalPlatform platform, String client, String method, String path, String json)
            throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + platform.port("HOUSEHOLD_PORT") + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + (client == null ? platform.adminToken() : platform.token(client)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
