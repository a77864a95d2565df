package vn.giamngheo.contracts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON form of events, shared by publishers and consumers. Payloads are plain JSON objects with ISO-8601
 * dates; unknown fields are ignored on reading because evolution is additive.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static byte[] writePayload(DomainEvent payload) {
        return MAPPER.writeValueAsBytes(payload);
    }

    public static String writePayloadAsString(DomainEvent payload) {
        return MAPPER.writeValueAsString(payload);
    }

    /** Reads a payload; anything malformed becomes an {@link InvalidEventException} naming the type and field. */
    public static <T extends DomainEvent> T readPayload(byte[] json, EventType<T> type) {
        try {
            T payload = MAPPER.readValue(json, type.payload());
            if (payload == null) {
                throw new InvalidEventException(type.ceType() + ": payload is null");
            }
            return payload;
        } catch (JacksonException e) {
            throw new InvalidEventException(type.ceType() + ": " + describe(e), e);
        }
    }

    /** The structured-mode JSON of an event (CloudEvents JSON format), used for golden samples and dead-letter dumps. */
    public static String writeStructured(EventEnvelope<?> event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("specversion", CloudEventHeaders.SPEC_VERSION_VALUE);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type().ceType());
        node.put("subject", event.subject());
        node.put("time", event.time().toString());
        node.put("datacontenttype", CloudEventHeaders.JSON);
        node.set("data", MAPPER.valueToTree(event.data()));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    public static EventEnvelope<?> readStructured(byte[] json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException("not a JSON CloudEvent: " + e.getOriginalMessage(), e);
        }
        String ceType = text(node, "type");
        EventType<?> type = EventTypes.byCeType(ceType)
                .orElseThrow(() -> new InvalidEventException("unknown event type '" + ceType + "'"));
        return structured(node, type);
    }

    private static <T extends DomainEvent> EventEnvelope<T> structured(JsonNode node, EventType<T> type) {
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(text(node, "specversion"))) {
            throw new InvalidEventException("specversion must be 1.0");
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("field 'data' is missing");
        }
        T payload = readPayload(MAPPER.writeValueAsBytes(data), type);
        return new EventEnvelope<>(text(node, "id"), text(node, "source"), type, text(node, "subject"),
                parseTime(text(node, "time")), payload);
    }

    public static Instant parseTime(String value) {
        try {
            return Instant.parse(Require.present(value, "ce_time"));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time '" + value + "' is not an RFC 3339 timestamp", e);
        }
    }

    /** Equal JSON trees, whatever the key order and spacing. */
    public static boolean sameJson(byte[] a, byte[] b) {
        return MAPPER.readTree(a).equals(MAPPER.readTree(b));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isString()) {
            throw new InvalidEventException("field '" + field + "' is missing");
        }
        return value.asString();
    }

    private static String describe(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException invalid) {
                return invalid.getMessage();
            }
        }
        String path = e.getPathReference();
        return (path == null || path.isBlank() ? "" : "at " + path + ": ") + e.getOriginalMessage();
    }
}
