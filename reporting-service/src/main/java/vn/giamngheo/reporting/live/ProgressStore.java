package vn.giamngheo.reporting.live;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.Decimal128;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.reporting.ProgressUpdated;
import vn.giamngheo.platform.mongo.Guards;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;

/**
 * The latest published value of each area's indicators, one document per {@code area:indicator} carrying its own
 * outbox: a changed value and its {@code reporting.progress-updated} event are written in one single-document update,
 * and the relay publishes it to the compacted topic. An unchanged value writes nothing.
 */
final class ProgressStore {

    static final String COLLECTION = "progress";

    record Value(BigDecimal value, BigDecimal target, String status) {
    }

    private final MongoCollection<Document> progress;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Map<String, Document> latest = new ConcurrentHashMap<>();

    ProgressStore(MongoDatabase database, Outbox outbox, OutboxRelay relay) {
        this.progress = database.getCollection(COLLECTION);
        Guards.index(progress, "sequence");
        this.outbox = outbox;
        this.relay = relay;
        progress.find().forEach(doc -> latest.put(doc.getString("_id"), doc));
    }

    /** Publishes {@code value} for {@code area:indicator} if it differs from the last one; true if it did. */
    boolean publish(String areaCode, String indicator, LocalDate asOf, Value value) {
        String id = areaCode + ":" + indicator;
        Document previous = latest.get(id);
        if (previous != null && Objects.equals(decimal(previous.get("value")), value.value())
                && Objects.equals(decimal(previous.get("target")), value.target())
                && Objects.equals(previous.getString("status"), value.status())) {
            return false;
        }
        long sequence = previous == null ? 1 : previous.getLong("sequence") + 1;
        Document event = outbox.entry(EventTypes.REPORTING_PROGRESS_UPDATED, new ProgressUpdated(areaCode, indicator, sequence,
                asOf, value.value(), value.target(), value.status()));
        Document fields = new Document("value", value.value() == null ? null : new Decimal128(value.value()))
                .append("target", value.target() == null ? null : new Decimal128(value.target()))
                .append("status", value.status()).append("asOf", asOf.toString()).append("sequence", sequence);
        progress.updateOne(previous == null ? Filters.eq("_id", id)
                        : Guards.where(id, "sequence", sequence - 1),
                Updates.combine(new Document("$set", fields), Outbox.append(List.of(event))),
                new UpdateOptions().upsert(previous == null));
        latest.put(id, new Document(fields).append("_id", id));
        relay.wake(COLLECTION, id);
        return true;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Decimal128 d ? d.bigDecimalValue() : (BigDecimal) value;
    }
}
