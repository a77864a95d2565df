package vn.giamngheo.contracts.benefit;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** The department rejected an application; {@code reason} is the Vietnamese text the applicant is told. */
public record ApplicationRejected(
        String applicationId,
        long sequence,
        String policyCode,
        String department,
        String householdId,
        String personId,
        LocalDate decidedOn,
        String reason) implements DomainEvent {

    public ApplicationRejected {
        Require.present(applicationId, "applicationId");
        Require.positive(sequence, "sequence");
        Require.present(policyCode, "policyCode");
        Require.present(department, "department");
        Require.present(householdId, "householdId");
        Require.present(decidedOn, "decidedOn");
        Require.present(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
