package vn.giamngheo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SamplesTest {

    static final java.util.List<EventType<?>> TYPES = EventTypes.ALL;

    @ParameterizedTest
    @FieldSource("TYPES")
    void everyTypeHasASampleThatParsesIntoItsPayload(EventType<?> type) {
        EventEnvelope<?> sample = Samples.envelope(type);

        assertThat(sample.type()).isEqualTo(type);
        assertThat(sample.data()).isInstanceOf(type.payload());
        assertThat(sample.subject()).isEqualTo(sample.data().aggregateId());
        assertThat(sample.sequence()).isPositive();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void writingTheParsedPayloadGivesTheSampleBack(EventType<?> type) {
        EventEnvelope<?> sample = Samples.envelope(type);

        byte[] written = EventCodec.writePayload(sample.data());

        assertThat(EventCodec.sameJson(written, Samples.payloadBytes(type)))
                .as("%s written as %s", type, new String(written, StandardCharsets.UTF_8))
                .isTrue();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void structuredFormRoundTrips(EventType<?> type) {
        EventEnvelope<?> sample = Samples.envelope(type);

        EventEnvelope<?> again = EventCodec.readStructured(
                EventCodec.writeStructured(sample).getBytes(StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(sample);
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void ceTypeIsALogicalVersionedNameNeverAClassName(EventType<?> type) {
        assertThat(type.ceType()).matches("vn\\.giamngheo\\.[a-z-]+\\.[a-z-]+\\.v\\d+");
        assertThat(type.ceType()).doesNotContain(type.payload().getSimpleName());
        assertThat(EventTypes.byCeType(type.ceType())).contains(type);
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void everyTypeIsPublishedOnAKnownTopic(EventType<?> type) {
        assertThat(Topics.ALL).contains(type.topic());
    }

    @Test
    void unknownTypesAreNotGuessed() {
        assertThat(EventTypes.byCeType("vn.giamngheo.household.registered.v9")).isEmpty();
        assertThat(EventTypes.byCeType(null)).isEmpty();
    }

    @Test
    void deadLetterTopicsArePerConsumerGroup() {
        assertThat(Topics.deadLetter(Topics.HOUSEHOLD_EVENTS, "policy-service"))
                .isEqualTo("household.events.policy-service.dlq");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        String json = new String(Samples.payloadBytes(EventTypes.HOUSEHOLD_REGISTERED), StandardCharsets.UTF_8)
                .replace("\"unitCode\":\"08707\",", "");

        assertThatThrownBy(() -> EventCodec.readPayload(json.getBytes(StandardCharsets.UTF_8),
                EventTypes.HOUSEHOLD_REGISTERED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("vn.giamngheo.household.registered.v1")
                .hasMessageContaining("unitCode");
    }

    @Test
    void aWrongTypeIsNamed() {
        String json = new String(Samples.payloadBytes(EventTypes.HOUSEHOLD_REGISTERED), StandardCharsets.UTF_8)
                .replace("\"sequence\":1", "\"sequence\":\"first\"");

        assertThatThrownBy(() -> EventCodec.readPayload(json.getBytes(StandardCharsets.UTF_8),
                EventTypes.HOUSEHOLD_REGISTERED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sequence");
    }

    @Test
    void notJsonAtAllIsInvalid() {
        assertThatThrownBy(() -> EventCodec.readPayload("{not json".getBytes(StandardCharsets.UTF_8),
                EventTypes.HOUSEHOLD_REGISTERED))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void fieldsAddedByANewerPublisherAreIgnored() {
        String json = new String(Samples.payloadBytes(EventTypes.HOUSEHOLD_REMOVED), StandardCharsets.UTF_8)
                .replace("{", "{\"addedLater\":{\"x\":1},");

        assertThat(EventCodec.readPayload(json.getBytes(StandardCharsets.UTF_8), EventTypes.HOUSEHOLD_REMOVED))
                .isEqualTo(Samples.envelope(EventTypes.HOUSEHOLD_REMOVED).data());
    }

    @Test
    void vietnameseTextSurvivesAsUtf8() {
        String village = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED).data().village();

        assertThat(village).isEqualTo("Tổ dân phố Đồng Tâm 3");
        assertThat(new String(EventCodec.writePayload(Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED).data()),
                StandardCharsets.UTF_8)).contains("Tổ dân phố Đồng Tâm 3");
    }

    @Test
    void aSubjectThatIsNotThePayloadsAggregateIsRejected() {
        var registered = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED);

        assertThatThrownBy(() -> new EventEnvelope<>(registered.id(), registered.source(), registered.type(),
                "someone-else", registered.time(), registered.data()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_subject");
    }

    @Test
    void contractsPullInNoFramework() {
        for (String framework : new String[] {"org.springframework.context.ApplicationContext",
                "com.mongodb.client.MongoClient", "org.apache.kafka.clients.producer.Producer"}) {
            assertThatThrownBy(() -> Class.forName(framework)).isInstanceOf(ClassNotFoundException.class);
        }
    }
}
