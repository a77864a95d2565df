package vn.giamngheo.portal.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.registry.Reasons;

/** household-service's reasons about the meeting, posting, complaints and decision, in Vietnamese. */
@Component
class StepReasons implements Reasons.Vocabulary {

    @Override
    public Map<String, String> reasons() {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("must be between 0 and the (\\d+) participants", "reason.review.votes");
        known.put("posting cannot start before the meeting of (\\S+)", "reason.review.postingBeforeMeeting");
        known.put("the meeting is before the round's reference date (\\S+)", "reason.review.meetingBeforeReference");
        known.put("an annual review's decision is dated by (\\S+) .*; (\\S+) is later", "reason.review.decisionBy");
        known.put("is after today \\((\\S+)\\).*", "reason.review.afterToday");
        known.put("the public posting runs until (\\S+); .*", "reason.review.postingRuns");
        known.put("(\\d+) complaint\\(s\\) are still being re-checked", "reason.review.complaintsOpen");
        known.put("complaints are received during the posting, (\\S+) to (\\S+)", "reason.review.complaintPeriod");
        known.put("is before the complaint was filed", "reason.review.resolvedBefore");
        known.put("an upheld complaint needs the corrected survey answers", "reason.review.upheldSurvey");
        known.put("(\\d+) of (\\d+) households are not agreed by a village meeting yet", "reason.review.notAgreed");
        return known;
    }
}
