package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.SampleMessages;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

@ServiceIntegrationTest
@org.springframework.context.annotation.Import(TestClock.Config.class)
class HouseholdEventsIT {

    private static final String REGISTERED = EventTypes.HOUSEHOLD_REGISTERED.ceType();

    @LocalServerPort
    int port;

    @Autowired
    BatchEventDispatcher householdEvents;

    @Autowired
    EventMetrics metrics;

    private Http.Response view(String householdId) {
        return Http.get("http://localhost:" + port + "/api/v1/households/" + householdId);
    }

    @Test
    void theGoldenSampleBuildsTheEligibilityViewAndASecondDeliveryChangesNothing() {
        HouseholdRegistered sample = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED).data();

        poll(householdEvents, SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));
        double duplicates = metrics.count("giamngheo.events.duplicate", REGISTERED);
        poll(householdEvents, SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));

        var view = view(sample.householdId()).json();
        assertThat(view.get("unitCode").asString()).isEqualTo("08707");
        assertThat(view.get("members")).hasSize(3);
        assertThat(view.get("sequence").asLong()).isEqualTo(1);
        assertThat(metrics.count("giamngheo.events.duplicate", REGISTERED)).isEqualTo(duplicates + 1);
    }

    @Test
    void aRegistrationDeliveredTwiceThroughTheBrokerIsAppliedOnce() {
        String id = EventFixtures.newId();
        EventEnvelope<HouseholdRegistered> event = EventFixtures.householdRegistered(id, "08716");
        double duplicates = metrics.count("giamngheo.events.duplicate", REGISTERED);

        TopicProbe.publish(event, vn.giamngheo.contracts.EventCodec.writePayload(event.data()));
        TopicProbe.publish(event, vn.giamngheo.contracts.EventCodec.writePayload(event.data()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(view(id).status()).isEqualTo(200);
            assertThat(metrics.count("giamngheo.events.duplicate", REGISTERED)).isEqualTo(duplicates + 1);
        });
        assertThat(view(id).json().get("unitCode").asString()).isEqualTo("08716");
    }

    @Test
    void anEventThatCannotBeReadGoesToThisServicesDeadLetterTopicAndChangesNothing() {
        String id = EventFixtures.newId();
        EventEnvelope<HouseholdRegistered> event = EventFixtures.householdRegistered(id, "08707");
        byte[] withoutUnit = new String(vn.giamngheo.contracts.EventCodec.writePayload(event.data()),
                StandardCharsets.UTF_8).replace("\"unitCode\":\"08707\",", "").getBytes(StandardCharsets.UTF_8);
        double deadLettered = metrics.count("giamngheo.events.dead.lettered", REGISTERED);

        TopicProbe.publish(event, withoutUnit);

        ConsumerRecord<String, byte[]> dead = TopicProbe.await(
                Topics.deadLetter(Topics.HOUSEHOLD_EVENTS, "policy-service"), TopicProbe.key(id), 1,
                Duration.ofSeconds(30)).getFirst();
        assertThat(TopicProbe.header(dead, CloudEventHeaders.TYPE)).isEqualTo(REGISTERED);
        assertThat(TopicProbe.header(dead, "x-exception-message")).contains("unitCode");
        assertThat(metrics.count("giamngheo.events.dead.lettered", REGISTERED)).isEqualTo(deadLettered + 1);
        assertThat(view(id).status()).isEqualTo(404);

        // the city's administrator sees it with its error, and a replay while the cause remains says so
        tools.jackson.databind.JsonNode letter = Http.as(TestTokens.cityAdmin(),
                () -> Http.get("http://localhost:" + port + "/api/v1/dead-letters/householdEvents?limit=500"))
                .expectStatus(200).json().valueStream().filter(l -> id.equals(l.get("subject").asString()))
                .findFirst().orElseThrow();
        assertThat(letter.get("error").asString()).contains("unitCode");
        assertThat(letter.get("type").asString()).isEqualTo(REGISTERED);
        tools.jackson.databind.JsonNode replay = Http.as(TestTokens.cityAdmin(), () -> Http.post("http://localhost:"
                + port + "/api/v1/dead-letters/householdEvents/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/replay", "")).expectStatus(200).json();
        assertThat(replay.get("result").asString()).isEqualTo("FAILED");
        assertThat(replay.get("message").asString()).contains("unitCode");
        assertThat(view(id).status()).isEqualTo(404);
    }

    @Test
    void anUnknownHouseholdIsA404Problem() {
        Http.Response response = view("never-registered");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** A record as the binding in batch mode gets it: a poll of one. */
    private static void poll(BatchEventDispatcher binding, Message<byte[]> record) {
        binding.accept(SampleMessages.batch(record));
    }
}
