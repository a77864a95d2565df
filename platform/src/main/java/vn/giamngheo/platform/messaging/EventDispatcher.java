package vn.giamngheo.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.InvalidEventException;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.dependencies.UntilAvailable;

/**
 * The body of a functional binding: reads the CloudEvents headers, decodes the payload and hands it to the handler
 * registered for its type. Handlers must be idempotent (deterministic ids, upserts, sequence guards); whatever they
 * throw goes back to the binder, which retries a bounded number of times and then dead-letters the record.
 *
 * <p>Except that MongoDB or Kafka being {@link Unavailable} is no fault of the event: a dispatcher that is a binding
 * (every {@code EventDispatcher} bean, see {@link #waitingWhileUnavailable}) then holds the record, waits and tries
 * again for as long as it takes, so a database outage delays events instead of dead-lettering them. While it waits the
 * record is not acknowledged: if the service stops meanwhile, the record is delivered again after the restart; a wait
 * longer than the consumer's {@code max.poll.interval.ms} (5 min) makes the group rebalance and the record is
 * delivered again too, which the idempotent handlers absorb. A
 * dispatcher built for a replay inside a request (reporting's reconciliation) throws instead, and its caller is
 * answered 503.
 */
public final class EventDispatcher implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<EventType<?>, Function<EventEnvelope<?>, Outcome>> handlers;
    private final EventMetrics metrics;
    private final UntilAvailable untilAvailable;

    private EventDispatcher(Map<EventType<?>, Function<EventEnvelope<?>, Outcome>> handlers, EventMetrics metrics,
            UntilAvailable untilAvailable) {
        this.handlers = Map.copyOf(handlers);
        this.metrics = metrics;
        this.untilAvailable = untilAvailable;
    }

    public static Builder builder(EventMetrics metrics) {
        return new Builder(metrics);
    }

    /** The same dispatcher, waiting out an unavailable dependency instead of throwing (the platform does this). */
    public EventDispatcher waitingWhileUnavailable(UntilAvailable untilAvailable) {
        return new EventDispatcher(handlers, metrics, untilAvailable);
    }

    @Override
    public void accept(Message<byte[]> message) {
        String ceType = header(message, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new InvalidEventException("header '" + CloudEventHeaders.TYPE + "' is missing"));
        Optional<EventType<?>> type = EventTypes.byCeType(ceType);
        Function<EventEnvelope<?>, Outcome> handler = type.map(handlers::get).orElse(null);
        if (handler == null) {
            metrics.ignored(ceType);
            log.debug("Skipping event of type {} that this service does not handle", ceType);
            return;
        }
        EventEnvelope<?> event = envelope(message, type.get());
        Outcome outcome = untilAvailable == null ? handler.apply(event)
                : untilAvailable.call(ceType + " " + event.id() + " of " + event.subject(), () -> handler.apply(event));
        if (outcome == Outcome.IGNORED) {
            metrics.ignored(ceType);
            return;
        }
        metrics.consumed(ceType);
        if (outcome == Outcome.DUPLICATE) {
            metrics.duplicate(ceType);
            log.debug("Duplicate {} {} for {} (sequence {})", ceType, event.id(), event.subject(), event.sequence());
        }
    }

    /**
     * One record again, from a dead-letter topic (see {@link DeadLetters}): handled at once, without waiting for an
     * unavailable dependency (the caller is answered 503), and what the handler did is returned.
     */
    public Outcome replay(Map<String, Object> headers, byte[] payload) {
        String ceType = header(headers, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new InvalidEventException("header '" + CloudEventHeaders.TYPE + "' is missing"));
        Optional<EventType<?>> type = EventTypes.byCeType(ceType);
        Function<EventEnvelope<?>, Outcome> handler = type.map(handlers::get).orElse(null);
        if (handler == null) {
            return Outcome.IGNORED;
        }
        return handler.apply(envelope(headers, payload, type.get()));
    }

    private static <T extends DomainEvent> EventEnvelope<T> envelope(Message<byte[]> message, EventType<T> type) {
        return envelope(message.getHeaders(), message.getPayload(), type);
    }

    /** The event of one record from its CloudEvents headers and payload; throws when it cannot be read. */
    static <T extends DomainEvent> EventEnvelope<T> envelope(Map<String, Object> headers, byte[] payload,
            EventType<T> type) {
        T data = EventCodec.readPayload(payload, type);
        return new EventEnvelope<>(
                required(headers, CloudEventHeaders.ID),
                required(headers, CloudEventHeaders.SOURCE),
                type,
                required(headers, CloudEventHeaders.SUBJECT),
                EventCodec.parseTime(required(headers, CloudEventHeaders.TIME)),
                data);
    }

    private static String required(Map<String, Object> headers, String name) {
        return header(headers, name)
                .orElseThrow(() -> new InvalidEventException("header '" + name + "' is missing"));
    }

    /** Kafka headers arrive as bytes or, after the binder's mapping, as strings. */
    static Optional<String> header(Message<?> message, String name) {
        return header(message.getHeaders(), name);
    }

    static Optional<String> header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(value).map(Object::toString).filter(s -> !s.isBlank());
    }

    public static final class Builder {

        private final EventMetrics metrics;
        private final Map<EventType<?>, Function<EventEnvelope<?>, Outcome>> handlers = new HashMap<>();

        private Builder(EventMetrics metrics) {
            this.metrics = metrics;
        }

        @SuppressWarnings("unchecked")
        public <T extends DomainEvent> Builder on(EventType<T> type, Function<EventEnvelope<T>, Outcome> handler) {
            if (handlers.putIfAbsent(type, event -> handler.apply((EventEnvelope<T>) event)) != null) {
                throw new IllegalStateException("two handlers for " + type);
            }
            return this;
        }

        /**
         * One handler for several types, given one event at a time (a list of one): the binding of a
         * {@link BatchHandler} that does not run in batch mode.
         */
        public Builder onEach(BatchHandler handler, EventType<?>... types) {
            for (EventType<?> type : types) {
                if (handlers.putIfAbsent(type, event -> handler.handle(java.util.List.of(event)).getFirst()) != null) {
                    throw new IllegalStateException("two handlers for " + type);
                }
            }
            return this;
        }

        public EventDispatcher build() {
            return new EventDispatcher(handlers, metrics, null);
        }
    }
}
