package vn.giamngheo.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.Samples;

/** Golden samples as the binder hands them to a functional binding: payload bytes plus byte-valued ce_* headers. */
public final class SampleMessages {

    private SampleMessages() {
    }

    public static Message<byte[]> of(EventType<?> type) {
        return of(Samples.envelope(type), Samples.payloadBytes(type));
    }

    public static Message<byte[]> of(EventEnvelope<?> event) {
        return of(event, EventCodec.writePayload(event.data()));
    }

    public static Message<byte[]> of(EventEnvelope<?> event, byte[] payload) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(payload);
        headers(event).forEach((name, value) -> builder.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        return builder.build();
    }

    static Map<String, String> headers(EventEnvelope<?> event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, event.id());
        headers.put(CloudEventHeaders.SOURCE, event.source());
        headers.put(CloudEventHeaders.TYPE, event.type().ceType());
        headers.put(CloudEventHeaders.SUBJECT, event.subject());
        headers.put(CloudEventHeaders.TIME, event.time().toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }
}
