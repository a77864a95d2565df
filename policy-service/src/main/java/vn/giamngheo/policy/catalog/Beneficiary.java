package vn.giamngheo.policy.catalog;

/** Who a policy's decisions are for: the household, or each member who qualifies. */
public enum Beneficiary {
    HOUSEHOLD, PERSON
}
