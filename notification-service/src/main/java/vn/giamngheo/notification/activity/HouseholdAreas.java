package vn.giamngheo.notification.activity;

import org.springframework.stereotype.Component;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.web.ApiException;

/**
 * Area access to one household in this service: its unit is the one it was last seen in on {@code household.events}.
 * An officer of 08707 can neither read nor set the phone number, card requests or messages of a household of 08716
 * (the household's SMS would otherwise go to whatever number the caller gave); a household never registered is a 404.
 */
@Component
public class HouseholdAreas {

    private final HouseholdActivity activity;
    private final AreaAccess access;

    HouseholdAreas(HouseholdActivity activity, AreaAccess access) {
        this.activity = activity;
        this.access = access;
    }

    /** A 404 for a household this service has not seen registered, a 403 outside the caller's units. */
    public void check(String householdId) {
        access.checkHousehold(householdId, () -> activity.unitOf(householdId));
    }

    /** A 404 for a household this service has not seen registered, whoever asks; then {@link #check}. */
    public void checkRegistered(String householdId) {
        if (activity.unitOf(householdId).isEmpty()) {
            throw ApiException.notFound("Household " + householdId + " (its registration has not reached this "
                    + "service; if it was registered a moment ago, try again in a few seconds)");
        }
        check(householdId);
    }

    /** For a list narrowed to one household (null: all of them, which needs a caller acting for every unit). */
    public void checkListOf(String householdId) {
        access.checkListOf(householdId, () -> activity.unitOf(householdId));
    }

    /** For a record that may belong to no household (an officer's e-mail): only callers acting for every unit. */
    public void checkRecordOf(String householdId) {
        if (householdId == null) {
            access.checkAllUnits("a message to an officer");
        } else {
            check(householdId);
        }
    }
}
