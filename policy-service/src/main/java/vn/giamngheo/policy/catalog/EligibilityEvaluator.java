package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, for one reference date, what a household and each of its members are entitled to under the policy
 * versions in force then, with the amounts in force then. Plain Java; stores nothing.
 */
public final class EligibilityEvaluator {

    /**
     * @param beneficiary "HOUSEHOLD" or a personId
     */
    public record Decision(String policyCode, String policyVersion, String department, String beneficiary,
            Entitlement entitlement, boolean applicationRequired, String legalBasis, boolean provisional,
            String reason) {
    }

    private final PolicyCatalog catalog;

    public EligibilityEvaluator(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Decision> evaluate(EligibilityFacts facts, LocalDate date) {
        Map<String, Object> household = facts.household(date);
        List<Decision> decisions = new ArrayList<>();
        for (PolicyVersion policy : catalog.inForceOn(date)) {
            Map<String, Long> amounts = policy.amounts().on(date);
            if (policy.beneficiary() == Beneficiary.HOUSEHOLD) {
                // Household-level conditions do not read a person; the head's facts keep the variable defined.
                Map<String, Object> anyone = facts.members().isEmpty() ? Map.of()
                        : EligibilityFacts.person(facts.members().getFirst(), date);
                decide(policy, "HOUSEHOLD", Map.of("household", household, "person", anyone, "amount", amounts),
                        decisions);
            } else {
                for (EligibilityFacts.Person person : facts.members()) {
                    decide(policy, person.personId(), Map.of("household", household,
                            "person", EligibilityFacts.person(person, date), "amount", amounts), decisions);
                }
            }
        }
        return decisions;
    }

    private static void decide(PolicyVersion policy, String beneficiary, Map<String, Object> variables,
            List<Decision> decisions) {
        if (policy.eligibleWhen().test(variables)) {
            decisions.add(new Decision(policy.code(), policy.version(), policy.department(), beneficiary,
                    policy.entitlement().evaluate(variables), policy.applicationRequired(), policy.legalBasis(),
                    policy.provisional() || policy.amounts().tables().values().stream().flatMap(List::stream)
                            .anyMatch(DatedAmounts.Entry::provisional),
                    policy.reason()));
        }
    }
}
