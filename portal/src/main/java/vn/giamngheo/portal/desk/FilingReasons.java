package vn.giamngheo.portal.desk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.registry.Reasons;

/** policy-service's reasons about a new application, in Vietnamese. */
@Component
class FilingReasons implements Reasons.Vocabulary {

    @Override
    public Map<String, String> reasons() {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("an application for (\\S+) by this (?:household|person) is already open", "reason.apply.open");
        known.put("(?:the household|the person) already receives (\\S+)", "reason.apply.receives");
        known.put("is required for a loan", "reason.apply.loanAmount");
        known.put("must be more than 0 and at most the ceiling of (\\d+) VND.*", "reason.apply.ceiling");
        known.put("\\S+ is not a loan; leave the amount out", "reason.apply.notLoan");
        known.put("\\S+ is granted to a person: name the member who applies", "reason.apply.person");
        known.put("does not meet the condition of (\\S+) \\(.*\\) on (\\S+): (.*)", "reason.apply.notEligible");
        known.put("the household has no class decided by a review yet", "reason.apply.noClass");
        known.put("the household left the registry on (\\S+)", "reason.apply.left");
        known.put("must not be after today \\((\\S+)\\)", "reason.apply.afterToday");
        known.put("no version of (\\S+) is in force on (\\S+)", "reason.apply.notInForce");
        known.put("is eligible for (\\S+) \\(.*", "reason.apply.higher");
        return known;
    }
}
