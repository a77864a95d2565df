package vn.giamngheo.policy.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.HouseholdAccess;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;
import vn.giamngheo.policy.catalog.EligibilityFacts;

@RestController
@RequestMapping("/api/v1/households")
class EligibilityController {

    static final Set<String> SCHOOLING = Set.of("NONE", "PRESCHOOL", "PRIMARY", "LOWER_SECONDARY", "UPPER_SECONDARY",
            "VOCATIONAL", "HIGHER");
    static final Set<String> DISABILITY = Set.of("NONE", "SEVERE", "PARTICULARLY_SEVERE");

    /**
     * @param pensionVnd the monthly pension recorded; -1 when one is paid but its amount was not recorded
     * @param hasPension the former yes/no, for readers of the transition: {@code pensionVnd != 0}
     */
    record MemberView(String personId, String dateOfBirth, String sex, String relationToHead, String schooling,
            boolean publicSchool, long pensionVnd, boolean hasPension, String disability,
            boolean noOneObligedToSupport) {
    }

    /** A decision of any department that this department's rules read, as its events told. */
    record ReceiptView(String policyCode, String personId, LocalDate from, LocalDate to) {
    }

    /**
     * What this department knows of a household, and the household event it last applied.
     *
     * @param removedOn    the day the household left the registry; null while it is in it
     * @param nextReviewOn the next day its decisions may change without an event (a birthday, a policy date)
     */
    record HouseholdEligibilityView(String householdId, String unitCode, String village, String classification,
            String classifiedSince, String escapedPovertyOn, boolean farming, Long electricityKwhPerMonth,
            List<MemberView> members, List<ReceiptView> receives, String removedOn, String nextReviewOn,
            long sequence) {
    }

    /**
     * One member's facts as a department records them.
     *
     * @param pensionVnd            the member's own monthly pension or social-insurance benefit, 0 when none
     * @param hasPension            the former yes/no, accepted during the transition when pensionVnd is not given:
     *                              false records 0, true a pension of unknown amount
     * @param noOneObligedToSupport null leaves it as recorded
     */
    record MemberFactsRequest(String personId, String schooling, Boolean publicSchool, Long pensionVnd,
            Boolean hasPension, String disability, Boolean noOneObligedToSupport) {
    }

    /**
     * Facts held by the departments rather than the registry, valid from {@code from} (default today).
     *
     * @param farming                null leaves it as recorded
     * @param electricityKwhPerMonth the household's monthly electricity use (Decision 60/2014: at most 50 kWh for a
     *                               household on social assistance); null leaves it as recorded
     */
    record FactsRequest(LocalDate from, Boolean farming, Long electricityKwhPerMonth,
            List<MemberFactsRequest> members) {
    }

    /** Beyond these a figure is a typing mistake, not a household of this programme. */
    static final long MAX_PENSION_VND = 1_000_000_000L;
    static final long MAX_KWH_PER_MONTH = 100_000L;

    private final EligibilityViews views;
    private final Reconciler decisions;
    private final HouseholdAccess areas;
    private final Clock clock;

    EligibilityController(EligibilityViews views, Reconciler decisions, HouseholdAccess areas, Clock clock) {
        this.views = views;
        this.decisions = decisions;
        this.areas = areas;
        this.clock = clock;
    }

    @GetMapping("/{householdId}")
    HouseholdEligibilityView get(@PathVariable String householdId) {
        areas.check(householdId);
        return view(find(householdId));
    }

    /**
     * Records schooling, pension, disability, whether anyone is obliged to support an elderly member, farming and
     * electricity use; the household's decisions follow at once (e.g. a pupil's study-cost support), from the given
     * day.
     */
    @PutMapping("/{householdId}/facts")
    HouseholdEligibilityView recordFacts(@PathVariable String householdId, @RequestBody FactsRequest request) {
        areas.check(householdId);
        EligibilityView view = find(householdId);
        LocalDate today = LocalDate.now(clock);
        LocalDate from = request.from() == null ? today : request.from();
        List<FieldProblem> problems = new ArrayList<>();
        if (from.isAfter(today)) {
            problems.add(new FieldProblem("from", "must not be after today (" + today + ")"));
        }
        Set<String> memberIds = new HashSet<>();
        view.members().forEach(m -> memberIds.add(m.personId()));
        Map<String, EligibilityView.MemberFacts> facts = new LinkedHashMap<>();
        List<MemberFactsRequest> members = request.members() == null ? List.of() : request.members();
        for (int i = 0; i < members.size(); i++) {
            MemberFactsRequest m = members.get(i);
            String at = "members[" + i + "].";
            if (m == null) {
                problems.add(new FieldProblem("members[" + i + "]", "must not be null"));
                continue;
            }
            if (m.personId() == null || !memberIds.contains(m.personId())) {
                problems.add(new FieldProblem(at + "personId", m.personId() == null ? "is required"
                        : "'" + m.personId() + "' is not a member of household " + householdId));
            } else if (facts.containsKey(m.personId())) {
                problems.add(new FieldProblem(at + "personId", "'" + m.personId() + "' is given twice"));
            }
            if (m.schooling() == null || !SCHOOLING.contains(m.schooling())) {
                problems.add(new FieldProblem(at + "schooling", "must be one of " + SCHOOLING));
            }
            if (m.disability() == null || !DISABILITY.contains(m.disability())) {
                problems.add(new FieldProblem(at + "disability", "must be one of " + DISABILITY));
            }
            if (m.publicSchool() == null) {
                problems.add(new FieldProblem(at + "publicSchool", "is required (true or false)"));
            }
            Long pension = pension(at, m, problems);
            if (m.personId() != null && m.schooling() != null && m.disability() != null && m.publicSchool() != null
                    && pension != null) {
                boolean noOneObliged = m.noOneObligedToSupport() != null ? m.noOneObligedToSupport()
                        : view.factsOf(m.personId()).noOneObligedToSupport();
                facts.putIfAbsent(m.personId(), new EligibilityView.MemberFacts(m.schooling(), m.publicSchool(),
                        pension, m.disability(), noOneObliged));
            }
        }
        Long kwh = request.electricityKwhPerMonth();
        if (kwh != null && (kwh < 0 || kwh > MAX_KWH_PER_MONTH)) {
            problems.add(new FieldProblem("electricityKwhPerMonth", "must be 0 to " + MAX_KWH_PER_MONTH
                    + " kWh a month"));
        }
        if (request.farming() == null && kwh == null && members.isEmpty()) {
            problems.add(new FieldProblem("members", "give farming, electricityKwhPerMonth or at least one member's"
                    + " facts"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        views.recordFacts(householdId, request.farming(), kwh, facts);
        decisions.factsChanged(householdId, from);
        return view(find(householdId));
    }

    private EligibilityView find(String householdId) {
        return views.find(householdId).orElseThrow(() -> ApiException.notFound("Household " + householdId));
    }

    /**
     * The member's pension from {@code pensionVnd}, or during the transition from the former {@code hasPension}; null
     * (with the problem recorded) when neither is usable.
     */
    private static Long pension(String at, MemberFactsRequest m, List<FieldProblem> problems) {
        if (m.pensionVnd() != null) {
            if (m.pensionVnd() < 0 || m.pensionVnd() > MAX_PENSION_VND) {
                problems.add(new FieldProblem(at + "pensionVnd", "must be 0 (no pension) to " + MAX_PENSION_VND
                        + " VND a month"));
                return null;
            }
            if (m.hasPension() != null && m.hasPension() != (m.pensionVnd() > 0)) {
                problems.add(new FieldProblem(at + "hasPension", "says " + m.hasPension() + " but pensionVnd is "
                        + m.pensionVnd() + "; give pensionVnd alone"));
                return null;
            }
            return m.pensionVnd();
        }
        if (m.hasPension() != null) {
            return m.hasPension() ? EligibilityFacts.NOT_RECORDED : 0L;
        }
        problems.add(new FieldProblem(at + "pensionVnd", "is required: the member's own monthly pension or"
                + " social-insurance benefit in VND, 0 when none"));
        return null;
    }

    private static HouseholdEligibilityView view(EligibilityView view) {
        return new HouseholdEligibilityView(view.id(), view.unitCode(), view.village(), view.classification(),
                text(view.classifiedSince()), text(view.escapedPovertyOn()), view.farming(),
                view.facts().electricityKwhPerMonth(),
                view.members().stream().map(m -> {
                    EligibilityView.MemberFacts f = view.factsOf(m.personId());
                    return new MemberView(m.personId(), m.dateOfBirth().toString(), m.sex(), m.relationToHead(),
                            f.schooling(), f.publicSchool(), f.pensionVnd(), f.hasPension(), f.disability(),
                            f.noOneObligedToSupport());
                }).toList(),
                view.receivedBenefits().stream().map(r -> new ReceiptView(r.policyCode(), r.personId(),
                        r.from(), r.to())).toList(),
                text(view.removedOn()), text(view.nextReviewOn()), view.sequence());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
