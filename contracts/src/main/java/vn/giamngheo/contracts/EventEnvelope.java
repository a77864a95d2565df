package vn.giamngheo.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event: attributes plus the payload. On Kafka the attributes are {@code ce_*} headers
 * (binary mode) and the key is {@link #subject()}, so all events of one aggregate stay in order on one partition.
 */
public record EventEnvelope<T extends DomainEvent>(
        String id, String source, EventType<T> type, String subject, Instant time, T data) {

    public EventEnvelope {
        Require.present(id, "ce_id");
        Require.present(source, "ce_source");
        Require.present(type, "ce_type");
        Require.present(subject, "ce_subject");
        Require.present(time, "ce_time");
        Require.present(data, "data");
        if (!subject.equals(data.aggregateId())) {
            throw new InvalidEventException("ce_subject '" + subject + "' is not the payload's aggregate '"
                    + data.aggregateId() + "'");
        }
    }

    /** A new event with a fresh id; the id is kept through every re-send, so consumers can recognise duplicates. */
    public static <T extends DomainEvent> EventEnvelope<T> create(EventType<T> type, T data, String source, Instant time) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), source, type, data.aggregateId(), time, data);
    }

    public String topic() {
        return type.topic();
    }

    public long sequence() {
        return data.sequence();
    }
}
