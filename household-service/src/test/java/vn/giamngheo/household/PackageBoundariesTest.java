package vn.giamngheo.household;

import org.junit.jupiter.api.Test;
import vn.giamngheo.testsupport.Boundaries;

/**
 * The feature packages form no cycle, and the domain model is plain Java: the classification rules, the household
 * aggregate with its members and decisions, the review round's state machine.
 */
class PackageBoundariesTest {

    private final Boundaries boundaries = Boundaries.of(HouseholdServiceApplication.class);

    @Test
    void featurePackagesFormNoCycle() {
        boundaries.assertNoCycles();
    }

    @Test
    void domainModelUsesNoFramework() {
        boundaries.assertDomainFreeOfFrameworks(
                "classification.PovertyStandard", "classification.StandardFile", "classification.Classifier",
                "classification.ClassRule", "classification.Classification", "classification.DeprivationIndicator",
                "classification.Evidence", "classification.HouseholdFacts", "classification.MemberFacts",
                "classification.SurveyAnswers", "classification.Income", "classification.Education",
                "classification.Employment", "classification.InformationMeans", "classification.Latrine",
                "classification.WasteHandling", "classification.WaterSource", "classification.AssessmentException",
                "registry.Household", "registry.Member", "registry.ClassRecord", "registry.Decision",
                "registry.HouseholdStatus", "registry.MemberStatus", "registry.Relation", "registry.Sex",
                "registry.RegistryRuleException",
                "review.ReviewRound", "review.RoundState", "review.Complaint", "review.Survey", "review.SurveyStatus",
                "review.ReviewKind", "review.ReviewRequest", "review.MonthlyCycle", "review.WorkingCalendar",
                "review.ReviewRuleException");
    }
}
