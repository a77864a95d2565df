package vn.giamngheo.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.simulators.BhxhSimulator;
import vn.giamngheo.simulators.MailServer;
import vn.giamngheo.simulators.SmsGatewaySimulator;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * The outside world this service talks to, as real servers on loopback, shared by the integration tests that extend
 * this class (one application context for all of them): BHXH's card service, an SMS gateway, a mail server.
 */
public abstract class OutsideWorld {

    static final String BHXH_SECRET = "test-callback-secret";
    static final String SMS_SECRET = "test-sms-secret";
    static final BhxhSimulator BHXH;
    static final SmsGatewaySimulator SMS;
    static final MailServer MAIL;

    static {
        try {
            BHXH = new BhxhSimulator(new BhxhSimulator.Settings(0, "test-token", BHXH_SECRET, Duration.ofMillis(300), 0,
                    0, Duration.ofMillis(100), 7));
            SMS = new SmsGatewaySimulator(new SmsGatewaySimulator.Settings(0, "test-sms-token", SMS_SECRET,
                    Duration.ofMillis(200), 0, 7));
            MAIL = new MailServer(0, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("notification.bhxh.base-url", BHXH::baseUrl);
        registry.add("notification.bhxh.token", () -> "test-token");
        registry.add("notification.bhxh.callback-secret", () -> BHXH_SECRET);
        registry.add("notification.bhxh.retry.initial-backoff", () -> "100ms");
        registry.add("notification.bhxh.retry.max-backoff", () -> "400ms");
        registry.add("notification.bhxh.retry.max-attempts", () -> "200");
        registry.add("notification.bhxh.breaker.open-for", () -> "500ms");
        registry.add("notification.bhxh.poll-after", () -> "5s");
        registry.add("notification.messages.sms.base-url", SMS::baseUrl);
        registry.add("notification.messages.sms.token", () -> "test-sms-token");
        registry.add("notification.messages.sms.callback-secret", () -> SMS_SECRET);
        registry.add("notification.messages.retry.initial-backoff", () -> "100ms");
        registry.add("notification.messages.retry.max-backoff", () -> "400ms");
        registry.add("notification.messages.retry.max-attempts", () -> "200");
        registry.add("notification.messages.breaker.open-for", () -> "500ms");
        registry.add("spring.mail.port", MAIL::smtpPort);
    }

    /**
     * Announces {@code household} as registered in Phường Vĩnh Yên (08707), as household-service does, and waits until
     * this service has seen it: contacts are taken for known households only.
     */
    static void registered(int port, String household) {
        var event = EventFixtures.householdRegistered(household, "08707");
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Http.get("http://localhost:" + port
                + "/api/v1/households/" + household + "/events").status() == 200);
    }
}
