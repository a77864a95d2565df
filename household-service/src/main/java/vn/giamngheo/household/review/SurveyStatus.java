package vn.giamngheo.household.review;

public enum SurveyStatus {
    /** Surveyed and classified as a draft, not yet agreed by a village meeting. */
    SURVEYED,
    /** The village meeting agreed (at least 50 % of participants). */
    AGREED,
    /** The meeting did not agree: survey again, then discuss again. */
    BACK_TO_SURVEY
}
