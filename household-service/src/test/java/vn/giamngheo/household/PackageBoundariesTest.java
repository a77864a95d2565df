package vn.giamngheo.household;

import java.util.List;
import vn.giamngheo.testsupport.PackageBoundaries;

/**
 * The feature packages form no cycle, and the domain model is plain Java: the classification rules, the household
 * aggregate with its members and decisions, the review round's state machine.
 */
class PackageBoundariesTest extends PackageBoundaries {

    PackageBoundariesTest() {
        super(HouseholdServiceApplication.class, List.of(
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
                "review.ReviewRuleException"));
    }
}
