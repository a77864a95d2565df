package vn.giamngheo.policy;

import org.junit.jupiter.api.Test;
import vn.giamngheo.testsupport.Boundaries;

/**
 * The feature packages — catalog, eligibility, decisions, applications, entitlements — form no cycle (eligibility
 * calls decisions only through its {@code Reconciler} port), and the domain model is plain Java. Left out of the
 * domain list while they carry a framework type: {@code catalog.Entitlement} and {@code entitlements.Entitlements}
 * (Jackson's {@code @JsonInclude}), {@code catalog.PolicyCatalog} (loads Spring {@code Resource}s).
 */
class PackageBoundariesTest {

    private final Boundaries boundaries = Boundaries.of(PolicyServiceApplication.class);

    @Test
    void featurePackagesFormNoCycle() {
        boundaries.assertNoCycles();
    }

    @Test
    void domainModelUsesNoFramework() {
        boundaries.assertDomainFreeOfFrameworks(
                // the policy rules as data and their evaluation
                "catalog.PolicyFile", "catalog.PolicyVersion", "catalog.EligibilityEvaluator",
                "catalog.EligibilityFacts", "catalog.EntitlementRule", "catalog.DatedAmounts", "catalog.Schedule",
                "catalog.Beneficiary", "catalog.FormerProvinces",
                // the records the services decide and keep
                "decisions.BenefitDecision", "applications.Application", "entitlements.PaymentList");
    }
}
