package vn.giamngheo.testsupport;

import java.time.Instant;
import java.util.UUID;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import java.time.LocalDate;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.MemberFact;

/** Events built from the golden samples, re-keyed so that each test owns its aggregates (no clean-up needed). */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** The sample {@code household.registered}, for a new household id in the given unit. */
    public static EventEnvelope<HouseholdRegistered> householdRegistered(String householdId, String unitCode) {
        EventEnvelope<HouseholdRegistered> sample = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED);
        HouseholdRegistered s = sample.data();
        // Fresh person ids: a person belongs to one household, as in the registry.
        HouseholdRegistered data = new HouseholdRegistered(householdId, s.sequence(), unitCode, s.village(),
                s.registeredAt(), s.members().stream().map(m -> new MemberFact(newId(), m.dateOfBirth(), m.sex(),
                        m.relationToHead())).toList());
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

    /** The sample {@code household.reclassified}, re-keyed, with the given change of class. */
    public static EventEnvelope<HouseholdReclassified> householdReclassified(String householdId, long sequence,
            HouseholdClass from, HouseholdClass to, Transition transition, LocalDate decisionDate,
            LocalDate effectiveDate) {
        return householdReclassified(householdId, Samples.envelope(EventTypes.HOUSEHOLD_RECLASSIFIED).data().unitCode(),
                sequence, from, to, transition, decisionDate, effectiveDate);
    }

    /** The sample {@code household.reclassified}, re-keyed, for a household of {@code unitCode}. */
    public static EventEnvelope<HouseholdReclassified> householdReclassified(String householdId, String unitCode,
            long sequence, HouseholdClass from, HouseholdClass to, Transition transition, LocalDate decisionDate,
            LocalDate effectiveDate) {
        EventEnvelope<HouseholdReclassified> sample = Samples.envelope(EventTypes.HOUSEHOLD_RECLASSIFIED);
        HouseholdReclassified s = sample.data();
        HouseholdReclassified data = new HouseholdReclassified(householdId, sequence, unitCode, from, to,
                transition, s.standard(), s.decisionNumber(), decisionDate, effectiveDate,
                transition == Transition.ESCAPED_POVERTY ? decisionDate.plusMonths(36).minusDays(1) : null);
        return new EventEnvelope<>(UUID.randomUUID().toString(), sample.source(), sample.type(), householdId,
                Instant.now(), data);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
