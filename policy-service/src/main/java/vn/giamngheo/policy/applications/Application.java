package vn.giamngheo.policy.applications;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.ApplicationApproved;
import vn.giamngheo.contracts.benefit.ApplicationRejected;
import vn.giamngheo.contracts.benefit.ApplicationReviewStarted;
import vn.giamngheo.contracts.benefit.ApplicationSubmitted;
import vn.giamngheo.platform.persistence.Change;

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

    /** A new application, submitted on {@code on}, with its {@code application.submitted}. */
    static Change<Application> submit(String id, String policyCode, String department, String householdId,
            String personId, Long requestedAmountVnd, LocalDate on, Step step) {
        Application application = new Application(id, policyCode, department, householdId, personId,
                requestedAmountVnd, on, Status.SUBMITTED, null, null, null, null, List.of(step), 1);
        return Change.create(application, List.of(new Change.Event<>(EventTypes.APPLICATION_SUBMITTED,
                new ApplicationSubmitted(id, 1, policyCode, department, householdId, personId, on,
                        requestedAmountVnd))));
    }

    /** Taken up for review by {@code step}'s officer, with its {@code application.review-started}. */
    Change<Application> startReview(Step step) {
        Application after = next(Status.UNDER_REVIEW, step, null, null, null, null);
        return Change.update(version, after, List.of(new Change.Event<>(EventTypes.APPLICATION_REVIEW_STARTED,
                new ApplicationReviewStarted(id, after.version(), policyCode, department, householdId, step.by(),
                        step.on()))));
    }

    /** Approved by the commune decision {@code step.note()}, which granted {@code decisionId}. */
    Change<Application> approve(Step step, String decisionId, String reason) {
        Application after = next(Status.APPROVED, step, step.note(), step.on(), decisionId, reason);
        return Change.update(version, after, List.of(new Change.Event<>(EventTypes.APPLICATION_APPROVED,
                new ApplicationApproved(id, after.version(), policyCode, department, householdId, personId,
                        step.on(), step.note(), decisionId))));
    }

    /** Rejected for {@code step.note()}. */
    Change<Application> reject(Step step) {
        Application after = next(Status.REJECTED, step, null, step.on(), null, step.note());
        return Change.update(version, after, List.of(new Change.Event<>(EventTypes.APPLICATION_REJECTED,
                new ApplicationRejected(id, after.version(), policyCode, department, householdId, personId,
                        step.on(), step.note()))));
    }

    private Application next(Status next, Step step, String decisionNumber, LocalDate decidedOn, String decisionId,
            String reason) {
        List<Step> after = new java.util.ArrayList<>(steps);
        after.add(step);
        return new Application(id, policyCode, department, householdId, personId, requestedAmountVnd, submittedOn,
                next, decisionNumber, decidedOn, decisionId, reason, after, version + 1);
    }
}
