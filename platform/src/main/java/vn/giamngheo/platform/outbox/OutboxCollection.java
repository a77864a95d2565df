package vn.giamngheo.platform.outbox;

/** Declares a collection whose documents carry an outbox; the relay watches every declared collection. */
public record OutboxCollection(String name) {
}
