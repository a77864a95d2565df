package vn.giamngheo.household.review;

/** Where a review round stands. Only a decision changes classes; DECIDING means it is being applied. */
public enum RoundState {
    OPEN, VILLAGE_MEETING, POSTING, DECIDING, CLOSED
}
