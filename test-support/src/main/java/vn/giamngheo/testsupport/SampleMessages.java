package vn.giamngheo.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
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

    /**
     * Records as the binder hands a poll to a binding in batch mode: the payloads as a list, each record's headers
     * (byte values) in {@code kafka_batchConvertedHeaders} at the same index.
     */
    @SafeVarargs
    public static Message<List<byte[]>> batch(Message<byte[]>... records) {
        return batch(List.of(records));
    }

    public static Message<List<byte[]>> batch(List<Message<byte[]>> records) {
        List<byte[]> payloads = new ArrayList<>(records.size());
        List<Map<String, Object>> headers = new ArrayList<>(records.size());
        for (Message<byte[]> record : records) {
            payloads.add(record.getPayload());
            Map<String, Object> own = new LinkedHashMap<>(record.getHeaders());
            own.remove(MessageHeaders.ID);
            own.remove(MessageHeaders.TIMESTAMP);
            headers.add(own);
        }
        return MessageBuilder.withPayload(payloads).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers).build();
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
