package vn.giamngheo.contracts.household;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** A household was entered in the registry of a commune-level unit. Always sequence 1. */
public record HouseholdRegistered(
        String householdId,
        long sequence,
        String unitCode,
        String village,
        Instant registeredAt,
        List<MemberFact> members) implements DomainEvent {

    public HouseholdRegistered {
        Require.present(householdId, "householdId");
        Require.positive(sequence, "sequence");
        Require.present(unitCode, "unitCode");
        Require.present(village, "village");
        Require.present(registeredAt, "registeredAt");
        members = List.copyOf(Require.notEmpty(members, "members"));
    }

    @Override
    public String aggregateId() {
        return householdId;
    }
}
