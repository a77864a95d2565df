package vn.giamngheo.portal.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.giamngheo.contracts.benefit.Entitlement;

/**
 * The parts of the services' answers that a household's page shows. Each record names only the fields the page uses;
 * the services may add others.
 */
public final class HouseholdViews {

    private HouseholdViews() {
    }

    /** household-service GET /api/v1/households/{id}. */
    public record Household(String id, String unitCode, LocalDate unitSince, String village, Instant registeredAt,
            String status, String currentClass, UpcomingClass upcomingClass, LocalDate newlyEscapedUntil,
            List<Member> members) {

        public Household {
            members = members == null ? List.of() : members;
        }

        public List<Member> activeMembers() {
            return members.stream().filter(m -> "ACTIVE".equals(m.status())).toList();
        }

        public List<Member> formerMembers() {
            return members.stream().filter(m -> !"ACTIVE".equals(m.status())).toList();
        }

        public String head() {
            return members.stream().filter(m -> "HEAD".equals(m.relationToHead()) && "ACTIVE".equals(m.status()))
                    .map(Member::fullName).filter(n -> n != null).findFirst().orElse(null);
        }

        public String nameOf(String personId) {
            return members.stream().filter(m -> m.personId().equals(personId)).map(Member::fullName)
                    .filter(n -> n != null).findFirst().orElse(null);
        }
    }

    public record Member(String personId, String fullName, LocalDate dateOfBirth, String sex, String citizenId,
            String relationToHead, String status, LocalDate joinedOn, LocalDate leftOn, String leftReason) {
    }

    public record UpcomingClass(String householdClass, LocalDate from, String decisionNumber, LocalDate decisionDate,
            String standard) {
    }

    /** household-service GET /api/v1/households/{id}/classes: one class decision. */
    public record ClassDecision(String decisionNumber, LocalDate decisionDate, LocalDate effectiveDate,
            String standard, String areaType, String fromClass, String toClass, String transition,
            long monthlyIncomePerCapitaVnd, List<String> deprivedIndicators) {

        public ClassDecision {
            deprivedIndicators = deprivedIndicators == null ? List.of() : deprivedIndicators;
        }
    }

    /** policy-service GET /api/v1/households/{id}/decisions: a benefit decision with, for health insurance, its card. */
    public record BenefitDecisionView(BenefitDecision decision, Map<String, Object> card) {
    }

    /** @param entitlement what it gives, in the events' shape (contracts): kind and the fields of that kind */
    public record BenefitDecision(String id, String personId, String policyCode, String policyVersion,
            String department, LocalDate validFrom, LocalDate validTo, String status, Entitlement entitlement,
            String reason) {
    }

    /** policy-service GET /api/v1/households/{id}/entitlements?period=yyyy. */
    public record EntitlementReport(String period, LocalDate from, LocalDate to, List<PolicyTotal> totals) {

        public EntitlementReport {
            totals = totals == null ? List.of() : totals;
        }

        public long total() {
            return totals.stream().mapToLong(PolicyTotal::totalVnd).sum();
        }
    }

    public record PolicyTotal(String policyCode, long beneficiaries, long months, long totalVnd) {
    }

    /** policy-service GET /api/v1/policies: names for codes. */
    public record Policy(String code, String name) {
    }

    /** notification-service GET /api/v1/card-requests?householdId=. */
    public record CardRequest(String id, String personId, String status, String cardNumber, LocalDate cardValidFrom,
            LocalDate cardValidTo, Instant createdAt, String lastError) {
    }

    /** notification-service GET /api/v1/messages?householdId=: the address is masked by the service. */
    public record Message(String id, String channel, String to, String subject, String text, String status,
            Instant createdAt) {
    }
}
