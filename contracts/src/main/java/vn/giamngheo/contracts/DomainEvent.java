package vn.giamngheo.contracts;

/**
 * A payload: a small immutable fact in the past tense. {@link #sequence()} is the version of the aggregate
 * after the fact, increasing by one per event of that aggregate, so consumers can ignore stale or repeated events.
 */
public interface DomainEvent {

    /** The aggregate the fact is about; the Kafka key and the CloudEvents subject. */
    String aggregateId();

    long sequence();
}
