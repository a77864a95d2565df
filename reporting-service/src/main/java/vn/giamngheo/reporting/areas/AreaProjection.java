package vn.giamngheo.reporting.areas;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.mongo.SequenceGuard;

/**
 * Which unit each household belongs to, one document per household guarded by its sequence, so the count of a unit
 * is a count of documents: a duplicate or replayed event cannot count a household twice.
 */
@Component
class AreaProjection {

    private final MongoCollection<Document> households;

    AreaProjection(MongoDatabase database) {
        this.households = database.getCollection("area_households");
    }

    Outcome registered(EventEnvelope<HouseholdRegistered> event) {
        HouseholdRegistered e = event.data();
        return SequenceGuard.apply(households, e.householdId(), e.sequence(), Updates.set("unitCode", e.unitCode()));
    }

    Outcome updated(EventEnvelope<HouseholdUpdated> event) {
        HouseholdUpdated e = event.data();
        return SequenceGuard.apply(households, e.householdId(), e.sequence(), Updates.set("unitCode", e.unitCode()));
    }

    Outcome removed(EventEnvelope<HouseholdRemoved> event) {
        HouseholdRemoved e = event.data();
        return SequenceGuard.apply(households, e.householdId(), e.sequence(), Updates.combine(
                Updates.set("removed", true), Updates.set("removedOn", e.effectiveDate().toString())));
    }

    /** Households of the unit still in the registry. */
    long households(String unitCode) {
        return households.countDocuments(Filters.and(Filters.eq("unitCode", unitCode), Filters.ne("removed", true)));
    }
}
