package vn.giamngheo.portal.desk;

import java.time.LocalDate;
import java.util.List;

/** policy-service's answers as the desk's pages read them. */
final class DeskViews {

    private DeskViews() {
    }

    /** {@code GET /api/v1/applications/{id}}. */
    record Application(String id, String policyCode, String department, String householdId, String personId,
            Long requestedAmountVnd, LocalDate submittedOn, String status, String decisionNumber, LocalDate decidedOn,
            String decisionId, String reason, List<Step> steps) {

        Application {
            steps = steps == null ? List.of() : steps;
        }

        boolean loan() {
            return policyCode != null && policyCode.endsWith("_LOAN");
        }
    }

    record Step(String status, LocalDate on, String by, String note, String recordedBy, String recordedByName) {
    }

    /** {@code GET /api/v1/applications/{id}/eligibility}. */
    record Eligibility(LocalDate date, boolean eligible, String reason, Long loanCeilingVnd, List<Problem> problems) {

        Eligibility {
            problems = problems == null ? List.of() : problems;
        }
    }

    record Problem(String field, String reason) {
    }

    /** A row of the queue: the application and its household's head, from household-service. */
    record QueueRow(Application application, String headName) {
    }

    /** {@code GET /api/v1/entitlements}. */
    record Report(String period, LocalDate from, LocalDate to, List<PolicyTotal> totals, List<Line> lines) {

        Report {
            totals = totals == null ? List.of() : totals;
            lines = lines == null ? List.of() : lines;
        }
    }

    record PolicyTotal(String policyCode, long beneficiaries, long months, long totalVnd) {
    }

    record Line(String decisionId, String policyCode, String householdId, String personId, String kind,
            List<Object> months, Long totalVnd, String unitCode) {
    }

    /** One commune of the payment list on the page: its lines with an amount and its total. */
    record Commune(String code, String name, long lines, long totalVnd) {
    }

    /** {@code GET /api/v1/households/{id}} of policy-service: the facts the departments record. */
    record FactsView(String householdId, String unitCode, String classification, Boolean farming,
            Long electricityKwhPerMonth, List<MemberFacts> members) {

        FactsView {
            members = members == null ? List.of() : members;
        }
    }

    record MemberFacts(String personId, String dateOfBirth, String relationToHead, String schooling,
            boolean publicSchool, long pensionVnd, String disability, boolean noOneObligedToSupport) {
    }
}
