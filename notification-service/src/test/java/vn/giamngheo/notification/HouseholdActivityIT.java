package vn.giamngheo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.SampleMessages;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

@ServiceIntegrationTest
class HouseholdActivityIT extends OutsideWorld {

    @LocalServerPort
    int port;

    @Autowired
    BatchEventDispatcher householdEvents;

    @Autowired
    EventMetrics metrics;

    private Http.Response events(String householdId) {
        return Http.get("http://localhost:" + port + "/api/v1/households/" + householdId + "/events");
    }

    @Test
    void theGoldenSampleIsRecordedOnceHoweverOftenItIsDelivered() {
        var sample = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED);

        householdEvents.accept(SampleMessages.batch(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED)));
        householdEvents.accept(SampleMessages.batch(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED)));

        var seen = events(sample.subject()).json();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("eventId").asString()).isEqualTo(sample.id());
        assertThat(seen.get(0).get("type").asString()).isEqualTo("vn.giamngheo.household.registered.v1");
    }

    @Test
    void anEventRedeliveredThroughTheBrokerIsRecordedOnce() {
        String id = EventFixtures.newId();
        EventEnvelope<HouseholdRegistered> event = EventFixtures.householdRegistered(id, "08716");
        double duplicates = metrics.count("giamngheo.events.duplicate", EventTypes.HOUSEHOLD_REGISTERED.ceType());

        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                metrics.count("giamngheo.events.duplicate", EventTypes.HOUSEHOLD_REGISTERED.ceType()))
                .isEqualTo(duplicates + 1));
        assertThat(events(id).json()).hasSize(1);
    }

    @Test
    void aHouseholdNeverSeenIsA404Problem() {
        Http.Response response = events("never-seen");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Sign-in and roles in notification-service; the outside systems' callbacks answer to their signature instead. */
    @Test
    void rolesPerEndpointGroup() {
        String base = "http://localhost:" + port;
        java.util.function.BiFunction<String, String, Integer> get = (token, path) ->
                Http.as(token, () -> Http.get(base + path)).status();
        assertThat(get.apply(null, "/api/v1/messages")).isEqualTo(401);
        assertThat(get.apply(vn.giamngheo.testsupport.TestTokens.foreignIssuer(), "/api/v1/messages")).isEqualTo(401);
        assertThat(get.apply(vn.giamngheo.testsupport.TestTokens.role("LABOUR_OFFICER", "*"), "/api/v1/messages"))
                .isEqualTo(200);
        assertThat(get.apply(vn.giamngheo.testsupport.TestTokens.role("WARD_OFFICER", "08707"), "/api/v1/messages"))
                .isEqualTo(403);
        // A commune's officer reads one household's card requests and messages (the sweep checks the area), not all.
        assertThat(get.apply(vn.giamngheo.testsupport.TestTokens.role("WARD_OFFICER", "08707"), "/api/v1/card-requests"))
                .isEqualTo(403);
        assertThat(get.apply(vn.giamngheo.testsupport.TestTokens.role("COMMUNE_CHAIRMAN", "08707"),
                "/api/v1/messages")).isEqualTo(403);
        assertThat(get.apply(vn.giamngheo.testsupport.TestTokens.role("STEERING_VIEWER"), "/api/v1/card-requests"))
                .isEqualTo(403);
        assertThat(get.apply(vn.giamngheo.testsupport.TestTokens.departmentOfficer("HEALTH_INSURANCE"),
                "/api/v1/card-requests")).isEqualTo(200);
        // No token, no signature: the callback is refused by its signature check, not by sign-in.
        Http.Response callback = Http.as(null, () -> Http.post(base + "/api/v1/bhxh/card-callbacks", "{}"));
        assertThat(callback.status()).isEqualTo(401);
        assertThat(callback.body()).containsIgnoringCase("signature");
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** Every endpoint wants a token, except the two callbacks, which answer 401 to a missing signature instead. */
    @Test
    void everyProtectedEndpointAnswers401WithoutAToken() {
        var calls = vn.giamngheo.testsupport.Endpoints.withoutToken(port, mappings, java.util.Set.of());
        assertThat(calls).hasSizeGreaterThanOrEqualTo(12);
        assertThat(calls).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(401));
    }
}
