package vn.giamngheo.platform.messaging;

import java.util.List;
import vn.giamngheo.contracts.EventEnvelope;

/**
 * Handles a poll's worth of one binding's events at once (design §4a): group them by aggregate, load all the
 * aggregates in one query, decide, write all in one bulk operation per collection.
 *
 * <p>The events come in the order they were polled, so each aggregate's events are in their order (they share a
 * partition). The handler returns one {@link Outcome} per event, in the same order. It must be idempotent as every
 * consumer is: the whole list, or a part of it, may be delivered again. A handler that throws (other than for an
 * unavailable dependency) makes the dispatcher hand it the events one at a time, to find the one that fails and
 * dead-letter only that one.
 */
@FunctionalInterface
public interface BatchHandler {

    List<Outcome> handle(List<EventEnvelope<?>> events);
}
