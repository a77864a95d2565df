package vn.giamngheo.contracts.household;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** The household left the registry (moved away, merged into another, dissolved). */
public record HouseholdRemoved(
        String householdId,
        long sequence,
        String reason,
        LocalDate effectiveDate) implements DomainEvent {

    public HouseholdRemoved {
        Require.present(householdId, "householdId");
        Require.positive(sequence, "sequence");
        Require.present(reason, "reason");
        Require.present(effectiveDate, "effectiveDate");
    }

    @Override
    public String aggregateId() {
        return householdId;
    }
}
