package vn.giamngheo.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters of events by CloudEvents type; the {@code service} tag is a common tag set in configuration. */
public class EventMetrics {

    private record Key(String name, String ceType) {
    }

    private final MeterRegistry registry;
    /** Registering looks the meter up by its whole id (name, tags, common tags) on every event: done once per type. */
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String ceType) {
        counter("giamngheo.events.published", ceType).increment();
    }

    public void publishFailed(String ceType) {
        counter("giamngheo.events.publish.failed", ceType).increment();
    }

    public void consumed(String ceType) {
        counter("giamngheo.events.consumed", ceType).increment();
    }

    public void duplicate(String ceType) {
        counter("giamngheo.events.duplicate", ceType).increment();
    }

    /** A type this service does not handle (or does not know yet); skipped, not an error. */
    public void ignored(String ceType) {
        counter("giamngheo.events.ignored", ceType).increment();
    }

    public void deadLettered(String ceType) {
        counter("giamngheo.events.dead.lettered", ceType).increment();
    }

    public double count(String name, String ceType) {
        Counter counter = registry.find(name).tag("type", ceType).counter();
        return counter == null ? 0 : counter.count();
    }

    private Counter counter(String name, String ceType) {
        String type = ceType == null ? "unknown" : ceType;
        return counters.computeIfAbsent(new Key(name, type),
                k -> Counter.builder(k.name()).tag("type", k.ceType()).register(registry));
    }
}
