package vn.giamngheo.notification.activity;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.HouseholdAccess;
import vn.giamngheo.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/households")
class ActivityController {

    private final HouseholdActivity activity;
    private final HouseholdAccess areas;

    ActivityController(HouseholdActivity activity, HouseholdAccess areas) {
        this.activity = activity;
        this.areas = areas;
    }

    /** The household's events seen by this service, oldest first. */
    @GetMapping("/{householdId}/events")
    List<HouseholdActivity.SeenEvent> events(@PathVariable String householdId) {
        areas.check(householdId);
        List<HouseholdActivity.SeenEvent> events = activity.of(householdId);
        if (events.isEmpty()) {
            throw ApiException.notFound("Household " + householdId);
        }
        return events;
    }
}
