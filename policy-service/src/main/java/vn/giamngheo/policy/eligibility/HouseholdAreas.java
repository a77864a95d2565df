package vn.giamngheo.policy.eligibility;

import org.springframework.stereotype.Component;
import vn.giamngheo.platform.security.AreaAccess;

/**
 * Area access to one household in this service: its unit is the one in this department's view of it (kept from
 * {@code household.events}). A ward officer of 08707 neither reads nor changes anything of a household of 08716 here,
 * as in household-service; a household this instance has not seen is a 404.
 */
@Component
public class HouseholdAreas {

    private final EligibilityViews views;
    private final AreaAccess access;

    HouseholdAreas(EligibilityViews views, AreaAccess access) {
        this.views = views;
        this.access = access;
    }

    /** A 404 for a household this instance has not seen, a 403 outside the caller's units. */
    public void check(String householdId) {
        access.checkHousehold(householdId, () -> views.unitOf(householdId));
    }

    /** For a list narrowed to one household (null: all of them, which needs a caller acting for every unit). */
    public void checkListOf(String householdId) {
        access.checkListOf(householdId, () -> views.unitOf(householdId));
    }
}
