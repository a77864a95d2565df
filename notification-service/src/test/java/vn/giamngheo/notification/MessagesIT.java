package vn.giamngheo.notification;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.contracts.notification.NotificationFailed;
import vn.giamngheo.contracts.review.ReviewPostingStarted;
import vn.giamngheo.simulators.MailServer;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

/** Messages to households and officers, through the SMS gateway simulator and a real SMTP server (GreenMail). */
@ServiceIntegrationTest
class MessagesIT extends OutsideWorld {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    /** The household's phone number, once its registration has reached this service (a 404 before). */
    private void phone(String household, String phone, String optOut) {
        OutsideWorld.registered(port, household);
        Http.put(url("/api/v1/contacts/households/" + household), "{\"phone\":\"" + phone + "\""
                + (optOut == null ? "" : ",\"optOut\":[\"" + optOut + "\"]") + "}").expectStatus(200);
    }

    private JsonNode messages(String query) {
        return Http.get(url("/api/v1/messages?" + query)).expectStatus(200).json();
    }

    private JsonNode awaitMessages(String household, int count, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode list = messages("householdId=" + household);
            return list.size() == count && list.findValuesAsString("status").stream().allMatch(status::equals);
        });
        return messages("householdId=" + household);
    }

    private static List<ConsumerRecord<String, byte[]>> notificationEvents(String messageId, int atLeast) {
        return TopicProbe.await(Topics.NOTIFICATION_EVENTS, TopicProbe.key(messageId), atLeast, Duration.ofSeconds(20));
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicProbe.header(record, CloudEventHeaders.TYPE);
    }

    private static EventEnvelope<BenefitGranted> electricity(String household) {
        String decisionId = "ELECTRICITY_SUPPORT:" + household + ":2027-01-01";
        return new EventEnvelope<>(EventFixtures.newId(), "/policy-service", EventTypes.BENEFIT_GRANTED, decisionId,
                Instant.now(), new BenefitGranted(decisionId, 1, "ELECTRICITY_SUPPORT", "ELECTRICITY_SUPPORT@2022-01-01",
                        "LABOUR", household, null, LocalDate.parse("2027-01-01"), null,
                        new Entitlement("CASH", null, 59_520L, "QUARTERLY", null, null), "Hộ nghèo."));
    }

    @Test
    void aClassDecisionIsTextedInVietnameseOnceWithTheDecisionNumberAndDate() {
        String household = EventFixtures.newId();
        phone(household, "+84 98 765 4321", null);
        var decision = EventFixtures.householdReclassified(household, 2, HouseholdClass.MIDDLE, HouseholdClass.POOR,
                Transition.NEWLY_POOR, LocalDate.parse("2026-12-15"), LocalDate.parse("2027-01-01"));
        publish(decision);
        publish(decision); // redelivered

        JsonNode list = awaitMessages(household, 1, "DELIVERED");
        JsonNode message = list.get(0);
        assertThat(message.get("kind").asString()).isEqualTo("CLASS_CHANGED");
        assertThat(message.get("template").asString()).isEqualTo("class-changed.v1.ftl");
        assertThat(message.get("to").asString()).isEqualTo("+8498****321");
        String expected = "UBND xã/phường thông báo: theo Quyết định số " + decision.data().decisionNumber()
                + " ngày 15/12/2026, hộ gia đình ông/bà được công nhận là hộ nghèo từ ngày 01/01/2027.";
        assertThat(message.get("text").asString()).isEqualTo(expected);
        // What reached the gateway is the same text, intact as UTF-8, sent once.
        var sent = SMS.received().stream().filter(m -> m.messageId().equals(message.get("id").asString())).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().text()).isEqualTo(expected);
        assertThat(sent.getFirst().to()).isEqualTo("+84987654321");
        assertThat(sent.getFirst().calls()).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> events = notificationEvents(message.get("id").asString(), 3);
        assertThat(events).extracting(MessagesIT::type).containsExactly(EventTypes.NOTIFICATION_QUEUED.ceType(),
                EventTypes.NOTIFICATION_SENT.ceType(), EventTypes.NOTIFICATION_DELIVERED.ceType());
        assertThat(new String(events.getLast().value(), StandardCharsets.UTF_8)).contains("\"templateCode\":\"class-changed\"")
                .doesNotContain("+8498");
    }

    @Test
    void whileTheSmsGatewayIsDownMessagesWaitAndThenGoOutOnce() {
        String household = EventFixtures.newId();
        phone(household, "0387654321", null);
        SMS.setDown(true);
        try {
            publish(electricity(household));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode list = messages("householdId=" + household);
                return list.size() == 1 && list.get(0).get("attempts").asInt() >= 2;
            });
            assertThat(messages("householdId=" + household).get(0).get("status").asString()).isEqualTo("QUEUED");
        } finally {
            SMS.setDown(false);
        }
        JsonNode message = awaitMessages(household, 1, "DELIVERED").get(0);
        assertThat(message.get("text").asString()).contains("hỗ trợ tiền điện từ ngày 01/01/2027, mức 59.520 đồng/quý");
        assertThat(SMS.received()).filteredOn(m -> m.messageId().equals(message.get("id").asString()))
                .singleElement().satisfies(m -> assertThat(m.calls()).isEqualTo(1));
    }

    @Test
    void aHouseholdThatOptedOutOrHasNoPhoneGetsNoSmsAndTheListSaysWhy() {
        String optedOut = EventFixtures.newId();
        String unknown = EventFixtures.newId();
        phone(optedOut, "0912000111", "SMS");
        publish(electricity(optedOut));
        publish(electricity(unknown));

        assertThat(awaitMessages(optedOut, 1, "SUPPRESSED").get(0).get("lastError").asString())
                .isEqualTo("the recipient opted out of SMS");
        assertThat(awaitMessages(unknown, 1, "SUPPRESSED").get(0).get("lastError").asString())
                .isEqualTo("no phone number on file");
        assertThat(SMS.received()).noneMatch(m -> m.to().equals("+84912000111"));
        Http.Response resend = Http.post(url("/api/v1/messages/" + messages("householdId=" + optedOut).get(0)
                .get("id").asString() + "/resend"), "");
        assertThat(resend.status()).isEqualTo(409);
        assertThat(resend.body()).contains("opted out");
    }

    @Test
    void anUndeliveredSmsFailsAndAnOfficerResendsItToTheCorrectedNumber() {
        String household = EventFixtures.newId();
        phone(household, "0900000000", null); // the simulator cannot deliver to numbers ending in 0000
        publish(electricity(household));
        JsonNode failed = awaitMessages(household, 1, "FAILED").get(0);
        String id = failed.get("id").asString();
        assertThat(failed.get("lastError").asString()).startsWith("not delivered:");
        ConsumerRecord<String, byte[]> event = notificationEvents(id, 3).getLast();
        assertThat(type(event)).isEqualTo(EventTypes.NOTIFICATION_FAILED.ceType());
        assertThat(EventCodec.readPayload(event.value(), EventTypes.NOTIFICATION_FAILED))
                .extracting(NotificationFailed::channel, NotificationFailed::householdId)
                .containsExactly("SMS", household);
        assertThat(messages("status=FAILED&householdId=" + household)).hasSize(1);

        phone(household, "0900000001", null);
        JsonNode resent = Http.post(url("/api/v1/messages/" + id + "/resend"), "").expectStatus(200).json();
        assertThat(resent.get("status").asString()).isEqualTo("QUEUED");

        JsonNode delivered = awaitMessages(household, 1, "DELIVERED").get(0);
        assertThat(delivered.get("id").asString()).isEqualTo(id);
        // The first round's report again, freshly signed: about an earlier round, so it changes nothing.
        assertThat(SignedCallback.sign(SMS_SECRET, "{\"messageId\":\"" + id + "\",\"status\":\"UNDELIVERED\"}",
                Instant.now()).post(url("/api/v1/sms/delivery-reports"), "X-SMS-Signature")).isEqualTo(200);
        assertThat(messages("householdId=" + household).get(0).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(SMS.received()).filteredOn(m -> m.to().equals("+84900000001")).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo(failed.get("text").asString()));
        // A DELIVERED message cannot be resent.
        assertThat(Http.post(url("/api/v1/messages/" + id + "/resend"), "").status()).isEqualTo(409);
    }

    @Test
    void aFailedCardRequestIsMailedToTheOfficersOfTheHouseholdsUnit() {
        String household = EventFixtures.newId();
        publish(EventFixtures.householdRegistered(household, "08710"));
        Http.put(url("/api/v1/contacts/officers/ward-08710"), "{\"name\":\"Nguyễn Thị Hoa\",\"email\":"
                + "\"hoa.08710@vinhyen.local\",\"units\":[\"08710\"]}").expectStatus(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                Http.get(url("/api/v1/households/" + household + "/events")).status() == 200);
        InsuranceCardFailed sample = Samples.envelope(EventTypes.INSURANCE_CARD_FAILED).data();
        String requestId = "card:HEALTH_INSURANCE_PREMIUM:" + household + ":2027-01-01:1";
        var failed = new EventEnvelope<>(EventFixtures.newId(), "/notification-service",
                EventTypes.INSURANCE_CARD_FAILED, requestId, Instant.now(), new InsuranceCardFailed(requestId, 2,
                        household, sample.personId(), sample.benefitDecisionId(), "BHXH answered HTTP 503 (after 10 attempts)",
                        10));
        publish(failed);
        publish(failed);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("hoa.08710@vinhyen.local").size() == 1);
        MailServer.Mail mail = mailTo("hoa.08710@vinhyen.local").getFirst();
        assertThat(mail.subject()).isEqualTo("[Giảm nghèo] Yêu cầu cấp thẻ BHYT không thành công - đơn vị 08710");
        assertThat(mail.text()).contains("Yêu cầu cấp thẻ bảo hiểm y tế " + requestId + " (hộ " + household)
                .contains("không thành công sau 10 lần gửi.").contains("Lý do: BHXH answered HTTP 503")
                .contains("POST /api/v1/card-requests/" + requestId + "/retry");
        // An e-mail ends at SENT (SMTP has no delivery report); the address is masked in lists.
        JsonNode toWard = null;
        for (JsonNode message : messages("householdId=" + household)) {
            if (message.get("recipientId").asString().equals("ward-08710")) {
                toWard = message;
            }
        }
        assertThat(toWard).isNotNull();
        assertThat(toWard.get("status").asString()).isEqualTo("SENT");
        assertThat(toWard.get("to").asString()).isEqualTo("ho***@vinhyen.local");
    }

    @Test
    void whenAReviewRoundsPostingHasEndedTheOfficersAreWrittenToOnce() {
        Http.put(url("/api/v1/contacts/officers/city-labour"), "{\"name\":\"Trần Văn Nam\",\"email\":"
                + "\"nam.ldtbxh@vinhyen.local\",\"units\":[\"*\"]}").expectStatus(200);
        Http.put(url("/api/v1/contacts/officers/ward-08716-off"), "{\"name\":\"Lê Văn Tắt\",\"email\":"
                + "\"tat@vinhyen.local\",\"units\":[\"08716\"],\"optOut\":[\"EMAIL\"]}").expectStatus(200);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String round = "08716-2026-monthly-" + EventFixtures.newId().substring(0, 8);
        var posting = new EventEnvelope<>(EventFixtures.newId(), "/household-service",
                EventTypes.REVIEW_POSTING_STARTED, round, Instant.now(), new ReviewPostingStarted(round, 4, "08716",
                        "MONTHLY", today.minusDays(10), today.minusDays(4), today.minusDays(2), 3, 3, "VN-MPS-2022-2025"));
        publish(posting);
        publish(posting);
        // A posting that ended long ago (a replayed topic, a round loaded from the past) is no news.
        String old = "08716-2025-monthly-" + EventFixtures.newId().substring(0, 8);
        publish(new EventEnvelope<>(EventFixtures.newId(), "/household-service", EventTypes.REVIEW_POSTING_STARTED,
                old, Instant.now(), new ReviewPostingStarted(old, 4, "08716", "MONTHLY", today.minusDays(60),
                        today.minusDays(50), today.minusDays(48), 3, 3, "VN-MPS-2022-2025")));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("nam.ldtbxh@vinhyen.local").stream()
                .filter(m -> m.text().contains(round)).count() == 1);
        MailServer.Mail mail = mailTo("nam.ldtbxh@vinhyen.local").stream().filter(m -> m.text().contains(round))
                .findFirst().orElseThrow();
        assertThat(mail.subject()).isEqualTo("[Giảm nghèo] Hết thời hạn niêm yết kết quả rà soát - đơn vị 08716");
        var vn = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        assertThat(mail.text()).contains("rà soát thường xuyên (đợt " + round + "), từ ngày "
                + vn.format(today.minusDays(4)) + " đến hết ngày " + vn.format(today.minusDays(2))
                + ", đã kết thúc. Đợt rà soát có 3 hộ, trong đó 3 hộ");
        // The ward officer who opted out of e-mail is recorded as suppressed, not mailed.
        assertThat(MAIL.received()).noneMatch(m -> m.to().contains("tat@vinhyen.local"));
        // Watch a while: the duplicate posting event and the periodic check send nothing more.
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                mailTo("nam.ldtbxh@vinhyen.local").stream().filter(m -> m.text().contains(round)).count() == 1);
        assertThat(MAIL.received()).noneMatch(m -> m.text().contains(old));
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndChangesNothing() throws Exception {
        String household = EventFixtures.newId();
        phone(household, "0912345678", null);
        Http.Response badPhone = Http.put(url("/api/v1/contacts/households/" + household), "{\"phone\":\"12345\"}");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body()).contains("phone");
        Http.Response badChannel = Http.put(url("/api/v1/contacts/households/" + household),
                "{\"phone\":\"0987654321\",\"optOut\":[\"PIGEON\"]}");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body()).contains("optOut");
        assertThat(Http.get(url("/api/v1/contacts/households/" + household)).expectStatus(200).json()
                .get("phone").asString()).isEqualTo("+8491****678");

        assertThat(Http.put(url("/api/v1/contacts/officers/x"), "{\"name\":\"A\",\"email\":\"not-an-address\","
                + "\"units\":[\"08707\"]}").body()).contains("email");
        assertThat(Http.put(url("/api/v1/contacts/officers/x"), "{\"name\":\"A\",\"email\":\"a@b.vn\","
                + "\"units\":[\"8707\"]}").body()).contains("units[0]");
        assertThat(Http.get(url("/api/v1/messages?status=LOST")).body()).contains("status");
        assertThat(Http.get(url("/api/v1/messages?from=2026-13-01")).status()).isEqualTo(400);
        assertThat(Http.get(url("/api/v1/messages?from=2026-12-01&to=2026-11-01")).body()).contains("to");
        assertThat(Http.get(url("/api/v1/messages/sms-000000000000000000000000")).status()).isEqualTo(404);
        assertThat(Http.post(url("/api/v1/messages/sms-000000000000000000000000/resend"), "").status())
                .isEqualTo(404);

        // A delivery report without a valid signature is refused and changes nothing.
        String reports = url("/api/v1/sms/delivery-reports");
        publish(electricity(household));
        String id = awaitMessages(household, 1, "DELIVERED").get(0).get("id").asString();
        String report = "{\"messageId\":\"" + id + "\",\"status\":\"UNDELIVERED\"}";
        assertThat(report(report.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(401);
        Instant now = Instant.now();
        assertThat(SignedCallback.sign("wrong-secret", report, now).post(reports, "X-SMS-Signature")).isEqualTo(401);
        // Signed with the secret but long ago, or ahead of time: refused too.
        assertThat(SignedCallback.sign(SMS_SECRET, report, now.minus(Duration.ofMinutes(6)))
                .post(reports, "X-SMS-Signature")).isEqualTo(401);
        assertThat(SignedCallback.sign(SMS_SECRET, report, now.plus(Duration.ofMinutes(6)))
                .post(reports, "X-SMS-Signature")).isEqualTo(401);
        // Properly signed, it is taken, but a delivered message stays delivered; sent again as it was, it is refused.
        SignedCallback late = SignedCallback.sign(SMS_SECRET, report, now);
        assertThat(late.post(reports, "X-SMS-Signature")).isEqualTo(200);
        assertThat(late.post(reports, "X-SMS-Signature")).isEqualTo(409);
        assertThat(messages("householdId=" + household).get(0).get("status").asString()).isEqualTo("DELIVERED");

        // Listing by date: today's messages include it, an earlier day's do not.
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertThat(messages("householdId=" + household + "&from=" + today + "&to=" + today)).hasSize(1);
        assertThat(messages("householdId=" + household + "&to=2026-01-01")).isEmpty();
    }

    private List<MailServer.Mail> mailTo(String address) {
        return MAIL.received().stream().filter(m -> m.to().contains(address)).toList();
    }

    private int report(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/v1/sms/delivery-reports")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-SMS-Signature", signature);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
