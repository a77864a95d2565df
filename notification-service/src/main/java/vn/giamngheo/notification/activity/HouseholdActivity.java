package vn.giamngheo.notification.activity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Codec;
import vn.giamngheo.platform.persistence.SequencedViews;

/**
 * The household events this desk has seen, per household and in order: the record later messages are decided from.
 * A view per household ({@link Aggregates#views}), guarded by the household's sequence, so a redelivered event is not
 * recorded twice.
 */
@Component
public class HouseholdActivity {

    record SeenEvent(String eventId, String type, long sequence, Instant time) {
    }

    /** A household's view: the unit it was last seen in and the events seen, oldest first. */
    record Activity(String householdId, String unitCode, long sequence, List<SeenEvent> events) {
    }

    /** The household events recorded here; the others pass by. */
    private static final Set<EventType<?>> SEEN = Set.of(EventTypes.HOUSEHOLD_REGISTERED,
            EventTypes.HOUSEHOLD_UPDATED, EventTypes.HOUSEHOLD_RECLASSIFIED, EventTypes.HOUSEHOLD_REMOVED);
    private static final String COLLECTION = "household_activity";
    static final Codec<Activity> CODEC = Codec.of(Activity::householdId,
            a -> new Document("_id", a.householdId()).append("unitCode", a.unitCode())
                    .append(SequencedViews.SEQUENCE, a.sequence())
                    .append("events", a.events().stream().map(HouseholdActivity::encode).toList()),
            d -> new Activity(d.getString("_id"), d.getString("unitCode"),
                    d.get(SequencedViews.SEQUENCE, Number.class).longValue(), d.getList("events", Document.class,
                            List.of()).stream().map(e -> new SeenEvent(e.getString("eventId"), e.getString("type"),
                            e.getLong("sequence"), e.getDate("time").toInstant())).toList()));

    private final SequencedViews views;
    /** The reads beside: a household's unit and events, a unit's households. */
    private final MongoCollection<Document> activity;

    HouseholdActivity(Aggregates aggregates, MongoDatabase database) {
        this.views = aggregates.views(COLLECTION);
        this.activity = database.getCollection(COLLECTION);
    }

    /**
     * Records a poll's household events in one bulk write (several of one household in their order).
     *
     * @return per event, in order: APPLIED, DUPLICATE (seen before), or IGNORED (not an event recorded here)
     */
    public List<Outcome> seenAll(List<EventEnvelope<?>> events) {
        List<SequencedViews.Update> updates = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            if (SEEN.contains(event.type())) {
                updates.add(new SequencedViews.Update(event.subject(), event.sequence(), update(event)));
            }
        }
        if (updates.isEmpty()) {
            return events.stream().map(e -> Outcome.IGNORED).toList();
        }
        var applied = views.applyAll(updates).iterator();
        return events.stream().map(e -> SEEN.contains(e.type()) ? applied.next() : Outcome.IGNORED).toList();
    }

    private static Bson update(EventEnvelope<?> event) {
        var push = Updates.push("events", encode(new SeenEvent(event.id(), event.type().ceType(), event.sequence(),
                event.time())));
        String unitCode = switch (event.data()) {
            case HouseholdRegistered e -> e.unitCode();
            case HouseholdUpdated e -> e.unitCode();
            case HouseholdReclassified e -> e.unitCode();
            default -> null;
        };
        return unitCode == null ? push : Updates.combine(push, Updates.set("unitCode", unitCode));
    }

    private static Document encode(SeenEvent e) {
        return new Document("eventId", e.eventId()).append("type", e.type()).append("sequence", e.sequence())
                .append("time", Date.from(e.time()));
    }

    /** The commune-level unit the household was last seen in (for messages to that unit's officers). */
    public Optional<String> unitOf(String householdId) {
        return Optional.ofNullable(unitsOf(List.of(householdId)).get(householdId));
    }

    /** The units those of {@code householdIds} seen in one were last seen in, by household id: one read. */
    public Map<String, String> unitsOf(Collection<String> householdIds) {
        Map<String, String> units = new HashMap<>();
        if (!householdIds.isEmpty()) {
            activity.find(Filters.in("_id", new LinkedHashSet<>(householdIds)))
                    .projection(Projections.include("unitCode")).forEach(d -> {
                        if (d.getString("unitCode") != null) {
                            units.put(d.getString("_id"), d.getString("unitCode"));
                        }
                    });
        }
        return units;
    }

    /** The households last seen in the unit. */
    public List<String> householdsIn(String unitCode) {
        List<String> ids = new ArrayList<>();
        activity.find(Filters.eq("unitCode", unitCode)).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    List<SeenEvent> of(String householdId) {
        Document doc = activity.find(Filters.eq("_id", householdId)).first();
        return doc == null ? List.of() : CODEC.decode(doc).events();
    }
}
