package vn.giamngheo.policy.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /**
     * @param pensionVnd            the person's own monthly pension or social-insurance benefit (0: none)
     * @param hasPension            the former yes/no, still accepted: false is a pension of 0, true one of an amount
     *                              not given
     * @param noOneObligedToSupport Decree 20/2021 Art. 5 cl. 5 pt. a, for the elderly of a poor household
     */
    record MemberRequest(@NotBlank String personId, @NotNull LocalDate dateOfBirth, @NotNull Schooling schooling,
            Boolean publicSchool,
            @PositiveOrZero @Max(value = MAX_PENSION_VND, message = "must be at most 1,000,000,000 VND a month")
            Long pensionVnd,
            Boolean hasPension, Disability disability, Boolean noOneObligedToSupport) {
    }

    /** @param electricityKwhPerMonth the household's monthly electricity use, when known */
    record HouseholdRequest(@NotNull HouseholdClass classification, LocalDate classifiedSince,
            LocalDate escapedPovertyOn,
            @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune-level unit code") String unitCode,
            Boolean farming,
            @PositiveOrZero @Max(value = MAX_KWH, message = "must be at most 100,000 kWh a month")
            Long electricityKwhPerMonth,
            @NotNull @Size(min = 1, max = 40, message = "must list 1 to 40 members") List<@Valid @NotNull MemberRequest> members) {
    }

    /** Beyond these a figure is a typing mistake, not a household of this programme. */
    static final long MAX_PENSION_VND = 1_000_000_000L;
    static final long MAX_KWH = 100_000L;

    record EvaluateRequest(@NotNull LocalDate referenceDate, @NotNull @Valid HouseholdRequest household) {
    }

    record EvaluateResponse(LocalDate referenceDate, List<EligibilityEvaluator.Decision> decisions) {
    }

    /**
     * @param formerProvince    the former province whose units alone the version applies to; null: everywhere
     * @param provisional       whether what the version decides on the day asked is provisional
     * @param exclusiveGroup    the group of which a beneficiary receives only the highest monthly amount
     */
    record PolicyView(String code, String version, String name, String department, String legalBasis,
            LocalDate effectiveFrom, LocalDate effectiveTo, String formerProvince, Beneficiary beneficiary,
            boolean applicationRequired, boolean provisional, String provisionalReason, Schedule schedule,
            String exclusiveGroup, Map<String, Long> amountsInForce, String eligibleWhen, String reason) {
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
                p.department(), p.legalBasis(), p.effectiveFrom(), p.effectiveTo(), p.formerProvince(),
                p.beneficiary(), p.applicationRequired(), p.provisionalOn(day),
                p.provisionalOn(day) ? p.provisionalReason() : null, p.schedule(), p.exclusiveGroup(),
                p.amounts().on(day), p.eligibleWhen().expression(), p.reason())).toList();
    }

    @PostMapping("/eligibility/evaluate")
    EvaluateResponse evaluate(@Valid @RequestBody EvaluateRequest request) {
        HouseholdRequest h = request.household();
        var seen = new HashSet<String>();
        List<EligibilityFacts.Person> members = new ArrayList<>();
        for (int i = 0; i < h.members().size(); i++) {
            MemberRequest m = h.members().get(i);
            String at = "household.members[" + i + "].";
            if (!seen.add(m.personId())) {
                throw ApiException.invalid(at + "personId", "is listed twice");
            }
            if (m.dateOfBirth().isAfter(request.referenceDate())) {
                throw ApiException.invalid(at + "dateOfBirth", "is after the reference date "
                        + request.referenceDate());
            }
            members.add(EligibilityFacts.Person.born(m.personId(), m.dateOfBirth())
                    .withSchooling(m.schooling().name(), Boolean.TRUE.equals(m.publicSchool()))
                    .withPension(pension(at, m.pensionVnd(), m.hasPension()))
                    .withDisability((m.disability() == null ? Disability.NONE : m.disability()).name())
                    .withNoOneObligedToSupport(Boolean.TRUE.equals(m.noOneObligedToSupport())));
        }
        if (h.escapedPovertyOn() != null && h.classification() == HouseholdClass.POOR) {
            throw ApiException.invalid("household.escapedPovertyOn", "a POOR household has not escaped poverty");
        }
        EligibilityFacts facts = new EligibilityFacts(h.classification().name(), h.classifiedSince(),
                h.escapedPovertyOn(), h.unitCode(), Boolean.TRUE.equals(h.farming()), members)
                .withElectricityKwhPerMonth(h.electricityKwhPerMonth());
        return new EvaluateResponse(request.referenceDate(), evaluator.evaluate(facts, request.referenceDate()));
    }

    /**
     * The monthly pension from {@code pensionVnd}, or from the former {@code hasPension} during the transition: false
     * is none, true a pension whose amount was not given (it then counts as not below the social pension).
     */
    static long pension(String at, Long pensionVnd, Boolean hasPension) {
        if (pensionVnd != null) {
            if (hasPension != null && hasPension != (pensionVnd > 0)) {
                throw ApiException.invalid(at + "hasPension", "says " + hasPension + " but pensionVnd is "
                        + pensionVnd + "; give pensionVnd alone");
            }
            return pensionVnd;
        }
        return Boolean.TRUE.equals(hasPension) ? EligibilityFacts.NOT_RECORDED : 0;
    }
}
