package vn.giamngheo.contracts.household;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * The commune chairman's decision changed the household's class.
 *
 * @param fromClass         null for a household classified for the first time
 * @param newlyEscapedUntil the last day of the 36 months a household leaving POOR or NEAR_POOR counts as
 *                          "hộ mới thoát nghèo"; null otherwise
 */
public record HouseholdReclassified(
        String householdId,
        long sequence,
        String unitCode,
        HouseholdClass fromClass,
        HouseholdClass toClass,
        Transition transition,
        String standard,
        String decisionNumber,
        LocalDate decisionDate,
        LocalDate effectiveDate,
        LocalDate newlyEscapedUntil) implements DomainEvent {

    public HouseholdReclassified {
        Require.present(householdId, "householdId");
        Require.positive(sequence, "sequence");
        Require.present(unitCode, "unitCode");
        Require.present(toClass, "toClass");
        Require.present(transition, "transition");
        Require.present(standard, "standard");
        Require.present(decisionNumber, "decisionNumber");
        Require.present(decisionDate, "decisionDate");
        Require.present(effectiveDate, "effectiveDate");
    }

    @Override
    public String aggregateId() {
        return householdId;
    }
}
