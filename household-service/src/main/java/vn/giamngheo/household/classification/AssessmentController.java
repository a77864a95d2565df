package vn.giamngheo.household.classification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.units.AreaType;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/** The classification contract other systems use; it stores nothing. */
@RestController
@RequestMapping("/api/v1/assessments")
class AssessmentController {

    record EvaluateRequest(
            @NotNull LocalDate referenceDate,
            @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune-level unit code") String unitCode,
            AreaType areaType,
            String standard,
            @PositiveOrZero(message = "must not be negative") Long annualIncomeVnd,
            @Positive(message = "must be at least 1") @jakarta.validation.constraints.Max(100) Integer memberCount,
            @PositiveOrZero(message = "must not be negative") Long monthlyIncomePerCapitaVnd,
            @Size(max = 20) List<@NotBlank String> deprivedIndicators,
            @Valid FactsRequest facts) {
    }

    record FactsRequest(
            @NotNull @Size(min = 1, max = 40, message = "must list 1 to 40 members") List<@Valid @NotNull MemberRequest> members,
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

        HouseholdFacts toFacts() {
            return new HouseholdFacts(members.stream().map(MemberRequest::toFacts).toList(), floorAreaM2, hasDwelling,
                    wallsDurable, frameDurable, roofDurable, waterSource, latrine, usesTelecom, usesInternet,
                    informationMeans, wasteHandling, sickMemberUntreated);
        }
    }

    record MemberRequest(
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

    record DeprivationView(String code, String name, String reason) {
    }

    record EvaluateResponse(HouseholdClass classification, String standard, boolean provisionalStandard,
            AreaType areaType, BigDecimal monthlyIncomePerCapitaVnd, List<String> deprivedIndicators,
            List<DeprivationView> deprivations, List<String> explanation) {
    }

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @PostMapping("/evaluate")
    EvaluateResponse evaluate(@Valid @RequestBody EvaluateRequest request) {
        Income income = income(request);
        Evidence evidence = evidence(request);
        try {
            Classification c = assessments.evaluate(new AssessmentService.Evaluate(request.referenceDate(),
                    request.unitCode(), request.areaType(), request.standard(), income, evidence));
            return new EvaluateResponse(c.householdClass(), c.standard().code(), c.standard().provisional(),
                    c.areaType(), c.monthlyIncomePerCapitaVnd(), c.deprivedCodes(),
                    c.deprivations().stream().map(d -> new DeprivationView(d.code(), d.nameVi(), d.reason())).toList(),
                    c.explanation());
        } catch (AssessmentException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
    }

    private static Income income(EvaluateRequest r) {
        boolean annual = r.annualIncomeVnd() != null || r.memberCount() != null;
        boolean monthly = r.monthlyIncomePerCapitaVnd() != null;
        if (annual == monthly) {
            throw ApiException.invalid("annualIncomeVnd", "give annualIncomeVnd with memberCount, or "
                    + "monthlyIncomePerCapitaVnd, not both or neither");
        }
        if (monthly) {
            return new Income.MonthlyPerCapita(r.monthlyIncomePerCapitaVnd());
        }
        List<FieldProblem> missing = new ArrayList<>();
        if (r.annualIncomeVnd() == null) {
            missing.add(new FieldProblem("annualIncomeVnd", "is required with memberCount"));
        }
        if (r.memberCount() == null) {
            missing.add(new FieldProblem("memberCount", "is required with annualIncomeVnd"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid(missing);
        }
        return new Income.Annual(r.annualIncomeVnd(), r.memberCount());
    }

    private static Evidence evidence(EvaluateRequest r) {
        if ((r.deprivedIndicators() == null) == (r.facts() == null)) {
            throw ApiException.invalid("deprivedIndicators", "give either deprivedIndicators or facts, "
                    + "not both or neither");
        }
        return r.facts() != null ? new Evidence.Surveyed(r.facts().toFacts())
                : new Evidence.Declared(r.deprivedIndicators());
    }
}
