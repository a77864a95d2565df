package vn.giamngheo.contracts.benefit;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * The department took an application up for review.
 *
 * @param reviewer the officer's user name, not a person's name
 */
public record ApplicationReviewStarted(
        String applicationId,
        long sequence,
        String policyCode,
        String department,
        String householdId,
        String reviewer,
        LocalDate startedOn) implements DomainEvent {

    public ApplicationReviewStarted {
        Require.present(applicationId, "applicationId");
        Require.positive(sequence, "sequence");
        Require.present(policyCode, "policyCode");
        Require.present(department, "department");
        Require.present(householdId, "householdId");
        Require.present(reviewer, "reviewer");
        Require.present(startedOn, "startedOn");
    }

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
