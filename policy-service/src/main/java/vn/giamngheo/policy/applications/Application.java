package vn.giamngheo.policy.applications;

import java.time.LocalDate;
import java.util.List;

/**
 * An application for a benefit decided on application (a loan, housing support, the social pension): submitted,
 * taken up for review by the department, then approved or rejected with a reason.
 *
 * @param personId           the applicant for a person-level benefit; null for a household-level one
 * @param requestedAmountVnd a loan's requested amount; null otherwise
 * @param decisionId         the benefit decision made on approval
 * @param reason             why it was rejected, or the approval's legal ground
 * @param steps              every step with its day and officer, oldest first
 */
public record Application(String id, String policyCode, String department, String householdId, String personId,
        Long requestedAmountVnd, LocalDate submittedOn, Status status, String decisionNumber, LocalDate decidedOn,
        String decisionId, String reason, List<Step> steps, long version) {

    public enum Status { SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED }

    /**
     * @param by             the officer's user name as written on the step; the applicant's steps say "applicant"
     * @param recordedBy     the account that recorded the step (the token's subject)
     * @param recordedByName that account's full name (the token's {@code name}; the account for a machine client)
     */
    public record Step(Status status, LocalDate on, String by, String note, String recordedBy, String recordedByName) {
    }

    public String beneficiary() {
        return personId == null ? householdId : personId;
    }

    Application next(Status next, Step step, String decisionNumber, LocalDate decidedOn, String decisionId,
            String reason) {
        List<Step> after = new java.util.ArrayList<>(steps);
        after.add(step);
        return new Application(id, policyCode, department, householdId, personId, requestedAmountVnd, submittedOn,
                next, decisionNumber, decidedOn, decisionId, reason, after, version + 1);
    }
}
