package vn.giamngheo.household.classification;

/** A member's work (fact model: `member.employment`). */
public enum Employment {
    WAGE_WITH_CONTRACT, WAGE_WITHOUT_CONTRACT, SELF_EMPLOYED, UNEMPLOYED, NOT_IN_LABOUR_FORCE
}
