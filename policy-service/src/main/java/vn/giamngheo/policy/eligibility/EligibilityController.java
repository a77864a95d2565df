package vn.giamngheo.policy.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.HouseholdAccess;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;
import vn.giamngheo.policy.decisions.AutomaticDecisions;

@RestController
@RequestMapping("/api/v1/households")
class EligibilityController {

    static final Set<String> SCHOOLING = Set.of("NONE", "PRESCHOOL", "PRIMARY", "LOWER_SECONDARY", "UPPER_SECONDARY",
            "VOCATIONAL", "HIGHER");
    static final Set<String> DISABILITY = Set.of("NONE", "SEVERE", "PARTICULARLY_SEVERE");

    record MemberView(String personId, String dateOfBirth, String sex, String relationToHead, String schooling,
            boolean publicSchool, boolean hasPension, String disability) {
    }

    /**
     * What this department knows of a household, and the household event it last applied.
     *
     * @param removedOn    the day the household left the registry; null while it is in it
     * @param nextReviewOn the next day its decisions may change without an event (a birthday, a policy date)
     */
    record HouseholdEligibilityView(String householdId, String unitCode, String village, String classification,
            String classifiedSince, String escapedPovertyOn, boolean farming, List<MemberView> members,
            String removedOn, String nextReviewOn, long sequence) {
    }

    /** One member's facts as a department records them. */
    record MemberFactsRequest(String personId, String schooling, Boolean publicSchool, Boolean hasPension,
            String disability) {
    }

    /**
     * Facts held by the departments rather than the registry, valid from {@code from} (default today).
     *
     * @param farming null leaves it as recorded
     */
    record FactsRequest(LocalDate from, Boolean farming, List<MemberFactsRequest> members) {
    }

    private final EligibilityViews views;
    private final AutomaticDecisions decisions;
    private final HouseholdAccess areas;
    private final Clock clock;

    EligibilityController(EligibilityViews views, AutomaticDecisions decisions, HouseholdAccess areas, Clock clock) {
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
     * Records schooling, pension, disability and farming; the household's decisions follow at once (e.g. a pupil's
     * study-cost support), from the given day.
     */
    @PutMapping("/{householdId}/facts")
    HouseholdEligibilityView recordFacts(@PathVariable String householdId, @RequestBody FactsRequest request) {
        areas.check(householdId);
        Document view = find(householdId);
        LocalDate today = LocalDate.now(clock);
        LocalDate from = request.from() == null ? today : request.from();
        List<FieldProblem> problems = new ArrayList<>();
        if (from.isAfter(today)) {
            problems.add(new FieldProblem("from", "must not be after today (" + today + ")"));
        }
        Set<String> memberIds = new HashSet<>();
        view.getList("members", Document.class, List.of()).forEach(m -> memberIds.add(m.getString("personId")));
        Map<String, EligibilityViews.MemberFacts> facts = new LinkedHashMap<>();
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
            if (m.hasPension() == null) {
                problems.add(new FieldProblem(at + "hasPension", "is required (true or false)"));
            }
            if (m.personId() != null && m.schooling() != null && m.disability() != null && m.publicSchool() != null
                    && m.hasPension() != null) {
                facts.putIfAbsent(m.personId(), new EligibilityViews.MemberFacts(m.schooling(), m.publicSchool(),
                        m.hasPension(), m.disability()));
            }
        }
        if (request.farming() == null && members.isEmpty()) {
            problems.add(new FieldProblem("members", "give farming or at least one member's facts"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        views.recordFacts(householdId, request.farming(), facts);
        decisions.factsChanged(householdId, from);
        return view(find(householdId));
    }

    private Document find(String householdId) {
        return views.find(householdId).orElseThrow(() -> ApiException.notFound("Household " + householdId));
    }

    private static HouseholdEligibilityView view(Document doc) {
        return new HouseholdEligibilityView(doc.getString("_id"), doc.getString("unitCode"), doc.getString("village"),
                doc.getString("classification"), doc.getString("classifiedSince"), doc.getString("escapedPovertyOn"),
                EligibilityViews.farming(doc),
                doc.getList("members", Document.class, List.of()).stream().map(m -> {
                    EligibilityViews.MemberFacts f = EligibilityViews.factsOf(doc, m.getString("personId"));
                    return new MemberView(m.getString("personId"), m.getString("dateOfBirth"), m.getString("sex"),
                            m.getString("relationToHead"), f.schooling(), f.publicSchool(), f.hasPension(),
                            f.disability());
                }).toList(),
                doc.getString("removedOn"), doc.getString("nextReviewOn"), doc.getLong("sequence"));
    }
}
