package vn.giamngheo.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.SampleMessages;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

@ServiceIntegrationTest
class HouseholdCountIT {

    @LocalServerPort
    int port;

    @Autowired
    Consumer<Message<byte[]>> householdEvents;

    @Autowired
    EventMetrics metrics;

    private long households(String unitCode) {
        return Http.get("http://localhost:" + port + "/api/v1/areas/" + unitCode + "/summary").json()
                .get("households").asLong();
    }

    @Test
    void theGoldenSampleCountsOnceHoweverOftenItIsDelivered() {
        // The sample's unit (08707) is used by this test alone; the other tests use their own units.
        householdEvents.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));
        householdEvents.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));

        assertThat(households("08707")).isEqualTo(1);
    }

    @Test
    void householdsRegisteredThroughTheBrokerAreCountedPerUnitAndADuplicateChangesNoCount() {
        String unit = "08716";
        long before = households(unit);
        EventEnvelope<HouseholdRegistered> first = EventFixtures.householdRegistered(EventFixtures.newId(), unit);
        EventEnvelope<HouseholdRegistered> second = EventFixtures.householdRegistered(EventFixtures.newId(), unit);
        double duplicates = metrics.count("giamngheo.events.duplicate", EventTypes.HOUSEHOLD_REGISTERED.ceType());

        TopicProbe.publish(first, EventCodec.writePayload(first.data()));
        TopicProbe.publish(second, EventCodec.writePayload(second.data()));
        TopicProbe.publish(first, EventCodec.writePayload(first.data()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                metrics.count("giamngheo.events.duplicate", EventTypes.HOUSEHOLD_REGISTERED.ceType()))
                .isEqualTo(duplicates + 1));
        assertThat(households(unit)).isEqualTo(before + 2);
    }

    @Test
    void aHouseholdThatLeftTheRegistryIsNoLongerCounted() {
        String unit = "08725";
        String id = EventFixtures.newId();
        EventEnvelope<HouseholdRegistered> registered = EventFixtures.householdRegistered(id, unit);
        householdEvents.accept(SampleMessages.of(registered));
        long withIt = households(unit);

        householdEvents.accept(SampleMessages.of(EventFixtures.householdRemoved(id, 2)));
        householdEvents.accept(SampleMessages.of(registered));

        assertThat(households(unit)).isEqualTo(withIt - 1);
    }

    @Test
    void aUnitWithNoHouseholdsCountsZeroAndAMalformedCodeIsA400() {
        assertThat(households("08731")).isZero();

        Http.Response bad = Http.get("http://localhost:" + port + "/api/v1/areas/abc/summary");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }
}
