package vn.giamngheo.platform.outbox;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.platform.PlatformProperties;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.messaging.EventMetrics;

/**
 * Publishes the pending events of aggregates, oldest first, and removes each only after Kafka acknowledged it
 * ({@code acks=all}, idempotent producer). A write wakes the relay at once; a periodic sweep finds events left by a
 * crash between the write and the wake-up. Delivery is therefore at-least-once, never lost. One relay thread per
 * service instance keeps the events of an aggregate in order; the aggregate id is the key, so they share a partition.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private record Key(String collection, Object id) {
    }

    private final MongoDatabase database;
    private final Producer<String, byte[]> producer;
    private final CopyOnWriteArrayList<String> collections = new CopyOnWriteArrayList<>();
    private final PlatformProperties.Relay config;
    private final EventMetrics metrics;
    private final LinkedBlockingQueue<Key> wakeUps = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    /** Sweeps the collections {@link #watch watched}: those {@link vn.giamngheo.platform.persistence.Aggregates} declares. */
    public OutboxRelay(MongoDatabase database, Producer<String, byte[]> producer, PlatformProperties.Relay config,
            EventMetrics metrics) {
        this.database = database;
        this.producer = producer;
        this.config = config;
        this.metrics = metrics;
    }

    /** Sweeps {@code collection} too (declared by {@link vn.giamngheo.platform.persistence.Aggregates}). */
    public void watch(String collection) {
        collections.addIfAbsent(collection);
    }

    /** Call after a write that appended pending events; publication then starts without waiting for the sweep. */
    public void wake(String collection, Object aggregateId) {
        wakeUps.offer(new Key(collection, aggregateId));
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Instant nextSweep = Instant.now();
        while (running) {
            try {
                Set<Key> batch = new LinkedHashSet<>();
                long waitMillis = Math.max(0, nextSweep.toEpochMilli() - System.currentTimeMillis());
                Key first = wakeUps.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    List<Key> more = new ArrayList<>();
                    wakeUps.drainTo(more, config.batchSize() - 1);
                    batch.addAll(more);
                }
                if (!Instant.now().isBefore(nextSweep)) {
                    Set<Key> found = sweep();
                    batch.addAll(found);
                    // A full sweep means more may be waiting: look again at once rather than after the interval.
                    nextSweep = found.size() >= config.batchSize() ? Instant.now()
                            : Instant.now().plus(config.sweepInterval());
                }
                if (!batch.isEmpty() && publish(batch) < 0) {
                    Thread.sleep(config.retryBackoff().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Optional<Unavailable> unavailable = Unavailable.of(e);
                if (unavailable.isPresent()) {
                    // Pending events stay in their aggregates; the round is repeated once the dependency is back.
                    log.warn("Outbox relay round failed, {}; retrying after {}", unavailable.get().summary(),
                            config.retryBackoff());
                } else {
                    log.warn("Outbox relay round failed; retrying after {}", config.retryBackoff(), e);
                }
                try {
                    Thread.sleep(config.retryBackoff().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Set<Key> sweep() {
        Set<Key> found = new LinkedHashSet<>();
        for (String collection : collections) {
            database.getCollection(collection)
                    .find(Filters.exists(Outbox.FIELD + ".0"))
                    .projection(Projections.include("_id"))
                    .limit(config.batchSize())
                    .forEach(doc -> found.add(new Key(collection, doc.get("_id"))));
        }
        return found;
    }

    /** @return events published, or -1 when any failed (the caller backs off) */
    private int publish(Set<Key> keys) {
        Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
        keys.forEach(k -> idsByCollection.computeIfAbsent(k.collection(), c -> new ArrayList<>()).add(k.id()));

        record Sent(String collection, Object id, List<String> eventIds, List<String> types,
                List<Future<RecordMetadata>> futures) {
        }
        List<Sent> sent = new ArrayList<>();
        idsByCollection.forEach((collection, ids) -> database.getCollection(collection)
                .find(Filters.in("_id", ids))
                .projection(Projections.include(Outbox.FIELD))
                .forEach(doc -> {
                    List<Document> pending = doc.getList(Outbox.FIELD, Document.class, List.of());
                    if (pending.isEmpty()) {
                        return;
                    }
                    List<String> eventIds = new ArrayList<>();
                    List<String> types = new ArrayList<>();
                    List<Future<RecordMetadata>> futures = new ArrayList<>();
                    for (Document event : pending) {
                        eventIds.add(event.getString("eventId"));
                        types.add(event.getString("type"));
                        futures.add(producer.send(record(event)));
                    }
                    sent.add(new Sent(collection, doc.get("_id"), eventIds, types, futures));
                }));
        producer.flush();

        int published = 0;
        boolean failed = false;
        // The acknowledged events leave their outboxes in one bulk write per collection, not one write per aggregate.
        Map<String, List<UpdateOneModel<Document>>> removals = new LinkedHashMap<>();
        for (Sent s : sent) {
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < s.futures().size(); i++) {
                try {
                    s.futures().get(i).get();
                    acknowledged.add(s.eventIds().get(i));
                    metrics.published(s.types().get(i));
                } catch (ExecutionException e) {
                    // Keep this event and the ones after it pending, so the aggregate's order survives the retry.
                    failed = true;
                    metrics.publishFailed(s.types().get(i));
                    log.warn("Publishing {} {} of {} failed; it stays pending", s.types().get(i),
                            s.eventIds().get(i), s.id(), e.getCause());
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            if (!acknowledged.isEmpty()) {
                removals.computeIfAbsent(s.collection(), c -> new ArrayList<>()).add(new UpdateOneModel<>(
                        Filters.eq("_id", s.id()), Updates.pullByFilter(new Document(Outbox.FIELD,
                                new Document("eventId", new Document("$in", acknowledged))))));
                published += acknowledged.size();
            }
        }
        removals.forEach((collection, writes) -> database.getCollection(collection).bulkWrite(writes,
                new BulkWriteOptions().ordered(false)));
        return failed ? -1 : published;
    }

    private static ProducerRecord<String, byte[]> record(Document event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, event.getString("eventId"));
        header(headers, CloudEventHeaders.SOURCE, event.getString("source"));
        header(headers, CloudEventHeaders.TYPE, event.getString("type"));
        header(headers, CloudEventHeaders.SUBJECT, event.getString("key"));
        header(headers, CloudEventHeaders.TIME, event.get("time", Date.class).toInstant().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(event.getString("topic"), null, event.getString("key"),
                event.getString("payload").getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
