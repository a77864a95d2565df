package vn.giamngheo.policy;

import java.util.List;
import vn.giamngheo.testsupport.PackageBoundaries;

/**
 * The feature packages — catalog, eligibility, decisions, applications, entitlements — form no cycle (eligibility
 * calls decisions only through its {@code Reconciler} port), and the domain model is plain Java. Left out of the
 * domain list while they carry a framework type: {@code catalog.Entitlement} and {@code entitlements.Entitlements}
 * (Jackson's {@code @JsonInclude}), {@code catalog.PolicyCatalog} (loads Spring {@code Resource}s).
 */
class PackageBoundariesTest extends PackageBoundaries {

    PackageBoundariesTest() {
        super(PolicyServiceApplication.class, List.of(
                // the policy rules as data and their evaluation
                "catalog.PolicyFile", "catalog.PolicyVersion", "catalog.EligibilityEvaluator",
                "catalog.EligibilityFacts", "catalog.EntitlementRule", "catalog.DatedAmounts", "catalog.Schedule",
                "catalog.Beneficiary", "catalog.FormerProvinces",
                // the records the services decide and keep
                "decisions.BenefitDecision", "applications.Application", "entitlements.PaymentList"));
    }
}
