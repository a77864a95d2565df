package vn.giamngheo.contracts.benefit;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * A household or person applied for a benefit that is decided on application (a loan, housing support, the social
 * pension); eligibility was checked on {@code submittedOn}.
 *
 * @param personId           null for household-level benefits
 * @param requestedAmountVnd what a loan applicant asks for; null otherwise
 */
public record ApplicationSubmitted(
        String applicationId,
        long sequence,
        String policyCode,
        String department,
        String householdId,
        String personId,
        LocalDate submittedOn,
        Long requestedAmountVnd) implements DomainEvent {

    public ApplicationSubmitted {
        Require.present(applicationId, "applicationId");
        Require.positive(sequence, "sequence");
        Require.present(policyCode, "policyCode");
        Require.present(department, "department");
        Require.present(householdId, "householdId");
        Require.present(submittedOn, "submittedOn");
    }

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
