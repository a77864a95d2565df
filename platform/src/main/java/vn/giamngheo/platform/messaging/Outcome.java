package vn.giamngheo.platform.messaging;

/** What a consumer did with an event. */
public enum Outcome {
    /** The event changed this service's state. */
    APPLIED,
    /** Seen before (same or older sequence, or the same deterministic id): nothing changed. */
    DUPLICATE,
    /** About something this instance does not hold (e.g. another department's decision): nothing to do. */
    IGNORED
}
