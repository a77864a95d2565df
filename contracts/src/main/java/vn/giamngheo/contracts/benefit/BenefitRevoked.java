package vn.giamngheo.contracts.benefit;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** A decision ends on {@code effectiveDate}, e.g. electricity support when a household escapes poverty. */
public record BenefitRevoked(
        String decisionId,
        long sequence,
        String policyCode,
        String department,
        String householdId,
        String personId,
        LocalDate effectiveDate,
        String reason) implements DomainEvent {

    public BenefitRevoked {
        Require.present(decisionId, "decisionId");
        Require.positive(sequence, "sequence");
        Require.present(policyCode, "policyCode");
        Require.present(department, "department");
        Require.present(householdId, "householdId");
        Require.present(effectiveDate, "effectiveDate");
        Require.present(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return decisionId;
    }
}
