package vn.giamngheo.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import vn.giamngheo.platform.rules.RuleFileException;

/** Each policy of the plan on dates before, at and after each change of rule or amount, and each class transition. */
class PoliciesTest {

    private static final List<Resource> FILES = PolicyFixtures.FILES;
    private static final PolicyCatalog ALL = PolicyFixtures.ALL;
    private final EligibilityEvaluator evaluator = PolicyFixtures.evaluator();

    private static EligibilityFacts.Person person(String id, String born, String schooling) {
        return PolicyFixtures.person(id, born).withSchooling(schooling, true);
    }

    /**
     * A family of four: head 45, spouse 42, a primary pupil in a public school, a grandparent of 82 without pension
     * whom no one is obliged to support.
     */
    private static EligibilityFacts family(String classification, String escapedOn) {
        return new EligibilityFacts(classification, LocalDate.parse("2022-01-01"),
                escapedOn == null ? null : LocalDate.parse(escapedOn), "08707", false, List.of(
                person("head", "1977-03-01", "NONE"), person("spouse", "1980-05-01", "NONE"),
                person("pupil", "2014-09-01", "PRIMARY"),
                person("elder", "1940-01-01", "NONE").withNoOneObligedToSupport(true)));
    }

    private List<EligibilityEvaluator.Decision> decide(EligibilityFacts facts, String date) {
        return evaluator.evaluate(facts, LocalDate.parse(date));
    }

    private static Optional<EligibilityEvaluator.Decision> find(List<EligibilityEvaluator.Decision> decisions,
            String code, String beneficiary) {
        return decisions.stream().filter(d -> d.policyCode().equals(code) && d.beneficiary().equals(beneficiary))
                .findFirst();
    }

    @Test
    void everyPolicyOfThePlanIsLoaded() {
        assertThat(ALL.all()).extracting(PolicyVersion::code).containsAll(PolicyCatalog.CODES);
    }

    @Test
    void aPoorFamilyIn2022() {
        var decisions = decide(family("POOR", null), "2022-06-01");

        for (String member : List.of("head", "spouse", "pupil", "elder")) {
            assertThat(find(decisions, "HEALTH_INSURANCE_PREMIUM", member)).get()
                    .extracting(d -> d.entitlement().premiumSupportPercent()).isEqualTo(100);
            assertThat(find(decisions, "LEGAL_AID", member)).isPresent();
        }
        assertThat(find(decisions, "HEALTH_INSURANCE_PREMIUM_PROVINCIAL", "head")).isEmpty();
        assertThat(find(decisions, "TUITION_EXEMPTION", "pupil")).get()
                .extracting(d -> d.entitlement().exemptionPercent()).isEqualTo(100);
        assertThat(find(decisions, "STUDY_COST_SUPPORT", "pupil")).get()
                .extracting(d -> d.entitlement().monthlyAmountVnd()).isEqualTo(150_000L);
        assertThat(find(decisions, "TUITION_EXEMPTION", "head")).isEmpty();
        assertThat(find(decisions, "ELECTRICITY_SUPPORT", "HOUSEHOLD")).get()
                .extracting(d -> d.entitlement().monthlyAmountVnd()).isEqualTo(50_340L);
        var loan = find(decisions, "POOR_HOUSEHOLD_LOAN", "HOUSEHOLD").orElseThrow();
        assertThat(loan.entitlement().maxLoanVnd()).isEqualTo(100_000_000L);
        assertThat(loan.entitlement().annualInterestPercent()).isEqualByComparingTo("6.6");
        assertThat(loan.applicationRequired()).isTrue();
        var assistance = find(decisions, "SOCIAL_ASSISTANCE", "elder").orElseThrow();
        assertThat(assistance.entitlement().monthlyAmountVnd()).isEqualTo(720_000L);
        assertThat(assistance.applicationRequired()).isTrue();
        assertThat(find(decisions, "SOCIAL_ASSISTANCE", "head")).isEmpty();
        assertThat(find(decisions, "SOCIAL_PENSION", "elder")).isEmpty();
    }

    @ParameterizedTest(name = "electricity support on {0}: {1} VND a month")
    @CsvSource({"2023-05-03, 50340", "2023-05-04, 51840", "2023-11-08, 51840", "2023-11-09, 54180",
            "2024-10-11, 56790", "2025-05-09, 56790", "2025-05-10, 59520", "2026-11-24, 59520"})
    void electricitySupportFollowsTheTierOnePriceInForce(String date, long amount) {
        assertThat(find(decide(family("POOR", null), date), "ELECTRICITY_SUPPORT", "HOUSEHOLD")).get()
                .extracting(d -> d.entitlement().monthlyAmountVnd()).isEqualTo(amount);
    }

    @ParameterizedTest(name = "social assistance on {0} for a poor person of {1}: {2}")
    @CsvSource({"2024-06-30, 1955-01-01, 540000", "2024-07-01, 1955-01-01, 750000",
            "2024-06-30, 1940-01-01, 720000", "2024-07-01, 1940-01-01, 1000000"})
    void socialAssistanceIsTheBaseInForceTimesTheCoefficient(String date, String born, long amount) {
        var facts = new EligibilityFacts("POOR", null, null, "08707", false,
                List.of(person("elder", born, "NONE").withNoOneObligedToSupport(true)));

        assertThat(find(decide(facts, date), "SOCIAL_ASSISTANCE", "elder")).get()
                .extracting(d -> d.entitlement().monthlyAmountVnd()).isEqualTo(amount);
    }

    /** Decree 20/2021 Art. 6 cl. 2: an elderly person of a poor household who is also disabled gets the higher. */
    @Test
    void theHighestCoefficientApplies() {
        var facts = new EligibilityFacts("POOR", null, null, "08707", false, List.of(
                person("p", "1955-01-01", "NONE").withDisability("PARTICULARLY_SEVERE")
                        .withNoOneObligedToSupport(true)));

        assertThat(find(decide(facts, "2024-07-01"), "SOCIAL_ASSISTANCE", "p")).get()
                .extracting(d -> d.entitlement().monthlyAmountVnd()).isEqualTo(1_250_000L);
    }

    @Test
    void poorToNearPoorChangesThePremiumShareAndTheFormerProvinceTopsItUpAcrossTheMerger() {
        assertThat(find(decide(family("NEAR_POOR", null), "2025-06-30"), "HEALTH_INSURANCE_PREMIUM", "head")).get()
                .extracting(d -> d.entitlement().premiumSupportPercent()).isEqualTo(70);
        assertThat(find(decide(family("NEAR_POOR", null), "2025-06-30"), "HEALTH_INSURANCE_PREMIUM_PROVINCIAL",
                "head")).get().extracting(d -> d.entitlement().premiumSupportPercent()).isEqualTo(30);
        assertThat(find(decide(family("NEAR_POOR", null), "2025-07-01"), "HEALTH_INSURANCE_PREMIUM_PROVINCIAL",
                "head")).get().extracting(EligibilityEvaluator.Decision::policyVersion)
                .isEqualTo("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01");
        assertThat(find(decide(family("NEAR_POOR", null), "2025-08-14"), "HEALTH_INSURANCE_PREMIUM", "head")).get()
                .extracting(EligibilityEvaluator.Decision::policyVersion)
                .isEqualTo("HEALTH_INSURANCE_PREMIUM@2022-01-01");
        assertThat(find(decide(family("NEAR_POOR", null), "2025-08-15"), "HEALTH_INSURANCE_PREMIUM", "head")).get()
                .extracting(EligibilityEvaluator.Decision::policyVersion)
                .isEqualTo("HEALTH_INSURANCE_PREMIUM@2025-08-15");
    }

    @Test
    void nearPoorHouseholdsGetHalfTuitionButNoElectricityOrStudyCostSupport() {
        var decisions = decide(family("NEAR_POOR", null), "2024-01-10");

        assertThat(find(decisions, "TUITION_EXEMPTION", "pupil")).get()
                .extracting(d -> d.entitlement().exemptionPercent()).isEqualTo(50);
        assertThat(find(decisions, "STUDY_COST_SUPPORT", "pupil")).isEmpty();
        assertThat(find(decisions, "ELECTRICITY_SUPPORT", "HOUSEHOLD")).isEmpty();
        assertThat(find(decisions, "NEAR_POOR_HOUSEHOLD_LOAN", "HOUSEHOLD")).get()
                .extracting(d -> d.entitlement().annualInterestPercent().toPlainString()).isEqualTo("7.92");
    }

    @Test
    void publicSchoolTuitionEndsForEveryoneWithSchoolYear2025To2026() {
        var privatePupil = new EligibilityFacts("NEAR_POOR", null, null, "08707", false, List.of(
                PolicyFixtures.person("pupil", "2014-09-01").withSchooling("PRIMARY", false)));

        assertThat(find(decide(family("POOR", null), "2025-09-02"), "TUITION_EXEMPTION", "pupil")).isPresent();
        assertThat(find(decide(family("POOR", null), "2025-09-03"), "TUITION_EXEMPTION", "pupil")).isEmpty();
        assertThat(find(decide(privatePupil, "2025-09-03"), "TUITION_EXEMPTION", "pupil")).get()
                .extracting(d -> d.entitlement().exemptionPercent()).isEqualTo(50);
        assertThat(find(decide(family("POOR", null), "2025-09-03"), "STUDY_COST_SUPPORT", "pupil")).isPresent();
    }

    @Test
    void theSocialPensionStartsOnTheFirstOfJuly2025ForPeopleOfSeventyInPoorOrNearPoorHouseholds() {
        var seventyTwo = new EligibilityFacts("NEAR_POOR", null, null, "08707", false,
                List.of(person("p", "1953-03-01", "NONE")));
        var withPension = new EligibilityFacts("NEAR_POOR", null, null, "08707", false, List.of(
                person("p", "1953-03-01", "NONE").withPension(EligibilityFacts.NOT_RECORDED)));
        var seventySixAbove = new EligibilityFacts("ABOVE", null, null, "08707", false,
                List.of(person("p", "1949-03-01", "NONE")));
        var seventyTwoAbove = new EligibilityFacts("ABOVE", null, null, "08707", false,
                List.of(person("p", "1953-03-01", "NONE")));

        assertThat(find(decide(seventyTwo, "2025-06-30"), "SOCIAL_PENSION", "p")).isEmpty();
        var pension = find(decide(seventyTwo, "2025-07-01"), "SOCIAL_PENSION", "p").orElseThrow();
        assertThat(pension.entitlement().monthlyAmountVnd()).isEqualTo(500_000L);
        assertThat(pension.applicationRequired()).isTrue();
        assertThat(find(decide(withPension, "2025-07-01"), "SOCIAL_PENSION", "p")).isEmpty();
        assertThat(find(decide(seventySixAbove, "2025-07-01"), "SOCIAL_PENSION", "p")).isPresent();
        assertThat(find(decide(seventyTwoAbove, "2025-07-01"), "SOCIAL_PENSION", "p")).isEmpty();
    }

    @ParameterizedTest(name = "born {0}, {1} household, on 2025-07-01: social pension = {2}")
    @CsvSource({"1955-07-01, POOR, true", "1955-07-02, POOR, false", "1950-07-01, ABOVE, true",
            "1950-07-02, ABOVE, false"})
    void theSocialPensionAgesAreInclusive(String born, String classification, boolean eligible) {
        var facts = new EligibilityFacts(classification, null, null, "08707", false,
                List.of(person("p", born, "NONE")));

        assertThat(find(decide(facts, "2025-07-01"), "SOCIAL_PENSION", "p").isPresent()).isEqualTo(eligible);
    }

    @Test
    void escapingPovertyEndsElectricitySupportAndOpensTheNewlyEscapedLoanForThirtySixMonths() {
        var escaped = family("MIDDLE", "2023-12-10");

        assertThat(find(decide(escaped, "2024-01-01"), "ELECTRICITY_SUPPORT", "HOUSEHOLD")).isEmpty();
        assertThat(find(decide(escaped, "2023-12-10"), "NEWLY_ESCAPED_LOAN", "HOUSEHOLD")).isPresent();
        assertThat(find(decide(escaped, "2025-11-30"), "NEWLY_ESCAPED_LOAN", "HOUSEHOLD")).get()
                .extracting(d -> d.entitlement().annualInterestPercent().toPlainString()).isEqualTo("8.25");
        assertThat(find(decide(escaped, "2026-12-09"), "NEWLY_ESCAPED_LOAN", "HOUSEHOLD")).get()
                .extracting(d -> d.entitlement().annualInterestPercent().toPlainString()).isEqualTo("7.8");
        assertThat(find(decide(escaped, "2026-12-10"), "NEWLY_ESCAPED_LOAN", "HOUSEHOLD")).isEmpty();
    }

    @Test
    void studentLoansLegalAidAndFarmingHouseholds() {
        var student = new EligibilityFacts("MIDDLE", null, null, "08707", true, List.of(
                person("student", "2004-01-01", "HIGHER"), person("elder", "1955-01-01", "NONE")));
        var nearPoor = new EligibilityFacts("NEAR_POOR", null, null, "08707", false, List.of(
                person("adult", "1984-01-01", "NONE"), person("elder", "1955-01-01", "NONE")));

        assertThat(find(decide(student, "2024-03-01"), "STUDENT_LOAN", "student")).get()
                .extracting(d -> d.entitlement().maxLoanPerMonthVnd()).isEqualTo(4_000_000L);
        assertThat(find(decide(student, "2024-03-01"), "HEALTH_INSURANCE_PREMIUM", "elder")).get()
                .extracting(d -> d.entitlement().premiumSupportPercent()).isEqualTo(30);
        assertThat(find(decide(nearPoor, "2024-03-01"), "LEGAL_AID", "elder")).isPresent();
        assertThat(find(decide(nearPoor, "2024-03-01"), "LEGAL_AID", "adult")).isEmpty();
    }

    @Test
    void aDepartmentInstanceDecidesOnlyItsOwnPolicies() {
        var education = new EligibilityEvaluator(PolicyCatalog.load(FILES, Set.of("EDUCATION")),
                PolicyFixtures.FORMER_PROVINCES);

        assertThat(education.evaluate(family("POOR", null), LocalDate.parse("2022-06-01")))
                .extracting(EligibilityEvaluator.Decision::policyCode)
                .containsOnly("TUITION_EXEMPTION", "STUDY_COST_SUPPORT");
        assertThatThrownBy(() -> PolicyCatalog.load(FILES, Set.of("TREASURY")))
                .hasMessageContaining("TREASURY");
    }

    @Test
    void aBrokenPolicyFileIsNamedWithItsLine() throws IOException {
        String shipped = new ClassPathResource("policies/electricity-support@2022-01-01.yaml")
                .getContentAsString(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(shipped.replace("household.classification == 'POOR'",
                "household.clasification == 'POOR'")))
                .isInstanceOf(RuleFileException.class).hasMessageStartingWith("edited.yaml:" + lineOf(shipped,
                        "eligibleWhen") + ": ").hasMessageContaining("clasification");
        assertThatThrownBy(() -> read(shipped.replace("code: ELECTRICITY_SUPPORT", "code: FREE_BICYCLES")))
                .hasMessageContaining("'FREE_BICYCLES' is not a known policy code");
        assertThatThrownBy(() -> read(shipped.replace("    - { from: 2019-03-20, value: 50_340 }\n", "")))
                .hasMessageContaining("no value in force on effectiveFrom 2022-01-01");
        assertThatThrownBy(() -> read(shipped.replace("  monthlyAmountVnd: amount.perMonth",
                "  monthlyAmountVnd: amount.perMonth\n  service: ALSO")))
                .hasMessageContaining("exactly one kind");
        assertThatThrownBy(() -> read(shipped.replace("schedule: QUARTERLY", "schedule: WEEKLY")))
                .hasMessageContaining("'WEEKLY' is not one of");
    }

    @ParameterizedTest(name = "born {0}, poor household, on {1}: premium support = {2}")
    @CsvSource({"2019-02-10, 2025-02-09, false", "2019-02-10, 2025-02-10, true", "2019-02-10, 2025-02-11, true"})
    void childrenUnderSixAreInsuredFreeSoThePremiumSupportStartsAtSix(String born, String date, boolean supported) {
        EligibilityFacts facts = new EligibilityFacts("POOR", LocalDate.parse("2024-01-01"), null, "08707", false,
                List.of(person("child", born, "PRESCHOOL")));
        assertThat(find(decide(facts, date), "HEALTH_INSURANCE_PREMIUM", "child").isPresent()).isEqualTo(supported);
    }

    @ParameterizedTest(name = "premium basis on {0}: {1} VND a month")
    @CsvSource({"2023-06-30, 67050", "2023-07-01, 81000", "2024-06-30, 81000", "2024-07-01, 105300",
            "2025-08-14, 105300", "2025-08-15, 105300", "2026-07-01, 113850"})
    void thePremiumBasisIsFourAndAHalfPercentOfTheBaseSalaryInForce(String date, long basis) {
        LocalDate on = LocalDate.parse(date);
        assertThat(ALL.inForce("HEALTH_INSURANCE_PREMIUM", on).orElseThrow().monthlyBasisOn(on)).isEqualTo(basis);
    }

    @Test
    void theCatalogKnowsTheDaysOnWhichDecisionsMayChange() {
        assertThat(ALL.changeDates()).contains(LocalDate.parse("2025-07-01"), LocalDate.parse("2025-08-15"),
                LocalDate.parse("2024-10-11"), LocalDate.parse("2025-09-03"), LocalDate.parse("2024-07-01"));
    }

    @Test
    void aBasisOnlyGoesWithAPercentage() throws IOException {
        String shipped = new ClassPathResource("policies/electricity-support@2022-01-01.yaml")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(shipped + "monthlyBasisVnd: amount.perMonth\n"))
                .hasMessageContaining("only a percentage entitlement has a basis");
    }

    @Test
    void whatIsProvisionalSaysWhyAndOnlyALoanHasARate() throws IOException {
        String pension = new ClassPathResource("policies/social-pension@2025-07-01.yaml")
                .getContentAsString(StandardCharsets.UTF_8);
        String loan = new ClassPathResource("policies/poor-household-loan@2025-12-01.yaml")
                .getContentAsString(StandardCharsets.UTF_8);
        String reasonLine = pension.lines().filter(l -> l.startsWith("provisionalReason:")).findFirst().orElseThrow()
                + "\n";

        assertThatThrownBy(() -> read(pension.replace(reasonLine, "")))
                .hasMessageContaining("say in provisionalReason why");
        assertThatThrownBy(() -> read(pension.replace("provisional: true", "provisional: false")))
                .hasMessageContaining("nothing is provisional: remove provisionalReason");
        assertThatThrownBy(() -> read(loan.replace("  annualInterestThousandthsOfPercent:",
                "  annualInterestBasisPoints: \"624\"\n  annualInterestThousandthsOfPercent:")))
                .hasMessageContaining("exactly one of [annualInterestBasisPoints, annualInterestThousandthsOfPercent]");
        assertThatThrownBy(() -> read(pension.replace("exclusiveGroup: SOCIAL_ALLOWANCE",
                "exclusiveGroup: social allowance"))).hasMessageContaining("UPPER_SNAKE");
        assertThat(read(loan).entitlement().evaluate(Map.of("amount", Map.of("ceiling",
                100_000_000L, "rateThousandthsOfPercent", 7_488L))).annualInterestPercent())
                .isEqualByComparingTo("7.488");
    }

    @Test
    void everyPolicyOfAnExclusiveGroupBelongsToOneDepartment() throws IOException {
        String pension = new ClassPathResource("policies/social-pension@2025-07-01.yaml")
                .getContentAsString(StandardCharsets.UTF_8);
        List<PolicyVersion> versions = new ArrayList<>(ALL.all());
        versions.removeIf(v -> v.code().equals("SOCIAL_PENSION"));
        versions.add(read(pension.replace("department: LABOUR", "department: JUSTICE")));

        assertThatThrownBy(() -> PolicyCatalog.of(versions, PolicyCatalog.DEPARTMENTS))
                .hasMessageContaining("exclusiveGroup SOCIAL_ALLOWANCE").hasMessageContaining("one department");
        assertThat(ALL.codesOfGroup("SOCIAL_ALLOWANCE")).containsExactly("SOCIAL_ASSISTANCE", "SOCIAL_PENSION");
    }

    @Test
    void theRulesOfEachDepartmentReadWhatPeopleReceiveFromOthers() {
        assertThat(PolicyCatalog.load(FILES, Set.of("HEALTH_INSURANCE")).receiptsRead())
                .containsExactly("SOCIAL_ASSISTANCE", "SOCIAL_PENSION");
        assertThat(PolicyCatalog.load(FILES, Set.of("LABOUR")).receiptsRead()).containsExactly("SOCIAL_ASSISTANCE");
        assertThat(PolicyCatalog.load(FILES, Set.of("EDUCATION")).receiptsRead()).isEmpty();
    }

    private static PolicyVersion read(String yaml) {
        return PolicyFile.read("edited.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                PolicyCatalog.CODES, PolicyCatalog.DEPARTMENTS);
    }

    private static int lineOf(String yaml, String text) {
        return (int) yaml.substring(0, yaml.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

}
