package vn.giamngheo.policy.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.web.ApiException;

/** The policy catalog of this instance's departments, and the stateless "what is this household entitled to?". */
@RestController
@RequestMapping("/api/v1")
class PolicyController {

    enum Schooling { NONE, PRESCHOOL, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL, HIGHER }

    enum Disability { NONE, SEVERE, PARTICULARLY_SEVERE }

    record MemberRequest(@NotBlank String personId, @NotNull LocalDate dateOfBirth, @NotNull Schooling schooling,
            Boolean publicSchool, Boolean hasPension, Disability disability) {
    }

    record HouseholdRequest(@NotNull HouseholdClass classification, LocalDate classifiedSince,
            LocalDate escapedPovertyOn,
            @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune-level unit code") String unitCode,
            Boolean farming,
            @NotNull @Size(min = 1, max = 40, message = "must list 1 to 40 members") List<@Valid @NotNull MemberRequest> members) {
    }

    record EvaluateRequest(@NotNull LocalDate referenceDate, @NotNull @Valid HouseholdRequest household) {
    }

    record EvaluateResponse(LocalDate referenceDate, List<EligibilityEvaluator.Decision> decisions) {
    }

    record PolicyView(String code, String version, String name, String department, String legalBasis,
            LocalDate effectiveFrom, LocalDate effectiveTo, Beneficiary beneficiary, boolean applicationRequired,
            boolean provisional, Schedule schedule, Map<String, Long> amountsInForce, String eligibleWhen,
            String reason) {
    }

    private final PolicyCatalog catalog;
    private final EligibilityEvaluator evaluator;
    private final Clock clock;

    PolicyController(PolicyCatalog catalog, EligibilityEvaluator evaluator, Clock clock) {
        this.catalog = catalog;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** The policies in force on {@code date} (today when omitted), with the amounts in force then. */
    @GetMapping("/policies")
    List<PolicyView> policies(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        return catalog.inForceOn(day).stream().map(p -> new PolicyView(p.code(), p.version(), p.name(),
                p.department(), p.legalBasis(), p.effectiveFrom(), p.effectiveTo(), p.beneficiary(),
                p.applicationRequired(), p.provisional(), p.schedule(), p.amounts().on(day),
                p.eligibleWhen().expression(), p.reason())).toList();
    }

    @PostMapping("/eligibility/evaluate")
    EvaluateResponse evaluate(@Valid @RequestBody EvaluateRequest request) {
        HouseholdRequest h = request.household();
        var seen = new HashSet<String>();
        for (int i = 0; i < h.members().size(); i++) {
            MemberRequest m = h.members().get(i);
            if (!seen.add(m.personId())) {
                throw ApiException.invalid("household.members[" + i + "].personId", "is listed twice");
            }
            if (m.dateOfBirth().isAfter(request.referenceDate())) {
                throw ApiException.invalid("household.members[" + i + "].dateOfBirth",
                        "is after the reference date " + request.referenceDate());
            }
        }
        if (h.escapedPovertyOn() != null && h.classification() == HouseholdClass.POOR) {
            throw ApiException.invalid("household.escapedPovertyOn", "a POOR household has not escaped poverty");
        }
        EligibilityFacts facts = new EligibilityFacts(h.classification().name(), h.classifiedSince(),
                h.escapedPovertyOn(), h.unitCode(), Boolean.TRUE.equals(h.farming()),
                h.members().stream().map(m -> new EligibilityFacts.Person(m.personId(), m.dateOfBirth(),
                        m.schooling().name(), Boolean.TRUE.equals(m.publicSchool()), Boolean.TRUE.equals(m.hasPension()),
                        (m.disability() == null ? Disability.NONE : m.disability()).name())).toList());
        return new EvaluateResponse(request.referenceDate(), evaluator.evaluate(facts, request.referenceDate()));
    }
}
