package vn.giamngheo.testsupport;

import java.time.Instant;
import java.util.UUID;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;

/** Events built from the golden samples, re-keyed so that each test owns its aggregates (no clean-up needed). */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** The sample {@code household.registered}, for a new household id in the given unit. */
    public static EventEnvelope<HouseholdRegistered> householdRegistered(String householdId, String unitCode) {
        EventEnvelope<HouseholdRegistered> sample = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED);
        HouseholdRegistered s = sample.data();
        HouseholdRegistered data = new HouseholdRegistered(householdId, s.sequence(), unitCode, s.village(),
                s.registeredAt(), s.members());
        return new EventEnvelope<>(UUID.randomUUID().toString(), sample.source(), sample.type(), householdId,
                Instant.now(), data);
    }

    /** The sample {@code household.removed}, for the given household, at the given sequence. */
    public static EventEnvelope<HouseholdRemoved> householdRemoved(String householdId, long sequence) {
        EventEnvelope<HouseholdRemoved> sample = Samples.envelope(EventTypes.HOUSEHOLD_REMOVED);
        HouseholdRemoved data = new HouseholdRemoved(householdId, sequence, sample.data().reason(),
                sample.data().effectiveDate());
        return new EventEnvelope<>(UUID.randomUUID().toString(), sample.source(), sample.type(), householdId,
                Instant.now(), data);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
