package vn.giamngheo.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;

/**
 * What a command decided about one aggregate: the state {@link #after} it, the version it was decided on (or
 * {@link #NEW}: the aggregate must not exist yet), and the events it causes. {@link AggregateCollection} writes all of
 * it in one single-document operation, guarded by the expected version.
 *
 * @param expectedVersion the version the command read; {@link #NEW} for an aggregate that does not exist yet
 * @param events          published in this order after the write (their {@code sequence} is the aggregate's version)
 * @param appends         elements pushed onto array fields of the document in the same write (e.g. a history line)
 */
public record Change<R>(long expectedVersion, R after, List<Event<?>> events, List<Append> appends) {

    /** The expected version of an aggregate that must not exist yet: written by an insert-if-absent. */
    public static final long NEW = -1;

    public Change {
        events = List.copyOf(events);
        appends = List.copyOf(appends);
    }

    /** A new aggregate with the events of its creation. */
    public static <R> Change<R> create(R after, List<Event<?>> events) {
        return new Change<>(NEW, after, events, List.of());
    }

    /** A new aggregate without events. */
    public static <R> Change<R> create(R after) {
        return create(after, List.of());
    }

    /** The state after a command decided on {@code expectedVersion}. */
    public static <R> Change<R> update(long expectedVersion, R after, List<Event<?>> events) {
        return new Change<>(expectedVersion, after, events, List.of());
    }

    /** The state after a command decided on {@code expectedVersion}, without events. */
    public static <R> Change<R> update(long expectedVersion, R after) {
        return update(expectedVersion, after, List.of());
    }

    /** This change, also pushing {@code element} (a BSON value: a Document, a string...) onto the array {@code field}. */
    public Change<R> appending(String field, Object element) {
        List<Append> more = new ArrayList<>(appends);
        more.add(new Append(field, element));
        return new Change<>(expectedVersion, after, events, more);
    }

    public boolean isNew() {
        return expectedVersion == NEW;
    }

    /** An event with its logical type. */
    public record Event<T extends DomainEvent>(EventType<T> type, T payload) {

        /** The type of each payload class that exactly one type in {@link EventTypes#ALL} carries. */
        private static final Map<Class<?>, EventType<?>> BY_PAYLOAD = EventTypes.ALL.stream()
                .collect(Collectors.groupingBy(EventType::payload)).entrySet().stream()
                .filter(e -> e.getValue().size() == 1)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().getFirst()));

        /** The event with the one type in {@link EventTypes#ALL} whose payload class it is. */
        public static Event<?> of(DomainEvent payload) {
            EventType<?> type = BY_PAYLOAD.get(payload.getClass());
            if (type == null) {
                throw new IllegalArgumentException("not exactly one event type carries " + payload.getClass()
                        + "; name the type");
            }
            return typed(type, payload);
        }

        /** Every payload with its type ({@link #of}). */
        public static List<Event<?>> of(List<? extends DomainEvent> payloads) {
            return payloads.stream().<Event<?>>map(Event::of).toList();
        }

        @SuppressWarnings("unchecked")
        private static <T extends DomainEvent> Event<T> typed(EventType<T> type, DomainEvent payload) {
            return new Event<>(type, (T) payload);
        }
    }

    /** An element pushed onto the array {@code field} of the aggregate's document. */
    public record Append(String field, Object element) {
    }
}
