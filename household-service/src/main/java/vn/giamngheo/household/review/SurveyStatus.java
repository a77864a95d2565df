package vn.giamngheo.household.review;

public enum SurveyStatus {
    /**
     * Saved while being filled in: the answers so far, classified only when they are complete. Not surveyed yet: a
     * village meeting does not vote on it, and a round with drafts is neither posted nor decided.
     */
    DRAFT,
    /** Surveyed and classified as a draft, not yet agreed by a village meeting. */
    SURVEYED,
    /** The village meeting agreed (at least 50 % of participants). */
    AGREED,
    /** The meeting did not agree: survey again, then discuss again. */
    BACK_TO_SURVEY
}
