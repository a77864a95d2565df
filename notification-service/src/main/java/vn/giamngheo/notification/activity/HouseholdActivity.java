package vn.giamngheo.notification.activity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.mongo.SequenceGuard;

/**
 * The household events this desk has seen, per household and in order: the record later messages are decided from.
 * Guarded by the household's sequence, so a redelivered event is not recorded twice.
 */
@Component
public class HouseholdActivity {

    record SeenEvent(String eventId, String type, long sequence, java.time.Instant time) {
    }

    private final MongoCollection<Document> activity;
    private final SequenceGuard guard;

    HouseholdActivity(MongoDatabase database) {
        this.activity = database.getCollection("household_activity");
        this.guard = new SequenceGuard(activity);
    }

    public <T extends DomainEvent> Outcome seen(EventEnvelope<T> event) {
        var push = Updates.push("events", new Document("eventId", event.id())
                .append("type", event.type().ceType())
                .append("sequence", event.sequence())
                .append("time", Date.from(event.time())));
        String unitCode = switch (event.data()) {
            case HouseholdRegistered e -> e.unitCode();
            case HouseholdUpdated e -> e.unitCode();
            case HouseholdReclassified e -> e.unitCode();
            default -> null;
        };
        return guard.apply(event.subject(), event.sequence(),
                unitCode == null ? push : Updates.combine(push, Updates.set("unitCode", unitCode)));
    }

    /** The commune-level unit the household was last seen in (for messages to that unit's officers). */
    public Optional<String> unitOf(String householdId) {
        return Optional.ofNullable(activity.find(Filters.eq("_id", householdId))
                .projection(com.mongodb.client.model.Projections.include("unitCode")).first())
                .map(d -> d.getString("unitCode"));
    }

    /** The households last seen in the unit. */
    public List<String> householdsIn(String unitCode) {
        List<String> ids = new java.util.ArrayList<>();
        activity.find(Filters.eq("unitCode", unitCode)).projection(com.mongodb.client.model.Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    List<SeenEvent> of(String householdId) {
        Document doc = activity.find(Filters.eq("_id", householdId)).first();
        if (doc == null) {
            return List.of();
        }
        return doc.getList("events", Document.class).stream().map(e -> new SeenEvent(e.getString("eventId"),
                e.getString("type"), e.getLong("sequence"), e.getDate("time").toInstant())).toList();
    }
}
