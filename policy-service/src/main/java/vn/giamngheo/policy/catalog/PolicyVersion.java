package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import vn.giamngheo.platform.rules.Condition;

/**
 * One version of a benefit policy, as loaded from its file.
 *
 * @param eligibleWhen CEL over {@code household} and, for person-level policies, {@code person}
 */
public record PolicyVersion(
        String code,
        String name,
        String department,
        String legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Beneficiary beneficiary,
        boolean applicationRequired,
        boolean provisional,
        Schedule schedule,
        DatedAmounts amounts,
        Condition eligibleWhen,
        EntitlementRule entitlement,
        String reason,
        String file) {

    /** Identifies the version in decisions: the code and the day it starts. */
    public String version() {
        return code + "@" + effectiveFrom;
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
