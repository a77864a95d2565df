package vn.giamngheo.policy.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;
import vn.giamngheo.policy.catalog.Beneficiary;
import vn.giamngheo.policy.catalog.EligibilityEvaluator;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.catalog.PolicyVersion;
import vn.giamngheo.policy.decisions.AutomaticDecisions;
import vn.giamngheo.policy.decisions.BenefitDecision;
import vn.giamngheo.policy.eligibility.EligibilityView;
import vn.giamngheo.policy.eligibility.EligibilityViews;

/**
 * Applications for benefits decided on application. Eligibility is checked when one is submitted and again on the
 * day it is approved; each step is one write of the application with its event, so a failed check changes nothing.
 */
@Service
public class Applications {

    private final ApplicationStore store;
    private final PolicyCatalog catalog;
    private final EligibilityEvaluator evaluator;
    private final EligibilityViews views;
    private final AutomaticDecisions decisions;
    private final Clock clock;

    Applications(ApplicationStore store, PolicyCatalog catalog, EligibilityEvaluator evaluator, EligibilityViews views,
            AutomaticDecisions decisions, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.evaluator = evaluator;
        this.views = views;
        this.decisions = decisions;
        this.clock = clock;
    }

    public Application submit(String policyCode, String householdId, String personId, LocalDate submittedOn,
            Long requestedAmountVnd, String note, Caller recorder) {
        LocalDate on = submittedOn == null ? today() : submittedOn;
        notAfterToday("submittedOn", on);
        PolicyVersion policy = policyNeedingApplication(policyCode, on);
        if (householdId == null || householdId.isBlank()) {
            throw ApiException.invalid("householdId", "is required");
        }
        if (policy.beneficiary() == Beneficiary.PERSON && (personId == null || personId.isBlank())) {
            throw ApiException.invalid("personId", policyCode + " is granted to a person: name the member who applies");
        }
        if (policy.beneficiary() == Beneficiary.HOUSEHOLD && personId != null) {
            throw ApiException.invalid("personId", policyCode + " is granted to the household: leave personId out");
        }
        EligibilityEvaluator.Decision eligible = eligible(policy, householdId, personId, on);
        checkAmount("requestedAmountVnd", requestedAmountVnd, eligible, policyCode, true);
        if (store.openExists(householdId, policyCode, personId)) {
            throw ApiException.conflict("policyCode", "an application for " + policyCode + " by this "
                    + (personId == null ? "household" : "person") + " is already open");
        }
        if (decisions.receives(householdId, policyCode, personId)) {
            throw ApiException.conflict("policyCode", (personId == null ? "the household" : "the person")
                    + " already receives " + policyCode);
        }
        Change<Application> submitted = Application.submit(UUID.randomUUID().toString(), policyCode,
                policy.department(), householdId, personId, requestedAmountVnd, on,
                new Application.Step(Application.Status.SUBMITTED, on, "applicant", note, recorder.subject(),
                        recorder.name()));
        return write(submitted);
    }

    public Application startReview(String id, String reviewer, LocalDate startedOn, Caller recorder) {
        Application application = find(id);
        required("reviewer", reviewer);
        LocalDate on = startedOn == null ? today() : startedOn;
        notAfterToday("startedOn", on);
        notBefore("startedOn", on, application.submittedOn());
        if (application.status() != Application.Status.SUBMITTED) {
            throw ApiException.conflict("status", "the application is " + application.status()
                    + "; only a SUBMITTED application can be taken up for review");
        }
        return write(application.startReview(new Application.Step(Application.Status.UNDER_REVIEW, on, reviewer,
                null, recorder.subject(), recorder.name())));
    }

    /** Checks eligibility again on {@code decidedOn}; if it holds, the benefit is granted from that day. */
    public Application approve(String id, String reviewer, String decisionNumber, LocalDate decidedOn,
            Long approvedAmountVnd, Caller recorder) {
        Application application = find(id);
        required("reviewer", reviewer);
        required("decisionNumber", decisionNumber);
        LocalDate on = decidedOn == null ? today() : decidedOn;
        notAfterToday("decidedOn", on);
        notBefore("decidedOn", on, application.submittedOn());
        if (application.status() != Application.Status.UNDER_REVIEW) {
            throw ApiException.conflict("status", "the application is " + application.status()
                    + "; only an application UNDER_REVIEW can be approved");
        }
        EligibilityEvaluator.Decision eligible = eligible(application, on);
        Long amount = approvedAmountVnd != null ? approvedAmountVnd : application.requestedAmountVnd();
        checkAmount("approvedAmountVnd", amount, eligible, application.policyCode(), false);
        Entitlement entitlement = entitlement(eligible, amount);
        String reason = eligible.reason() + " Căn cứ: Quyết định " + decisionNumber + " ngày "
                + AutomaticDecisions.VN_DATE.format(on) + " phê duyệt đơn đề nghị.";
        BenefitDecision decision;
        try {
            decision = decisions.grantApproved(id, application.householdId(), application.personId(), eligible,
                    entitlement, on, reason);
        } catch (IllegalStateException e) {
            throw ApiException.conflict("decidedOn", "a decision for " + application.policyCode()
                    + " for this beneficiary from " + on + " exists already");
        }
        return write(application.approve(new Application.Step(Application.Status.APPROVED, on, reviewer,
                decisionNumber, recorder.subject(), recorder.name()), decision.id(), reason));
    }

    public Application reject(String id, String reviewer, String reason, LocalDate decidedOn, Caller recorder) {
        Application application = find(id);
        required("reviewer", reviewer);
        required("reason", reason);
        LocalDate on = decidedOn == null ? today() : decidedOn;
        notAfterToday("decidedOn", on);
        notBefore("decidedOn", on, application.submittedOn());
        if (application.status() == Application.Status.APPROVED || application.status() == Application.Status.REJECTED) {
            throw ApiException.conflict("status", "the application is already " + application.status());
        }
        return write(application.reject(new Application.Step(Application.Status.REJECTED, on, reviewer, reason,
                recorder.subject(), recorder.name())));
    }

    public Application find(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Application " + id));
    }

    public List<Application> list(String department, String householdId, Application.Status status, int limit) {
        return store.list(department, householdId, status, limit);
    }

    private Application write(Change<Application> change) {
        if (!store.apply(change)) {
            throw ApiException.conflict("status", "the application was changed meanwhile; read it again");
        }
        return change.after();
    }

    /** The version of a known policy of this instance that is in force and decided on application. */
    private PolicyVersion policyNeedingApplication(String policyCode, LocalDate on) {
        if (policyCode == null || !PolicyCatalog.CODES.contains(policyCode)) {
            throw ApiException.invalid("policyCode", "'" + policyCode + "' is not a known policy "
                    + new java.util.TreeSet<>(PolicyCatalog.CODES));
        }
        Optional<PolicyVersion> any = catalog.all().stream().filter(v -> v.code().equals(policyCode)).findFirst();
        if (any.isEmpty()) {
            throw ApiException.invalid("policyCode", policyCode
                    + " is decided by another department's instance, not this one");
        }
        PolicyVersion policy = catalog.inForce(policyCode, on).orElseThrow(() -> new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT, "No version of " + policyCode + " is in force on " + on,
                List.of(new FieldProblem("submittedOn", "no version of " + policyCode + " is in force on " + on))));
        if (!policy.applicationRequired()) {
            throw ApiException.invalid("policyCode", policyCode
                    + " is granted automatically from the household's class; no application is needed");
        }
        return policy;
    }

    /**
     * Whether the application would be approved on {@code date} (default today) as far as eligibility goes: the
     * evaluator's reason when it is eligible, the reasons it is not otherwise (the 422 an approval would answer).
     *
     * @param loanCeilingVnd a loan's ceiling in force that day (per month of study for a student loan); null otherwise
     */
    public record EligibilityCheck(LocalDate date, boolean eligible, String reason, Long loanCeilingVnd,
            List<FieldProblem> problems) {
    }

    public EligibilityCheck eligibility(String id, LocalDate date) {
        Application application = find(id);
        LocalDate on = date == null ? today() : date;
        try {
            EligibilityEvaluator.Decision eligible = eligible(application, on);
            return new EligibilityCheck(on, true, eligible.reason(), eligible.entitlement().loanCeilingVnd(),
                    List.of());
        } catch (ApiException notEligible) {
            if (notEligible.status() == HttpStatus.NOT_FOUND) {
                throw notEligible;
            }
            return new EligibilityCheck(on, false, notEligible.getMessage(), null, notEligible.problems());
        }
    }

    /** The application's eligibility on {@code on} under the version in force then, or a 422 saying why not. */
    private EligibilityEvaluator.Decision eligible(Application application, LocalDate on) {
        PolicyVersion policy = catalog.inForce(application.policyCode(), on).orElseThrow(() -> new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT, "No version of " + application.policyCode() + " is in force on " + on,
                List.of(new FieldProblem("decidedOn", "no version of " + application.policyCode()
                        + " is in force on " + on))));
        return eligible(policy, application.householdId(), application.personId(), on);
    }

    /** The evaluator's decision for this beneficiary on {@code on}, or a 422 saying why there is none. */
    private EligibilityEvaluator.Decision eligible(PolicyVersion policy, String householdId, String personId,
            LocalDate on) {
        EligibilityView view = views.find(householdId)
                .orElseThrow(() -> ApiException.notFound("Household " + householdId));
        LocalDate removedOn = view.removedOn();
        if (removedOn != null && !on.isBefore(removedOn)) {
            throw ineligible(policy, on, "householdId", "the household left the registry on " + removedOn);
        }
        if (view.classification() == null) {
            throw ineligible(policy, on, "householdId", "the household has no class decided by a review yet");
        }
        var facts = AutomaticDecisions.facts(view, on);
        if (personId != null && facts.members().stream().noneMatch(m -> m.personId().equals(personId))) {
            throw ApiException.invalid("personId", "'" + personId + "' is not a member of household " + householdId);
        }
        String beneficiary = personId == null ? "HOUSEHOLD" : personId;
        List<EligibilityEvaluator.Decision> all = evaluator.eligible(facts, on);
        EligibilityEvaluator.Decision mine = all.stream()
                .filter(d -> d.policyCode().equals(policy.code()) && d.beneficiary().equals(beneficiary))
                .findFirst().orElseThrow(() -> {
                    StringBuilder known = new StringBuilder("classification " + facts.classification());
                    if (personId != null) {
                        facts.members().stream().filter(m -> m.personId().equals(personId)).findFirst()
                                .ifPresent(m -> known.append(", ageYears ")
                                        .append(Period.between(m.dateOfBirth(), on).getYears())
                                        .append(", pensionVnd ").append(m.pensionVnd())
                                        .append(", noOneObligedToSupport ").append(m.noOneObligedToSupport())
                                        .append(", disability ").append(m.disability())
                                        .append(", schooling ").append(m.schooling()));
                    }
                    if (facts.escapedPovertyOn() != null) {
                        known.append(", escaped poverty on ").append(facts.escapedPovertyOn());
                    }
                    return ineligible(policy, on, personId == null ? "householdId" : "personId",
                            "does not meet the condition of " + policy.version() + " (" + policy.eligibleWhen()
                                    .expression().strip() + ") on " + on + ": " + known);
                });
        if (mine.exclusiveGroup() != null) {
            // Decree 176/2025: of the social pension and monthly social assistance a person receives the higher.
            List<EligibilityEvaluator.Decision> kept = EligibilityEvaluator.onlyTheHighest(all, d -> true,
                    d -> d == mine);
            if (!kept.contains(mine)) {
                EligibilityEvaluator.Decision higher = kept.stream().filter(d -> mine.exclusiveGroup()
                        .equals(d.exclusiveGroup()) && d.beneficiary().equals(beneficiary)).findFirst().orElseThrow();
                throw ineligible(policy, on, personId == null ? "householdId" : "personId",
                        "is eligible for " + higher.policyCode() + " (" + higher.entitlement().monthlyAmountVnd()
                                + " VND a month), which pays more than " + mine.policyCode() + " ("
                                + mine.entitlement().monthlyAmountVnd() + " VND a month); only the higher of the "
                                + mine.exclusiveGroup() + " group is paid: apply for " + higher.policyCode());
            }
        }
        return mine;
    }

    private static ApiException ineligible(PolicyVersion policy, LocalDate on, String field, String reason) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Not eligible for " + policy.code() + " on " + on,
                List.of(new FieldProblem(field, reason)));
    }

    /**
     * A loan amount is positive and within the ceiling in force (for a student loan, a month of study's); other
     * benefits take no amount.
     */
    private static void checkAmount(String field, Long amount, EligibilityEvaluator.Decision eligible,
            String policyCode, boolean optional) {
        Long ceiling = eligible.entitlement().loanCeilingVnd();
        if (ceiling == null) {
            if (amount != null) {
                throw ApiException.invalid(field, policyCode + " is not a loan; leave the amount out");
            }
            return;
        }
        if (amount == null) {
            if (optional) {
                return;
            }
            throw ApiException.invalid(field, "is required for a loan");
        }
        if (amount <= 0 || amount > ceiling) {
            throw ApiException.invalid(field, "must be more than 0 and at most the ceiling of " + ceiling + " VND"
                    + (eligible.entitlement().maxLoanPerMonthVnd() != null ? " a month of study" : ""));
        }
    }

    /** What the approval gives: a loan is the approved amount at the rate in force; others as evaluated. */
    private static Entitlement entitlement(EligibilityEvaluator.Decision eligible, Long amount) {
        Entitlement evaluated = AutomaticDecisions.entitlement(eligible);
        return evaluated.kind().equals("LOAN")
                ? new Entitlement("LOAN", null, null, evaluated.period(), amount,
                        evaluated.annualInterestRatePercent())
                : evaluated;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void notAfterToday(String field, LocalDate on) {
        if (on.isAfter(today())) {
            throw ApiException.invalid(field, "must not be after today (" + today() + ")");
        }
    }

    private static void notBefore(String field, LocalDate on, LocalDate submittedOn) {
        if (on.isBefore(submittedOn)) {
            throw ApiException.invalid(field, "must not be before the application was submitted (" + submittedOn + ")");
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
    }
}
