package vn.giamngheo.platform.units;

/**
 * A household recorded in a unit that was later split is asked about without its successor recorded: the platform
 * does not guess which part its village lies in (answered 422, naming the successors to choose from).
 */
public class SuccessorChoiceRequiredException extends RuntimeException {

    private final String householdId;
    private final Coverage.Split split;

    public SuccessorChoiceRequiredException(String householdId, Coverage.Split split) {
        super((householdId == null ? "The household" : "Household " + householdId) + " is recorded in "
                + split.describe() + "; record which of them its village belongs to"
                + (householdId == null ? "" : " (household-service: POST /api/v1/households/" + householdId
                        + "/successor-unit)"));
        this.householdId = householdId;
        this.split = split;
    }

    public String householdId() {
        return householdId;
    }

    public Coverage.Split split() {
        return split;
    }
}
