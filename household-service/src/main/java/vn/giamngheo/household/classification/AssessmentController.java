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
import vn.giamngheo.platform.units.AreaType;
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
            @Valid SurveyAnswers.Facts facts) {
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
        return SurveyAnswers.income(r.annualIncomeVnd(), r.memberCount(), r.monthlyIncomePerCapitaVnd());
    }

    private static Evidence evidence(EvaluateRequest r) {
        return SurveyAnswers.evidence(r.deprivedIndicators(), r.facts());
    }
}
