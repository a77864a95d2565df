package vn.giamngheo.contracts.benefit;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** An existing decision's entitlement changed from a date, e.g. the premium share after poor → near-poor. */
public record BenefitChanged(
        String decisionId,
        long sequence,
        String policyCode,
        String policyVersion,
        String department,
        String householdId,
        String personId,
        LocalDate effectiveDate,
        Entitlement previous,
        Entitlement current,
        String reason) implements DomainEvent {

    public BenefitChanged {
        Require.present(decisionId, "decisionId");
        Require.positive(sequence, "sequence");
        Require.present(policyCode, "policyCode");
        Require.present(policyVersion, "policyVersion");
        Require.present(department, "department");
        Require.present(householdId, "householdId");
        Require.present(effectiveDate, "effectiveDate");
        Require.present(previous, "previous");
        Require.present(current, "current");
        Require.present(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return decisionId;
    }
}
