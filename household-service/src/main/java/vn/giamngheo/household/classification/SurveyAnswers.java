package vn.giamngheo.household.classification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/**
 * The answers a survey gives, as they arrive over HTTP: income (annual with members, or per person per month) and
 * deprivations (declared codes, or the facts to derive them). Shared by the evaluate API and review surveys.
 */
public final class SurveyAnswers {

    private SurveyAnswers() {
    }

    public record Facts(
            @NotNull @Size(min = 1, max = 40, message = "must list 1 to 40 members") List<@Valid @NotNull Member> members,
            @NotNull @PositiveOrZero(message = "must not be negative") BigDecimal floorAreaM2,
            @NotNull Boolean hasDwelling,
            @NotNull Boolean wallsDurable,
            @NotNull Boolean frameDurable,
            @NotNull Boolean roofDurable,
            @NotNull WaterSource waterSource,
            @NotNull Latrine latrine,
            @NotNull Boolean usesTelecom,
            @NotNull Boolean usesInternet,
            @NotNull Set<InformationMeans> informationMeans,
            WasteHandling wasteHandling,
            Boolean sickMemberUntreated) {

        public HouseholdFacts toFacts() {
            return new HouseholdFacts(members.stream().map(Member::toFacts).toList(), floorAreaM2, hasDwelling,
                    wallsDurable, frameDurable, roofDurable, waterSource, latrine, usesTelecom, usesInternet,
                    informationMeans, wasteHandling, sickMemberUntreated);
        }
    }

    public record Member(
            @NotNull LocalDate dateOfBirth,
            @NotNull Boolean hasHealthInsurance,
            @NotNull Boolean attendingSchool,
            @NotNull Education education,
            @NotNull Employment employment,
            Boolean unableToWork,
            Boolean malnourished,
            Boolean receivesSocialAllowance) {

        MemberFacts toFacts() {
            return new MemberFacts(dateOfBirth, hasHealthInsurance, attendingSchool, education, employment,
                    Boolean.TRUE.equals(unableToWork), Boolean.TRUE.equals(malnourished),
                    Boolean.TRUE.equals(receivesSocialAllowance));
        }
    }



    /**
     * Plausibility limits, far beyond any household this programme serves (the poverty lines are a few million đồng a
     * month a person) yet well inside a {@code long}: a figure beyond them is a typing mistake or a probe, and an income
     * of Long.MAX would overflow the comparison with the line.
     */
    static final long MAX_ANNUAL_INCOME_VND = 100_000_000_000L;
    static final long MAX_MONTHLY_INCOME_PER_CAPITA_VND = 10_000_000_000L;
    /** The most members a household is registered with. */
    static final int MAX_MEMBERS = 40;

    public static Income income(Long annualIncomeVnd, Integer memberCount, Long monthlyIncomePerCapitaVnd) {
        List<FieldProblem> implausible = new ArrayList<>();
        if (annualIncomeVnd != null && annualIncomeVnd > MAX_ANNUAL_INCOME_VND) {
            implausible.add(new FieldProblem("annualIncomeVnd", "must be at most " + MAX_ANNUAL_INCOME_VND
                    + " đồng a year; was " + annualIncomeVnd));
        }
        if (monthlyIncomePerCapitaVnd != null && monthlyIncomePerCapitaVnd > MAX_MONTHLY_INCOME_PER_CAPITA_VND) {
            implausible.add(new FieldProblem("monthlyIncomePerCapitaVnd", "must be at most "
                    + MAX_MONTHLY_INCOME_PER_CAPITA_VND + " đồng a month a person; was " + monthlyIncomePerCapitaVnd));
        }
        if (memberCount != null && memberCount > MAX_MEMBERS) {
            implausible.add(new FieldProblem("memberCount", "must be at most " + MAX_MEMBERS + "; was " + memberCount));
        }
        if (!implausible.isEmpty()) {
            throw ApiException.invalid(implausible);
        }
        boolean annual = annualIncomeVnd != null || memberCount != null;
        boolean monthly = monthlyIncomePerCapitaVnd != null;
        if (annual == monthly) {
            throw ApiException.invalid("annualIncomeVnd", "give annualIncomeVnd with memberCount, or "
                    + "monthlyIncomePerCapitaVnd, not both or neither");
        }
        if (monthly) {
            return new Income.MonthlyPerCapita(monthlyIncomePerCapitaVnd);
        }
        List<FieldProblem> missing = new ArrayList<>();
        if (annualIncomeVnd == null) {
            missing.add(new FieldProblem("annualIncomeVnd", "is required with memberCount"));
        }
        if (memberCount == null) {
            missing.add(new FieldProblem("memberCount", "is required with annualIncomeVnd"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid(missing);
        }
        return new Income.Annual(annualIncomeVnd, memberCount);
    }

    public static Evidence evidence(List<String> deprivedIndicators, Facts facts) {
        if ((deprivedIndicators == null) == (facts == null)) {
            throw ApiException.invalid("deprivedIndicators", "give either deprivedIndicators or facts, "
                    + "not both or neither");
        }
        return facts != null ? new Evidence.Surveyed(facts.toFacts()) : new Evidence.Declared(deprivedIndicators);
    }
}
