package vn.giamngheo.contracts.household;

/** How a class change is named in the review reports (standard-and-benefits.md §3.6). */
public enum Transition {
    /** First classification of a household that had none. */
    INITIAL,
    /** POOR to any better class (thoát nghèo). */
    ESCAPED_POVERTY,
    /** NEAR_POOR to MIDDLE or ABOVE (thoát cận nghèo). */
    ESCAPED_NEAR_POVERTY,
    /** Never poor before, now POOR (phát sinh). */
    NEWLY_POOR,
    /** Escaped earlier, POOR again (tái nghèo). */
    RELAPSED,
    /** NEAR_POOR to POOR. */
    NEAR_POOR_TO_POOR,
    /** Any other change, e.g. MIDDLE to NEAR_POOR. */
    OTHER
}
