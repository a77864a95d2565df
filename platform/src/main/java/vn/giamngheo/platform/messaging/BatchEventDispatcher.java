package vn.giamngheo.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.InvalidEventException;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.dependencies.UntilAvailable;

/**
 * The body of a binding in batch mode (design §4a): a whole poll of one topic, decoded and handed to one
 * {@link BatchHandler}, which reads and writes it a collection at a time.
 *
 * <p>A poison record does not take its neighbours with it. A record that cannot be read (a missing header, a
 * payload that is not the event) ends the batch where it stands: the records before it are handled, and a
 * {@link BatchListenerFailedException} naming its index tells the container's error handler ({@link BatchDeadLetters})
 * to commit those, retry from the failed one a bounded number of times, dead-letter it alone and go on with the rest.
 * A handler that throws on the batch is given the same events one at a time, so that the one that fails is found
 * and only it is dead-lettered; the handler is idempotent, so the events it had already applied are duplicates.
 *
 * <p>MongoDB or Kafka being {@link Unavailable} is no fault of the events: a dispatcher that is a binding (every
 * {@code BatchEventDispatcher} bean) waits and tries the batch again for as long as it takes, as
 * {@link EventDispatcher} does.
 */
public final class BatchEventDispatcher implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(BatchEventDispatcher.class);

    private final Set<EventType<?>> types;
    private final BatchHandler handler;
    private final EventMetrics metrics;
    private final UntilAvailable untilAvailable;

    private BatchEventDispatcher(Set<EventType<?>> types, BatchHandler handler, EventMetrics metrics,
            UntilAvailable untilAvailable) {
        this.types = Set.copyOf(types);
        this.handler = handler;
        this.metrics = metrics;
        this.untilAvailable = untilAvailable;
    }

    public static Builder builder(EventMetrics metrics) {
        return new Builder(metrics);
    }

    /** The same dispatcher, waiting out an unavailable dependency instead of throwing (the platform does this). */
    public BatchEventDispatcher waitingWhileUnavailable(UntilAvailable untilAvailable) {
        return new BatchEventDispatcher(types, handler, metrics, untilAvailable);
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = headers(batch, payloads.size());
        List<EventEnvelope<?>> events = new ArrayList<>(payloads.size());
        List<Integer> indexes = new ArrayList<>(payloads.size());
        RuntimeException unreadable = null;
        int unreadableAt = -1;
        for (int i = 0; i < payloads.size(); i++) {
            try {
                Optional<EventEnvelope<?>> event = read(headers.get(i), payloads.get(i));
                if (event.isPresent()) {
                    events.add(event.get());
                    indexes.add(i);
                }
            } catch (RuntimeException e) {
                unreadable = e;
                unreadableAt = i;
                break;
            }
        }
        handle(events, indexes);
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, unreadableAt);
        }
    }

    /** The event of a record, or empty when this binding does not handle its type (counted as ignored). */
    private Optional<EventEnvelope<?>> read(Map<String, Object> headers, byte[] payload) {
        String ceType = EventDispatcher.header(headers, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new InvalidEventException("header '" + CloudEventHeaders.TYPE + "' is missing"));
        Optional<EventType<?>> type = EventTypes.byCeType(ceType).filter(types::contains);
        if (type.isEmpty()) {
            metrics.ignored(ceType);
            log.debug("Skipping event of type {} that this binding does not handle", ceType);
            return Optional.empty();
        }
        return Optional.of(EventDispatcher.envelope(headers, payload, type.get()));
    }

    private void handle(List<EventEnvelope<?>> events, List<Integer> indexes) {
        if (events.isEmpty()) {
            return;
        }
        List<Outcome> outcomes;
        try {
            outcomes = call(events);
        } catch (RuntimeException failed) {
            if (Unavailable.of(failed).isPresent()) {
                throw failed;
            }
            log.warn("A batch of {} {} events failed ({}); handling them one at a time to find the one that fails",
                    events.size(), events.getFirst().type().ceType(), failed.toString());
            outcomes = oneAtATime(events, indexes);
        }
        count(events, outcomes);
    }

    private List<Outcome> oneAtATime(List<EventEnvelope<?>> events, List<Integer> indexes) {
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            try {
                outcomes.addAll(call(List.of(events.get(i))));
            } catch (RuntimeException e) {
                count(events.subList(0, i), outcomes);
                if (Unavailable.of(e).isPresent()) {
                    throw e;
                }
                throw new BatchListenerFailedException(e.getMessage(), e, indexes.get(i));
            }
        }
        return outcomes;
    }

    private List<Outcome> call(List<EventEnvelope<?>> events) {
        List<Outcome> outcomes = untilAvailable == null ? handler.handle(events)
                : untilAvailable.call(events.size() + " events of " + events.getFirst().topic(),
                        () -> handler.handle(events));
        if (outcomes.size() != events.size()) {
            throw new IllegalStateException("the handler answered " + outcomes.size() + " outcomes for "
                    + events.size() + " events");
        }
        return outcomes;
    }

    private void count(List<EventEnvelope<?>> events, List<Outcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            String ceType = events.get(i).type().ceType();
            switch (outcomes.get(i)) {
                case IGNORED -> metrics.ignored(ceType);
                case APPLIED -> metrics.consumed(ceType);
                case DUPLICATE -> {
                    metrics.consumed(ceType);
                    metrics.duplicate(ceType);
                }
            }
        }
    }

    /**
     * Each record's headers: mapped by the binder's header mapper ({@code kafka_batchConvertedHeaders}), or the
     * records' own Kafka headers when no mapper is set ({@code kafka_nativeHeaders}).
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> headers(Message<List<byte[]>> batch, int size) {
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        if (converted instanceof List<?> list && list.size() == size) {
            return (List<Map<String, Object>>) list;
        }
        Object natives = batch.getHeaders().get(KafkaHeaders.NATIVE_HEADERS);
        if (natives instanceof List<?> list && list.size() == size) {
            List<Map<String, Object>> maps = new ArrayList<>(size);
            for (Object headers : list) {
                Map<String, Object> map = new HashMap<>();
                for (Header header : (Headers) headers) {
                    map.put(header.key(), header.value() == null ? null
                            : new String(header.value(), StandardCharsets.UTF_8));
                }
                maps.add(map);
            }
            return maps;
        }
        throw new IllegalStateException("a batch of " + size + " records without their headers ("
                + KafkaHeaders.BATCH_CONVERTED_HEADERS + " or " + KafkaHeaders.NATIVE_HEADERS
                + "): is the binding in batch mode?");
    }

    /**
     * One record again, from a dead-letter topic (see {@link DeadLetters}): handled at once, without waiting for an
     * unavailable dependency (the caller is answered 503), and what the handler did is returned.
     */
    public Outcome replay(Map<String, Object> headers, byte[] payload) {
        Optional<EventEnvelope<?>> event = read(headers, payload);
        if (event.isEmpty()) {
            return Outcome.IGNORED;
        }
        List<Outcome> outcomes = handler.handle(List.of(event.get()));
        count(List.of(event.get()), outcomes);
        return outcomes.getFirst();
    }

    /** A one-record binding of the same handler: the record mode, and the tests that hand it a sample. */
    public EventDispatcher perRecord() {
        EventDispatcher dispatcher = EventDispatcher.builder(metrics)
                .onEach(handler, types.toArray(EventType<?>[]::new)).build();
        return untilAvailable == null ? dispatcher : dispatcher.waitingWhileUnavailable(untilAvailable);
    }

    public static final class Builder {

        private final EventMetrics metrics;
        private final Set<EventType<?>> types = new LinkedHashSet<>();

        private Builder(EventMetrics metrics) {
            this.metrics = metrics;
        }

        /** The types this binding handles; others on its topic are skipped and counted as ignored. */
        public Builder on(EventType<?>... handled) {
            return on(List.of(handled));
        }

        public Builder on(Collection<EventType<?>> handled) {
            for (EventType<?> type : handled) {
                if (!types.add(type)) {
                    throw new IllegalStateException(type + " named twice");
                }
            }
            return this;
        }

        public BatchEventDispatcher handledBy(BatchHandler handler) {
            if (types.isEmpty()) {
                throw new IllegalStateException("a batch binding that handles no type");
            }
            return new BatchEventDispatcher(types, handler, metrics, null);
        }
    }
}
