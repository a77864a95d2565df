package vn.giamngheo.policy.eligibility;

import java.util.List;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/households")
class EligibilityController {

    record MemberView(String personId, String dateOfBirth, String sex, String relationToHead) {
    }

    /** What this department knows of a household, and the household event it last applied. */
    /** @param removedOn the day the household left the registry; null while it is in it */
    record HouseholdEligibilityView(String householdId, String unitCode, String village, List<MemberView> members,
            String removedOn, long sequence) {
    }

    private final EligibilityViews views;

    EligibilityController(EligibilityViews views) {
        this.views = views;
    }

    @GetMapping("/{householdId}")
    HouseholdEligibilityView get(@PathVariable String householdId) {
        Document doc = views.find(householdId)
                .orElseThrow(() -> ApiException.notFound("Household " + householdId));
        return new HouseholdEligibilityView(doc.getString("_id"), doc.getString("unitCode"), doc.getString("village"),
                doc.getList("members", Document.class).stream().map(m -> new MemberView(m.getString("personId"),
                        m.getString("dateOfBirth"), m.getString("sex"), m.getString("relationToHead"))).toList(),
                doc.getString("removedOn"), doc.getLong("sequence"));
    }
}
