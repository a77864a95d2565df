package vn.giamngheo.household.review;

/** Decision 24/2021/QĐ-TTg: the periodic annual review (1 Sep – 14 Dec) and the regular monthly one (from the 15th). */
public enum ReviewKind {
    ANNUAL, MONTHLY
}
