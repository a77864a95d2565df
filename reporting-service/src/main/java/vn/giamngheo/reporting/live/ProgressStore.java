package vn.giamngheo.reporting.live;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * guarded change of the collection (with its outbox), a pass's changed values in one bulk write, and the relay
 * publishes them to the compacted topic. An unchanged value writes nothing.
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

    /** A value to publish for one indicator of one area (its stream key). */
    record Publication(String areaCode, String indicator, LocalDate asOf, Value value) {

        String id() {
            return areaCode + ":" + indicator;
        }
    }

    /**
     * Publishes each value that differs from the last one published for its indicator: all in one bulk write, each
     * guarded by the sequence it follows; an indicator another instance published meanwhile is read and decided again.
     *
     * @return how many were published
     */
    int publishAll(List<Publication> publications) {
        Map<String, Publication> byId = new LinkedHashMap<>();
        publications.forEach(p -> byId.put(p.id(), p));
        List<Change<Published>> changes = new ArrayList<>();
        byId.values().forEach(p -> change(p, latest.get(p.id())).ifPresent(changes::add));
        if (changes.isEmpty()) {
            return 0;
        }
        AggregateCollection.Result result = progress.applyAll(changes);
        changes.stream().map(Change::after).filter(p -> result.applied().contains(p.id()))
                .forEach(p -> latest.put(p.id(), p));
        int published = result.applied().size();
        if (!result.allApplied()) {
            Map<String, Published> decided = new ConcurrentHashMap<>();
            AggregateCollection.Result again = progress.decideAll(result.conflicted(), (id, current) ->
                    change(byId.get(id), current).map(c -> {
                        decided.put(id, c.after());
                        return c;
                    }), ATTEMPTS);
            if (!again.allApplied()) {
                throw new IllegalStateException("progress " + again.conflicted() + " kept changing while publishing");
            }
            again.applied().forEach(id -> latest.put(id, decided.get(id)));
            // The others already hold the value: another instance published it.
            Set<String> unchanged = new HashSet<>(result.conflicted());
            unchanged.removeAll(again.applied());
            latest.putAll(progress.loadAll(unchanged));
            published += again.applied().size();
        }
        return published;
    }

    /** The change publishing {@code value} after {@code previous}; empty when the value is the one published. */
    private static Optional<Change<Published>> change(Publication publication, Published previous) {
        Value value = publication.value();
        if (previous != null && Objects.equals(previous.value().value(), value.value())
                && Objects.equals(previous.value().target(), value.target())
                && Objects.equals(previous.value().status(), value.status())) {
            return Optional.empty();
        }
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        Published after = new Published(publication.id(), sequence, publication.asOf(), value);
        List<Change.Event<?>> events = List.of(new Change.Event<>(EventTypes.REPORTING_PROGRESS_UPDATED,
                new ProgressUpdated(publication.areaCode(), publication.indicator(), sequence, publication.asOf(),
                        value.value(), value.target(), value.status())));
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
