package vn.giamngheo.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden samples under {@code samples/}: one structured CloudEvent per type. The publisher's test compares what it
 * writes with the sample; every consumer's test feeds the same sample to its handler.
 */
public final class Samples {

    private Samples() {
    }

    public static <T extends DomainEvent> EventEnvelope<T> envelope(EventType<T> type) {
        EventEnvelope<?> envelope = EventCodec.readStructured(raw(type));
        if (!envelope.type().equals(type)) {
            throw new IllegalStateException("sample " + type.sampleFile() + " holds a " + envelope.type());
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<T> typed = (EventEnvelope<T>) envelope;
        return typed;
    }

    /** The sample's payload exactly as it is written on the wire (the Kafka record value). */
    public static byte[] payloadBytes(EventType<?> type) {
        return JsonMapper.shared().writeValueAsBytes(JsonMapper.shared().readTree(raw(type)).get("data"));
    }

    public static byte[] raw(EventType<?> type) {
        String resource = "/samples/" + type.sampleFile();
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no golden sample " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
