package vn.giamngheo.platform.security;

import java.util.Optional;
import java.util.function.Function;
import vn.giamngheo.platform.web.ApiException;

/**
 * {@link AreaAccess} for the households of one service, whose units it knows from its own records (a view of
 * {@code household.events}): a ward officer of 08707 neither reads nor changes anything of a household of 08716, in
 * whichever service it is asked.
 */
public final class HouseholdAccess {

    private final AreaAccess access;
    private final Function<String, Optional<String>> unitOf;

    /** @param unitOf the unit a household was last seen in; empty for a household the service has never seen */
    public HouseholdAccess(AreaAccess access, Function<String, Optional<String>> unitOf) {
        this.access = access;
        this.unitOf = unitOf;
    }

    /** A 404 for a household unknown here (to callers of some units), a 403 outside the caller's units. */
    public void check(String householdId) {
        access.checkHousehold(householdId, () -> unitOf.apply(householdId));
    }

    /** A 404 for a household this service has not seen, whoever asks; then {@link #check}. */
    public void checkKnown(String householdId) {
        if (unitOf.apply(householdId).isEmpty()) {
            throw ApiException.notFound("Household " + householdId + " (its registration has not reached this "
                    + "service; if it was registered a moment ago, try again in a few seconds)");
        }
        check(householdId);
    }

    /** For a list narrowed to one household (null: all of them, which needs a caller acting for every unit). */
    public void checkListOf(String householdId) {
        access.checkListOf(householdId, () -> unitOf.apply(householdId));
    }

    /** For a record that may belong to no household (an officer's e-mail): only callers acting for every unit. */
    public void checkRecordOf(String householdId) {
        if (householdId == null) {
            access.checkAllUnits("a record of no household");
        } else {
            check(householdId);
        }
    }
}
