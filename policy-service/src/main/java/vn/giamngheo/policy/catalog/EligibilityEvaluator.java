package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides, for one reference date, what a household and each of its members are entitled to under the policy
 * versions in force then, with the amounts in force then. Plain Java; stores nothing.
 */
public final class EligibilityEvaluator {

    /**
     * @param beneficiary       "HOUSEHOLD" or a personId
     * @param exclusiveGroup    null, or the group of which the beneficiary receives only the highest monthly amount
     * @param provisionalReason why the decision is provisional; null when it is not
     */
    public record Decision(String policyCode, String policyVersion, String department, String beneficiary,
            Entitlement entitlement, boolean applicationRequired, String legalBasis, boolean provisional,
            String provisionalReason, String exclusiveGroup, String reason) {
    }

    /** Receipts derived from the evaluation itself settle within this many rounds (a pension, then its premium). */
    private static final int ROUNDS = 4;

    private final PolicyCatalog catalog;
    private final FormerProvinces formerProvinces;

    public EligibilityEvaluator(PolicyCatalog catalog, FormerProvinces formerProvinces) {
        this.catalog = catalog;
        this.formerProvinces = formerProvinces;
    }

    /**
     * "What is this household entitled to?" with nothing stored: each person is taken to receive what they are
     * entitled to, applications included (so the social pensioner's premium is paid in full), of every department;
     * of an exclusive group only the highest is kept. The answer lists this instance's departments' policies.
     */
    public List<Decision> evaluate(EligibilityFacts facts, LocalDate date) {
        List<Decision> decided = List.of();
        Set<String> received = null;
        for (int round = 0; round < ROUNDS; round++) {
            List<EligibilityFacts.Receipt> receipts = new ArrayList<>(facts.receipts());
            decided.forEach(d -> receipts.add(new EligibilityFacts.Receipt(d.policyCode(),
                    d.beneficiary().equals("HOUSEHOLD") ? null : d.beneficiary(), date, date)));
            decided = onlyTheHighest(decide(catalog.everyDepartmentInForceOn(date), facts.withReceipts(receipts),
                    date), d -> true, d -> false);
            Set<String> now = new HashSet<>();
            decided.forEach(d -> now.add(d.policyCode() + ":" + d.beneficiary()));
            if (now.equals(received)) {
                break;
            }
            received = now;
        }
        Set<String> mine = new HashSet<>();
        catalog.all().forEach(v -> mine.add(v.department()));
        return decided.stream().filter(d -> mine.contains(d.department())).toList();
    }

    /**
     * Every decision of this instance's policies whose condition holds on {@code date}, with what the facts say each
     * receives; exclusive groups are left to the caller, who knows what is paid.
     */
    public List<Decision> eligible(EligibilityFacts facts, LocalDate date) {
        return decide(catalog.inForceOn(date), facts, date);
    }

    private List<Decision> decide(List<PolicyVersion> policies, EligibilityFacts facts, LocalDate date) {
        String formerProvince = formerProvinces.of(facts.unitCode(), date);
        Map<String, Object> household = facts.household(date, formerProvince);
        List<Decision> decisions = new ArrayList<>();
        for (PolicyVersion policy : policies) {
            if (policy.formerProvince() != null && !policy.formerProvince().equals(formerProvince)) {
                continue;
            }
            Map<String, Long> amounts = policy.amounts().on(date);
            if (policy.beneficiary() == Beneficiary.HOUSEHOLD) {
                // Household-level conditions do not read a person; the head's facts keep the variable defined.
                Map<String, Object> anyone = facts.members().isEmpty() ? Map.of()
                        : facts.person(facts.members().getFirst(), date);
                decide(policy, "HOUSEHOLD", Map.of("household", household, "person", anyone, "amount", amounts),
                        date, decisions);
            } else {
                for (EligibilityFacts.Person person : facts.members()) {
                    decide(policy, person.personId(), Map.of("household", household,
                            "person", facts.person(person, date), "amount", amounts), date, decisions);
                }
            }
        }
        return decisions;
    }

    private static void decide(PolicyVersion policy, String beneficiary, Map<String, Object> variables,
            LocalDate date, List<Decision> decisions) {
        if (policy.eligibleWhen().test(variables)) {
            boolean provisional = policy.provisionalOn(date)
                    || (policy.provisionalWhen() != null && policy.provisionalWhen().test(variables));
            decisions.add(new Decision(policy.code(), policy.version(), policy.department(), beneficiary,
                    policy.entitlement().evaluate(variables), policy.applicationRequired(), policy.legalBasis(),
                    provisional, provisional ? policy.provisionalReason() : null, policy.exclusiveGroup(),
                    policy.reason()));
        }
    }

    /**
     * Of the decisions of one exclusive group for one beneficiary that {@code compete}, only the one paying the most a
     * month stays (Decree 176/2025: social pension or monthly social assistance, the higher); on equal amounts the
     * {@code preferred} one, then the first by policy code. Decisions that do not compete are left as they are.
     */
    public static List<Decision> onlyTheHighest(List<Decision> decisions, Predicate<Decision> compete,
            Predicate<Decision> preferred) {
        Map<String, Decision> best = new LinkedHashMap<>();
        Comparator<Decision> order = Comparator.<Decision>comparingLong(d -> d.entitlement().monthlyAmountVnd())
                .thenComparing(d -> preferred.test(d))
                .thenComparing(Decision::policyCode, Comparator.reverseOrder());
        for (Decision d : decisions) {
            if (d.exclusiveGroup() != null && compete.test(d)) {
                best.merge(d.exclusiveGroup() + ":" + d.beneficiary(), d,
                        (a, b) -> order.compare(a, b) >= 0 ? a : b);
            }
        }
        return decisions.stream().filter(d -> d.exclusiveGroup() == null || !compete.test(d)
                || best.get(d.exclusiveGroup() + ":" + d.beneficiary()) == d).toList();
    }
}
