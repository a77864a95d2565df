package vn.giamngheo.contracts.household;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * The household's composition or place changed by an explicit registry command.
 *
 * @param change  the command that caused it, e.g. {@code MEMBER_ADDED}, {@code HEAD_CHANGED}, {@code MOVED}
 * @param members the members after the change
 */
public record HouseholdUpdated(
        String householdId,
        long sequence,
        String change,
        String unitCode,
        String village,
        LocalDate effectiveDate,
        List<MemberFact> members) implements DomainEvent {

    public HouseholdUpdated {
        Require.present(householdId, "householdId");
        Require.positive(sequence, "sequence");
        Require.present(change, "change");
        Require.present(unitCode, "unitCode");
        Require.present(village, "village");
        Require.present(effectiveDate, "effectiveDate");
        members = List.copyOf(Require.notEmpty(members, "members"));
    }

    @Override
    public String aggregateId() {
        return householdId;
    }
}
