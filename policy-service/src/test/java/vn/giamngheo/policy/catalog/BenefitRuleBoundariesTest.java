package vn.giamngheo.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.policy.catalog.PolicyFixtures.find;
import static vn.giamngheo.policy.catalog.PolicyFixtures.household;
import static vn.giamngheo.policy.catalog.PolicyFixtures.person;
import static vn.giamngheo.policy.catalog.PolicyFixtures.receives;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each benefit rule with a threshold or a date, before, at and after it: the loan rates of Decision 2553/QĐ-TTg, the
 * student loan's ceiling per month, the social pension against the person's own pension and against monthly social
 * assistance, the coefficients of Decree 20/2021, the premium of those who receive either, the newly-escaped loan, and
 * electricity support for households on social assistance.
 */
class BenefitRuleBoundariesTest {

    private final EligibilityEvaluator evaluator = PolicyFixtures.evaluator();

    private List<EligibilityEvaluator.Decision> evaluate(EligibilityFacts facts, String date) {
        return evaluator.evaluate(facts, LocalDate.parse(date));
    }

    @ParameterizedTest(name = "{0} on {1}: {2} %/year under {3}")
    @CsvSource(textBlock = """
            POOR,      2022-01-01, 6.6,   POOR_HOUSEHOLD_LOAN@2022-01-01
            POOR,      2025-11-30, 6.6,   POOR_HOUSEHOLD_LOAN@2022-01-01
            POOR,      2025-12-01, 6.24,  POOR_HOUSEHOLD_LOAN@2025-12-01
            POOR,      2025-12-02, 6.24,  POOR_HOUSEHOLD_LOAN@2025-12-01
            NEAR_POOR, 2025-11-30, 7.92,  NEAR_POOR_HOUSEHOLD_LOAN@2022-01-01
            NEAR_POOR, 2025-12-01, 7.488, NEAR_POOR_HOUSEHOLD_LOAN@2025-12-01
            NEAR_POOR, 2025-12-02, 7.488, NEAR_POOR_HOUSEHOLD_LOAN@2025-12-01
            ABOVE,     2025-11-30, 8.25,  NEWLY_ESCAPED_LOAN@2022-01-01
            ABOVE,     2025-12-01, 7.8,   NEWLY_ESCAPED_LOAN@2025-12-01
            ABOVE,     2025-12-02, 7.8,   NEWLY_ESCAPED_LOAN@2025-12-01
            """)
    void householdLoanRatesFallOnTheFirstOfDecember2025(String classification, String date, String rate,
            String version) {
        var facts = new EligibilityFacts(classification, null,
                classification.equals("ABOVE") ? LocalDate.parse("2025-06-01") : null, "08707", false,
                List.of(person("head", "1980-01-01")));

        var loan = evaluate(facts, date).stream().filter(d -> d.policyCode().endsWith("_LOAN")).toList();

        assertThat(loan).singleElement().satisfies(d -> {
            assertThat(d.policyVersion()).isEqualTo(version);
            assertThat(d.entitlement().annualInterestPercent()).isEqualByComparingTo(rate);
            assertThat(d.entitlement().maxLoanVnd()).isEqualTo(100_000_000L);
            assertThat(d.legalBasis()).contains(version.endsWith("2025-12-01") ? "2553/QĐ-TTg" : "");
        });
    }

    @ParameterizedTest(name = "student loan on {0}: {1} VND a month at {2} %")
    @CsvSource(textBlock = """
            2022-01-01, 2500000, 6.6
            2022-05-18, 2500000, 6.6
            2022-05-19, 4000000, 6.6
            2022-05-20, 4000000, 6.6
            2025-11-30, 4000000, 6.6
            2025-12-01, 4000000, 6.24
            2025-12-02, 4000000, 6.24
            """)
    void theStudentLoanCeilingIsPerMonthOfStudy(String date, long ceiling, String rate) {
        var facts = household("NEAR_POOR", person("student", "2004-01-01").withSchooling("HIGHER", true));

        var loan = find(evaluate(facts, date), "STUDENT_LOAN", "student").orElseThrow();

        assertThat(loan.entitlement().maxLoanPerMonthVnd()).isEqualTo(ceiling);
        assertThat(loan.entitlement().maxLoanVnd()).isNull();
        assertThat(loan.entitlement().annualInterestPercent()).isEqualByComparingTo(rate);
        assertThat(loan.reason()).contains(String.format("%,d", ceiling).replace(',', '.') + " đồng mỗi tháng học");
    }

    @ParameterizedTest(name = "own pension {0} VND a month, on 2025-07-01: social pension = {1}")
    @CsvSource(textBlock = """
            0,      true
            1,      true
            499999, true
            500000, false
            500001, false
            -1,     false
            """)
    void theSocialPensionGoesToPeopleWhosePensionIsBelowIt(long pensionVnd, boolean eligible) {
        var facts = household("ABOVE", person("p", "1949-03-01").withPension(pensionVnd));

        assertThat(find(evaluate(facts, "2025-07-01"), "SOCIAL_PENSION", "p").isPresent()).isEqualTo(eligible);
    }

    @ParameterizedTest(name = "{0}, born {1}, no one obliged {2}, {3}, on {4}: {5}")
    @CsvSource(textBlock = """
            POOR,  1953-03-01, true,  NONE,   2025-06-30, SOCIAL_ASSISTANCE 750000
            POOR,  1953-03-01, true,  NONE,   2025-07-01, SOCIAL_ASSISTANCE 750000
            POOR,  1953-03-01, false, NONE,   2025-06-30, nothing
            POOR,  1953-03-01, false, NONE,   2025-07-01, SOCIAL_PENSION 500000
            ABOVE, 1949-03-01, false, SEVERE, 2025-06-30, SOCIAL_ASSISTANCE 1000000
            ABOVE, 1949-03-01, false, SEVERE, 2025-07-01, SOCIAL_ASSISTANCE 1000000
            ABOVE, 1949-03-01, false, NONE,   2025-07-01, SOCIAL_PENSION 500000
            POOR,  1940-01-01, true,  NONE,   2025-07-01, SOCIAL_ASSISTANCE 1000000
            """)
    void aPersonReceivesOnlyTheHigherOfTheSocialPensionAndMonthlySocialAssistance(String classification,
            String born, boolean noOneObliged, String disability, String date, String expected) {
        var facts = household(classification, person("p", born).withNoOneObligedToSupport(noOneObliged)
                .withDisability(disability));

        var allowances = evaluate(facts, date).stream().filter(d -> "SOCIAL_ALLOWANCE".equals(d.exclusiveGroup()))
                .map(d -> d.policyCode() + " " + d.entitlement().monthlyAmountVnd()).toList();

        assertThat(allowances).isEqualTo(expected.equals("nothing") ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "poor, born {0}, on 2025-01-01, no one obliged {1}: {2} VND")
    @CsvSource(textBlock = """
            1965-01-02, true,  0
            1965-01-01, true,  750000
            1965-01-01, false, 0
            1945-01-02, true,  750000
            1945-01-01, true,  1000000
            1945-01-01, false, 0
            """)
    void elderlyOfAPoorHouseholdReceiveAssistanceOnlyWhenNoOneIsObligedToSupportThem(String born,
            boolean noOneObliged, long amount) {
        var facts = household("POOR", person("p", born).withNoOneObligedToSupport(noOneObliged));

        var assistance = find(evaluator.eligible(facts, LocalDate.parse("2025-01-01")), "SOCIAL_ASSISTANCE", "p");

        assertThat(assistance.map(d -> d.entitlement().monthlyAmountVnd()).orElse(0L)).isEqualTo(amount);
        assistance.ifPresent(d -> assertThat(d.applicationRequired()).isTrue());
    }

    /** Decree 20/2021 Art. 6 cl. 1 pt. e: children under 16 and people of 60 or more have the higher coefficient. */
    @ParameterizedTest(name = "{0}, born {1}, on 2025-01-01: x{2}")
    @CsvSource(textBlock = """
            SEVERE,              2009-01-02, 20
            SEVERE,              2009-01-01, 15
            SEVERE,              1965-01-02, 15
            SEVERE,              1965-01-01, 20
            PARTICULARLY_SEVERE, 2009-01-02, 25
            PARTICULARLY_SEVERE, 2009-01-01, 20
            PARTICULARLY_SEVERE, 1965-01-02, 20
            PARTICULARLY_SEVERE, 1965-01-01, 25
            """)
    void disabledChildrenUnderSixteenAndDisabledPeopleOfSixtyHaveTheHigherCoefficient(String disability,
            String born, long tenths) {
        var facts = household("ABOVE", person("p", born).withDisability(disability));

        assertThat(find(evaluator.eligible(facts, LocalDate.parse("2025-01-01")), "SOCIAL_ASSISTANCE", "p")).get()
                .extracting(d -> d.entitlement().monthlyAmountVnd()).isEqualTo(500_000L * tenths / 10);
    }

    @ParameterizedTest(name = "{0}, born {1}, receiving {2}, on {3}: premium {4} %")
    @CsvSource(textBlock = """
            NEAR_POOR, 1980-01-01, nothing,           2024-01-01, 70
            NEAR_POOR, 1980-01-01, SOCIAL_ASSISTANCE, 2024-01-01, 100
            ABOVE,     1980-01-01, SOCIAL_ASSISTANCE, 2024-01-01, 100
            ABOVE,     1980-01-01, nothing,           2024-01-01, 0
            ABOVE,     1949-03-01, SOCIAL_PENSION,    2025-08-14, 100
            ABOVE,     1949-03-01, SOCIAL_PENSION,    2025-08-15, 100
            MIDDLE,    1949-03-01, SOCIAL_PENSION,    2026-01-01, 100
            """)
    void peopleWhoReceiveTheSocialPensionOrAssistanceHaveTheirPremiumPaidInFull(String classification, String born,
            String receiving, String date, int share) {
        var facts = household(classification, person("p", born));
        if (!receiving.equals("nothing")) {
            facts = facts.withReceipts(List.of(receives(receiving, "p", "2020-01-01")));
        }

        var premium = find(evaluator.eligible(facts, LocalDate.parse(date)), "HEALTH_INSURANCE_PREMIUM", "p");

        assertThat(premium.map(d -> d.entitlement().premiumSupportPercent()).orElse(0)).isEqualTo(share);
        if (!receiving.equals("nothing")) {
            assertThat(find(evaluator.eligible(facts, LocalDate.parse(date)), "HEALTH_INSURANCE_PREMIUM_PROVINCIAL",
                    "p")).as("no top-up over a premium paid in full").isEmpty();
        }
    }

    /** The stateless evaluation takes each person to receive what they are entitled to. */
    @ParameterizedTest(name = "near-poor, 76, on {0}: premium {1} %")
    @CsvSource({"2025-06-30, 70", "2025-07-01, 100", "2025-07-02, 100"})
    void aSocialPensionerOfANearPoorHouseholdIsInsuredInFullFromThePensionsFirstDay(String date, int share) {
        var facts = household("NEAR_POOR", person("p", "1949-03-01"));

        var decisions = evaluate(facts, date);

        assertThat(find(decisions, "HEALTH_INSURANCE_PREMIUM", "p")).get()
                .extracting(d -> d.entitlement().premiumSupportPercent()).isEqualTo(share);
        assertThat(find(decisions, "HEALTH_INSURANCE_PREMIUM_PROVINCIAL", "p").isPresent()).isEqualTo(share < 100);
    }

    /** Decision 28/2015/QĐ-TTg: the newly escaped are no longer on either list. */
    @ParameterizedTest(name = "{0}, escaped poverty 2023-12-10, on {1}: newly-escaped loan = {2}")
    @CsvSource(textBlock = """
            NEAR_POOR, 2024-01-01, false
            MIDDLE,    2023-12-09, false
            MIDDLE,    2023-12-10, true
            ABOVE,     2024-01-01, true
            ABOVE,     2026-12-09, true
            ABOVE,     2026-12-10, false
            """)
    void theNewlyEscapedLoanIsForHouseholdsAboveTheNearPoorLine(String classification, String date,
            boolean eligible) {
        var facts = new EligibilityFacts(classification, null, LocalDate.parse("2023-12-10"), "08707", false,
                List.of(person("head", "1980-01-01")));

        assertThat(find(evaluate(facts, date), "NEWLY_ESCAPED_LOAN", "HOUSEHOLD").isPresent()).isEqualTo(eligible);
        if (classification.equals("NEAR_POOR")) {
            assertThat(find(evaluate(facts, date), "NEAR_POOR_HOUSEHOLD_LOAN", "HOUSEHOLD")).isPresent();
        }
    }

    /** Decision 60/2014/QĐ-TTg: a household on monthly social assistance using at most 50 kWh a month. */
    @ParameterizedTest(name = "{0}, on social assistance {1}, {2} kWh a month: electricity support = {3}")
    @CsvSource(textBlock = """
            NEAR_POOR, true,  0,   true
            NEAR_POOR, true,  49,  true
            NEAR_POOR, true,  50,  true
            NEAR_POOR, true,  51,  false
            NEAR_POOR, true,  ,    false
            NEAR_POOR, false, 30,  false
            ABOVE,     true,  50,  true
            POOR,      false, ,    true
            """)
    void electricitySupportCoversSocialAssistanceHouseholdsUsingAtMostFiftyKwh(String classification,
            boolean onAssistance, Long kwh, boolean eligible) {
        var facts = household(classification, person("head", "1980-01-01"), person("elder", "1950-01-01"))
                .withElectricityKwhPerMonth(kwh)
                .withReceipts(onAssistance ? List.of(receives("SOCIAL_ASSISTANCE", "elder", "2024-01-01")) : List.of());

        var support = find(evaluator.eligible(facts, LocalDate.parse("2025-06-01")), "ELECTRICITY_SUPPORT",
                "HOUSEHOLD");

        assertThat(support.isPresent()).isEqualTo(eligible);
        support.ifPresent(d -> assertThat(d.provisional()).isEqualTo(!classification.equals("POOR")));
    }

    @Test
    void aReceiptCountsOnlyWhileItsDecisionIsInForce() {
        var facts = household("NEAR_POOR", person("p", "1980-01-01")).withReceipts(List.of(
                new EligibilityFacts.Receipt("SOCIAL_ASSISTANCE", "p", LocalDate.parse("2024-03-01"),
                        LocalDate.parse("2024-08-31"))));

        for (String[] dayAndShare : new String[][] {{"2024-02-29", "70"}, {"2024-03-01", "100"},
                {"2024-08-31", "100"}, {"2024-09-01", "70"}}) {
            assertThat(find(evaluator.eligible(facts, LocalDate.parse(dayAndShare[0])), "HEALTH_INSURANCE_PREMIUM",
                    "p")).as(dayAndShare[0]).get().extracting(d -> d.entitlement().premiumSupportPercent())
                    .isEqualTo(Integer.parseInt(dayAndShare[1]));
        }
    }
}
