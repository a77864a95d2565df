package vn.giamngheo.reporting.live;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.Decimal128;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.reporting.ProgressUpdated;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * The latest published value of each area's indicators, one record per {@code area:indicator} whose version is the
 * sequence of its last {@code reporting.progress-updated} event: a changed value and its event are written in one
 * guarded change of the collection (with its outbox), and the relay publishes it to the compacted topic. An unchanged
 * value writes nothing.
 */
final class ProgressStore {

    static final String COLLECTION = "progress";
    /** Rounds of read, decide, write when another instance publishes the same indicator meanwhile. */
    private static final int ATTEMPTS = 3;

    record Value(BigDecimal value, BigDecimal target, String status) {
    }

    /** An indicator's published value; {@code sequence} is its version. */
    record Published(String id, long sequence, LocalDate asOf, Value value) {
    }

    private static final Codec<Published> CODEC = Codec.of(Published::id,
            p -> new Document("_id", p.id()).append(AggregateCollection.VERSION, p.sequence())
                    .append("value", decimal(p.value().value())).append("target", decimal(p.value().target()))
                    .append("status", p.value().status()).append("asOf", p.asOf().toString()),
            d -> new Published(d.getString("_id"), d.get(AggregateCollection.VERSION, Number.class).longValue(),
                    LocalDate.parse(d.getString("asOf")), new Value(decimal(d.get("value")), decimal(d.get("target")),
                    d.getString("status"))));

    private final AggregateCollection<Published> progress;
    private final Map<String, Published> latest = new ConcurrentHashMap<>();

    ProgressStore(Aggregates aggregates, MongoDatabase database) {
        this.progress = aggregates.withOutbox(COLLECTION, CODEC);
        database.getCollection(COLLECTION).find().projection(progress.readProjection())
                .forEach(d -> latest.put(d.getString("_id"), CODEC.decode(d)));
    }

    /** Publishes {@code value} for {@code area:indicator} if it differs from the last one; true if it did. */
    boolean publish(String areaCode, String indicator, LocalDate asOf, Value value) {
        String id = areaCode + ":" + indicator;
        Optional<Change<Published>> change = change(areaCode, indicator, asOf, value, latest.get(id));
        if (change.isEmpty()) {
            return false;
        }
        if (progress.apply(change.get())) {
            latest.put(id, change.get().after());
            return true;
        }
        // Another instance published it meanwhile: decide again from what is stored.
        Map<String, Published> decided = new ConcurrentHashMap<>();
        AggregateCollection.Result result = progress.decideAll(List.of(id), (i, current) ->
                change(areaCode, indicator, asOf, value, current).map(c -> {
                    decided.put(i, c.after());
                    return c;
                }), ATTEMPTS);
        if (!result.allApplied()) {
            throw new IllegalStateException("progress " + id + " kept changing while publishing");
        }
        progress.find(id).ifPresent(p -> latest.put(id, p));
        return result.applied().contains(id);
    }

    /** The change publishing {@code value} after {@code previous}; empty when the value is the one published. */
    private static Optional<Change<Published>> change(String areaCode, String indicator, LocalDate asOf,
            Value value, Published previous) {
        if (previous != null && Objects.equals(previous.value().value(), value.value())
                && Objects.equals(previous.value().target(), value.target())
                && Objects.equals(previous.value().status(), value.status())) {
            return Optional.empty();
        }
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        Published after = new Published(areaCode + ":" + indicator, sequence, asOf, value);
        List<Change.Event<?>> events = List.of(new Change.Event<>(EventTypes.REPORTING_PROGRESS_UPDATED,
                new ProgressUpdated(areaCode, indicator, sequence, asOf, value.value(), value.target(),
                        value.status())));
        return Optional.of(previous == null ? Change.create(after, events)
                : Change.update(previous.sequence(), after, events));
    }

    private static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Decimal128 d ? d.bigDecimalValue() : (BigDecimal) value;
    }
}
