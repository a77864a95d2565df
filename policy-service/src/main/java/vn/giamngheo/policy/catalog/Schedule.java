package vn.giamngheo.policy.catalog;

/** How an entitlement is paid or counted. */
public enum Schedule {
    MONTHLY, QUARTERLY, SCHOOL_MONTHS, YEARLY, ONCE, NONE
}
