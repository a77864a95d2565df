package vn.giamngheo.contracts.benefit;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * The department approved an application after checking eligibility again on {@code decidedOn}; the benefit itself
 * follows as {@code benefit.granted} of decision {@code decisionId}.
 */
public record ApplicationApproved(
        String applicationId,
        long sequence,
        String policyCode,
        String department,
        String householdId,
        String personId,
        LocalDate decidedOn,
        String decisionNumber,
        String decisionId) implements DomainEvent {

    public ApplicationApproved {
        Require.present(applicationId, "applicationId");
        Require.positive(sequence, "sequence");
        Require.present(policyCode, "policyCode");
        Require.present(department, "department");
        Require.present(householdId, "householdId");
        Require.present(decidedOn, "decidedOn");
        Require.present(decisionNumber, "decisionNumber");
        Require.present(decisionId, "decisionId");
    }

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
