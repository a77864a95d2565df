package vn.giamngheo.household.classification;

/** Highest level a member has completed (fact model: `member.education`). */
public enum Education {
    NONE, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL, COLLEGE_OR_HIGHER
}
