package vn.giamngheo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

/** The card loop against the BHXH simulator (a real HTTP server) and the real broker. */
@ServiceIntegrationTest
class CardLoopIT extends OutsideWorld {

    @LocalServerPort
    int port;

    private static EventEnvelope<BenefitGranted> premium(String householdId, String personId) {
        String decisionId = "HEALTH_INSURANCE_PREMIUM:" + personId + ":2026-12-01";
        return new EventEnvelope<>(EventFixtures.newId(), "/policy-service", EventTypes.BENEFIT_GRANTED, decisionId,
                Instant.now(), new BenefitGranted(decisionId, 1, "HEALTH_INSURANCE_PREMIUM",
                        "HEALTH_INSURANCE_PREMIUM@2025-08-15", "HEALTH_INSURANCE", householdId, personId,
                        LocalDate.parse("2026-12-01"), null,
                        new Entitlement("PREMIUM_SHARE", 100, null, null, null, null), "Hộ nghèo."));
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    private JsonNode requests(String householdId) {
        return Http.get("http://localhost:" + port + "/api/v1/card-requests?householdId=" + householdId)
                .expectStatus(200).json();
    }

    private static List<ConsumerRecord<String, byte[]>> cardEvents(String householdId, String type, int atLeast,
            Duration within) {
        return TopicProbe.await(Topics.INSURANCE_CARD_EVENTS, r -> type.equals(TopicProbe.header(r,
                CloudEventHeaders.TYPE)) && new String(r.value(), StandardCharsets.UTF_8).contains(householdId),
                atLeast, within);
    }

    @Test
    void whileBhxhIsDownRequestsWaitAndWhenItIsBackEachCompletesExactlyOnce() throws Exception {
        BHXH.setDown(true);
        String household = EventFixtures.newId();
        registered(port, household);
        Http.put("http://localhost:" + port + "/api/v1/contacts/households/" + household,
                "{\"phone\":\"0912 345 678\"}").expectStatus(200);
        List<String> people = List.of(EventFixtures.newId(), EventFixtures.newId(), EventFixtures.newId());
        for (String person : people) {
            publish(premium(household, person));
        }
        publish(premium(household, people.getFirst())); // the same decision delivered twice

        // Queued and retried while BHXH is down: nothing is lost, nothing issued.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode list = requests(household);
            return list.size() == 3 && list.findValues("attempts").stream().allMatch(a -> a.asInt() >= 1);
        });
        assertThat(requests(household).findValuesAsString("status")).containsOnly("PENDING");
        int callsWhileDown = BHXH.calls();
        assertThat(callsWhileDown).isPositive();

        BHXH.setDown(false);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                requests(household).findValuesAsString("status").stream().allMatch("ISSUED"::equals));
        List<ConsumerRecord<String, byte[]>> issued = cardEvents(household,
                EventTypes.INSURANCE_CARD_ISSUED.ceType(), 3, Duration.ofSeconds(30));
        assertThat(issued).hasSize(3);
        assertThat(cardEvents(household, EventTypes.INSURANCE_CARD_REQUESTED.ceType(), 3, Duration.ofSeconds(10)))
                .hasSize(3);
        for (JsonNode request : requests(household)) {
            assertThat(request.get("cardNumber").asString()).startsWith("HN225");
            assertThat(request.get("id").asString()).startsWith("card:HEALTH_INSURANCE_PREMIUM:");
        }

        // BHXH calls back again with the same body, signed anew (its own retry): still one insurance-card.issued.
        InsuranceCardIssued first = EventCodec.readPayload(issued.getFirst().value(), EventTypes.INSURANCE_CARD_ISSUED);
        String body = "{\"requestId\":\"" + first.requestId() + "\",\"kind\":\"ISSUE\",\"status\":\"ISSUED\","
                + "\"cardNumber\":\"" + first.cardNumber() + "\",\"validFrom\":\"" + first.validFrom()
                + "\",\"validTo\":\"" + first.validTo() + "\"}";
        assertThat(SignedCallback.sign(BHXH_SECRET, body, Instant.now()).post(callbacks(), "X-BHXH-Signature"))
                .isEqualTo(200);
        // A missing or wrong signature is refused and changes nothing.
        assertThat(callback(body.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(401);
        assertThat(SignedCallback.sign("not-the-secret", body, Instant.now()).post(callbacks(), "X-BHXH-Signature"))
                .isEqualTo(401);
        // Watch the topic for a while: a wrongly published second event would show up.
        assertThat(TopicProbe.during(Topics.INSURANCE_CARD_EVENTS, r -> EventTypes.INSURANCE_CARD_ISSUED.ceType()
                .equals(TopicProbe.header(r, CloudEventHeaders.TYPE)) && new String(r.value(), StandardCharsets.UTF_8)
                .contains(household), Duration.ofSeconds(3))).hasSize(3);
        for (String person : people) {
            assertThat(BHXH.deliveries("card:HEALTH_INSURANCE_PREMIUM:" + person + ":2026-12-01:1")).isEqualTo(1);
        }

        // The household was texted once per decision (the duplicate none) and once per card, each delivered.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> messages(household).size() == 6
                && messages(household).findValuesAsString("status").stream().allMatch("DELIVERED"::equals));
        assertThat(messages(household).findValuesAsString("kind")).containsOnly("BENEFIT_GRANTED", "CARD_ISSUED")
                .filteredOn("CARD_ISSUED"::equals).hasSize(3);
        List<String> texts = SMS.received().stream().filter(m -> m.to().equals("+84912345678")
                && messages(household).findValuesAsString("id").contains(m.messageId())).map(m -> m.text()).toList();
        assertThat(texts).hasSize(6);
        assertThat(texts).filteredOn(t -> t.startsWith("BHXH đã cấp thẻ bảo hiểm y tế số HN225")).hasSize(3);
        assertThat(texts).filteredOn(t -> t.contains("một thành viên của hộ gia đình ông/bà được hưởng hỗ trợ đóng "
                + "bảo hiểm y tế từ ngày 01/12/2026, mức hỗ trợ 100% mức đóng.")).hasSize(3);
        assertThat(SMS.received()).filteredOn(m -> texts.contains(m.text())).allMatch(m -> m.calls() == 1);

        // Officers list requests by status and day; a wrong filter is named.
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String list = "http://localhost:" + port + "/api/v1/card-requests?householdId=" + household;
        assertThat(Http.get(list + "&status=ISSUED&from=" + today + "&to=" + today).expectStatus(200).json()).hasSize(3);
        assertThat(Http.get(list + "&to=2026-01-01").expectStatus(200).json()).isEmpty();
        assertThat(Http.get(list + "&status=LOST").expectStatus(400).body()).contains("status");
        assertThat(Http.get(list + "&from=yesterday").expectStatus(400).body()).contains("from");
    }

    // ---- BHXH takes lists (issue 25)

    @Test
    void aListWithOneRefusedPersonIssuesTheOthers() {
        String household = EventFixtures.newId();
        List<String> people = List.of(EventFixtures.newId(), EventFixtures.newId(), EventFixtures.newId());
        BHXH.refuse(people.get(1), "không khớp dữ liệu dân cư");
        try {
            people.forEach(person -> publish(premium(household, person)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode list = requests(household);
                return list.size() == 3 && list.findValuesAsString("status").stream()
                        .noneMatch(s -> s.equals("PENDING") || s.equals("ACCEPTED"));
            });
            for (JsonNode request : requests(household)) {
                boolean refused = request.get("personId").asString().equals(people.get(1));
                assertThat(request.get("status").asString()).isEqualTo(refused ? "FAILED" : "ISSUED");
                if (refused) {
                    assertThat(request.get("lastError").asString()).contains("không khớp dữ liệu dân cư");
                }
                assertThat(BHXH.deliveries(request.get("id").asString())).isEqualTo(1);
            }
        } finally {
            BHXH.accept(people.get(1));
        }
    }

    // ---- callbacks that must not change what is settled (issue 20)

    private String callbacks() {
        return "http://localhost:" + port + "/api/v1/bhxh/card-callbacks";
    }

    private JsonNode request(String id) {
        return Http.get("http://localhost:" + port + "/api/v1/card-requests/" + id).expectStatus(200).json();
    }

    private static String rejection(String requestId) {
        return "{\"requestId\":\"" + requestId + "\",\"kind\":\"ISSUE\",\"status\":\"REJECTED\","
                + "\"reason\":\"không khớp dữ liệu dân cư\"}";
    }

    /**
     * A request BHXH cannot be reached for (so it stays PENDING, retrying) and whose attempt BHXH then rejects by
     * callback; with {@code retried} an officer queues it again afterwards. BHXH stays down until the caller says.
     */
    private record Rejected(String household, String id, SignedCallback callback) {
    }

    private Rejected rejectedWhileBhxhIsDown(boolean retried) {
        BHXH.setDown(true);
        String household = EventFixtures.newId();
        publish(premium(household, EventFixtures.newId()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode list = requests(household);
            return list.size() == 1 && list.get(0).get("attempts").asInt() >= 1;
        });
        String id = requests(household).get(0).get("id").asString();
        SignedCallback rejected = SignedCallback.sign(BHXH_SECRET, rejection(id), Instant.now());
        assertThat(rejected.post(callbacks(), "X-BHXH-Signature")).isEqualTo(200);
        assertThat(request(id).get("status").asString()).isEqualTo("FAILED");
        if (retried) {
            Http.post("http://localhost:" + port + "/api/v1/card-requests/" + id + "/retry", "").expectStatus(200);
            assertThat(request(id).get("status").asString()).isEqualTo("PENDING");
        }
        return new Rejected(household, id, rejected);
    }

    @Test
    void aReplayedCallbackIsRefusedAndCannotFailTheOfficersRetry() {
        try {
            Rejected rejected = rejectedWhileBhxhIsDown(true);
            // The very same call again (same body, time and signature), e.g. captured on the way.
            assertThat(rejected.callback().post(callbacks(), "X-BHXH-Signature")).isEqualTo(409);
            assertThat(request(rejected.id()).get("status").asString()).isEqualTo("PENDING");
        } finally {
            BHXH.setDown(false);
        }
    }

    @Test
    void aCallbackSignedOutsideTheToleranceIsRefused() {
        try {
            BHXH.setDown(true);
            String household = EventFixtures.newId();
            publish(premium(household, EventFixtures.newId()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> requests(household).size() == 1);
            String id = requests(household).get(0).get("id").asString();
            Instant now = Instant.now();
            for (Instant signedAt : List.of(now.minus(Duration.ofMinutes(6)), now.plus(Duration.ofMinutes(6)))) {
                SignedCallback stale = SignedCallback.sign(BHXH_SECRET, rejection(id), signedAt);
                assertThat(stale.post(callbacks(), "X-BHXH-Signature")).isEqualTo(401);
            }
            assertThat(request(id).get("status").asString()).isEqualTo("PENDING");
            // Signed now, the same body is taken: only its age was wrong.
            assertThat(SignedCallback.sign(BHXH_SECRET, rejection(id), now).post(callbacks(), "X-BHXH-Signature"))
                    .isEqualTo(200);
            assertThat(request(id).get("status").asString()).isEqualTo("FAILED");
        } finally {
            BHXH.setDown(false);
        }
    }

    @Test
    void aCallbackAboutTheAttemptBeforeAnOfficersRetryChangesNothing() {
        Rejected rejected;
        SignedCallback again;
        try {
            rejected = rejectedWhileBhxhIsDown(true);
            // BHXH sends the earlier attempt's rejection again, signed anew (a second later: not the same signature).
            again = SignedCallback.sign(BHXH_SECRET, rejection(rejected.id()),
                    Instant.ofEpochSecond(rejected.callback().signedAt() + 1));
            assertThat(again.post(callbacks(), "X-BHXH-Signature")).isEqualTo(200);
            assertThat(request(rejected.id()).get("status").asString()).isEqualTo("PENDING");
        } finally {
            BHXH.setDown(false);
        }
        // BHXH is back: the retry goes out under a key of its own and is issued.
        String id = rejected.id();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                request(id).get("status").asString().equals("ISSUED"));
        assertThat(BHXH.deliveries(id + "-r1")).isEqualTo(1);
        // Once issued, no callback about any attempt turns it back.
        for (String key : List.of(id, id + "-r1")) {
            assertThat(SignedCallback.sign(BHXH_SECRET, rejection(key), Instant.ofEpochSecond(again.signedAt() + 1))
                    .post(callbacks(), "X-BHXH-Signature")).isEqualTo(200);
        }
        assertThat(request(id).get("status").asString()).isEqualTo("ISSUED");
        assertThat(TopicProbe.during(Topics.INSURANCE_CARD_EVENTS, r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(rejected.household()), Duration.ofSeconds(3)))
                .extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventTypes.INSURANCE_CARD_FAILED.ceType(), EventTypes.INSURANCE_CARD_REQUESTED.ceType(),
                        EventTypes.INSURANCE_CARD_ISSUED.ceType());
    }

    private JsonNode messages(String householdId) {
        return Http.get("http://localhost:" + port + "/api/v1/messages?householdId=" + householdId).expectStatus(200)
                .json();
    }

    private int callback(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/bhxh/card-callbacks")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-BHXH-Signature", signature);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
