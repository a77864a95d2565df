package vn.giamngheo.policy.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.decisions.BenefitDecision;

class EntitlementsTest {

    private static final PolicyCatalog CATALOG = catalog();
    private final Entitlements entitlements = new Entitlements(CATALOG);

    private static PolicyCatalog catalog() {
        try {
            return PolicyCatalog.load(Arrays.asList(new PathMatchingResourcePatternResolver()
                    .getResources("classpath:policies/*.yaml")), PolicyCatalog.DEPARTMENTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BenefitDecision decision(String code, String version, String from, String to, Entitlement e,
            List<BenefitDecision.Change> history) {
        return new BenefitDecision(code + ":p:" + from, "h", "p", code, version, "X", LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), to == null ? BenefitDecision.Status.ACTIVE
                        : BenefitDecision.Status.REVOKED, e, "r", null, history, 1);
    }

    private static Entitlement cash(long amount, String period) {
        return new Entitlement("CASH", null, amount, period, null, null);
    }

    @ParameterizedTest(name = "{0} is {1} to {2}")
    @CsvSource({"2026, 2026-01-01, 2026-12-31", "2026-Q1, 2026-01-01, 2026-03-31", "2026-Q4, 2026-10-01, 2026-12-31",
            "2024-02, 2024-02-01, 2024-02-29"})
    void periods(String text, String from, String to) {
        Entitlements.Period period = Entitlements.Period.parse(text);
        assertThat(period.from()).isEqualTo(LocalDate.parse(from));
        assertThat(period.to()).isEqualTo(LocalDate.parse(to));
    }

    @Test
    void aPeriodThatIsNoneOfThoseIsNamed() {
        for (String wrong : new String[] {"2026-Q5", "2026-13", "26", "Q1-2026", ""}) {
            assertThatThrownBy(() -> Entitlements.Period.parse(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a quarter (2026-Q4)");
        }
    }

    @Test
    void aMonthCountsWhenTheDecisionIsInForceOnAnyDayOfItWithTheAmountOfItsFirstSuchDay() {
        BenefitDecision d = decision("SOCIAL_ASSISTANCE", "SOCIAL_ASSISTANCE@2022-01-01", "2024-05-20", "2024-08-10",
                cash(750_000, "MONTHLY"), List.of(
                        new BenefitDecision.Change(LocalDate.parse("2024-05-20"), "SOCIAL_ASSISTANCE@2022-01-01",
                                cash(540_000, "MONTHLY")),
                        new BenefitDecision.Change(LocalDate.parse("2024-07-01"), "SOCIAL_ASSISTANCE@2022-01-01",
                                cash(750_000, "MONTHLY"))));
        Entitlements.Line line = entitlements.line(d, Entitlements.Period.parse("2024"));
        assertThat(line.months()).extracting(Entitlements.MonthOwed::month).containsExactly(YearMonth.of(2024, 5),
                YearMonth.of(2024, 6), YearMonth.of(2024, 7), YearMonth.of(2024, 8));
        assertThat(line.totalVnd()).isEqualTo(540_000L * 2 + 750_000L * 2);
        assertThat(entitlements.line(d, Entitlements.Period.parse("2024-Q4"))).isNull();
    }

    @Test
    void studyCostsAreOwedForSchoolMonthsAndAOneOffAmountOnceOnly() {
        BenefitDecision study = decision("STUDY_COST_SUPPORT", "STUDY_COST_SUPPORT@2025-09-03", "2025-09-05", null,
                cash(150_000, "MONTHLY"), List.of());
        assertThat(entitlements.line(study, Entitlements.Period.parse("2026")).months()).hasSize(5 + 4);
        assertThat(entitlements.line(study, Entitlements.Period.parse("2026-Q3")).months())
                .extracting(Entitlements.MonthOwed::month).containsExactly(YearMonth.of(2026, 9));

        BenefitDecision housing = decision("HOUSING_SUPPORT", "HOUSING_SUPPORT@2022-01-01", "2026-03-10", null,
                cash(40_000_000, "ONCE"), List.of());
        assertThat(entitlements.line(housing, Entitlements.Period.parse("2026")).totalVnd()).isEqualTo(40_000_000L);
        assertThat(entitlements.line(housing, Entitlements.Period.parse("2027"))).isNull();
    }

    @Test
    void aPremiumShareIsValuedAtTheBasisInForceEachMonthAndLoansAreNotOwedByPeriod() {
        BenefitDecision premium = decision("HEALTH_INSURANCE_PREMIUM", "HEALTH_INSURANCE_PREMIUM@2025-08-15",
                "2026-01-01", null, new Entitlement("PREMIUM_SHARE", 70, null, null, null, null), List.of());
        Entitlements.Line line = entitlements.line(premium, Entitlements.Period.parse("2026"));
        // 70 % of 105,300 (base 2,340,000) to June, of 113,850 (base 2,530,000) from July.
        assertThat(line.months().getFirst().amountVnd()).isEqualTo(73_710L);
        assertThat(line.months().getLast().amountVnd()).isEqualTo(79_695L);
        assertThat(line.totalVnd()).isEqualTo(73_710L * 6 + 79_695L * 6);

        BenefitDecision loan = decision("POOR_HOUSEHOLD_LOAN", "POOR_HOUSEHOLD_LOAN@2022-01-01", "2026-01-01", null,
                new Entitlement("LOAN", null, null, null, 80_000_000L, new java.math.BigDecimal("6.6")), List.of());
        assertThat(entitlements.line(loan, Entitlements.Period.parse("2026"))).isNull();
    }
}
