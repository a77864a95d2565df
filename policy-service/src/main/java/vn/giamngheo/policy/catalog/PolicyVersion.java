package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import java.util.Map;
import vn.giamngheo.platform.rules.Condition;
import vn.giamngheo.platform.rules.IntExpression;

/**
 * One version of a benefit policy, as loaded from its file.
 *
 * @param eligibleWhen    CEL over {@code household} and, for person-level policies, {@code person}
 * @param monthlyBasisVnd for a percentage entitlement, CEL over {@code amount} giving the monthly amount it is a share
 *                        of (the health-insurance premium); null when there is none (school fees differ by school)
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
        IntExpression monthlyBasisVnd,
        String reason,
        String file) {

    /** Identifies the version in decisions: the code and the day it starts. */
    public String version() {
        return code + "@" + effectiveFrom;
    }

    /** The monthly amount a percentage entitlement is a share of, with the amounts in force on {@code date}. */
    public Long monthlyBasisOn(LocalDate date) {
        return monthlyBasisVnd == null ? null : monthlyBasisVnd.evaluate(Map.of("amount", amounts.on(date)));
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
