package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.giamngheo.platform.rules.Condition;
import vn.giamngheo.platform.rules.IntExpression;

/**
 * One version of a benefit policy, as loaded from its file.
 *
 * @param formerProvince    null, or the province code of the former province (before the 2025 merger) whose units alone
 *                          this version applies to; versions of one policy for different former provinces run side by
 *                          side
 * @param exclusiveGroup    null, or the group of policies one beneficiary receives only one of: the one paying the
 *                          most a month
 * @param provisional       the version as a whole is not verified against its legal text
 * @param provisionalWhen   null, or the condition under which a decision is provisional (a part of the rule not
 *                          verified, e.g. one group of beneficiaries)
 * @param provisionalReason why the version, or one of its amounts, is provisional; null when nothing is
 * @param eligibleWhen      CEL over {@code household} and, for person-level policies, {@code person}
 * @param monthlyBasisVnd   for a percentage entitlement, CEL over {@code amount} giving the monthly amount it is a share
 *                          of (the health-insurance premium); null when there is none (school fees differ by school)
 * @param endedBy           the file of the province-wide version whose start ended this former-province version; null
 *                          when it ends as its own file says
 */
public record PolicyVersion(
        String code,
        String name,
        String department,
        String legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String formerProvince,
        Beneficiary beneficiary,
        boolean applicationRequired,
        boolean provisional,
        Condition provisionalWhen,
        String provisionalReason,
        Schedule schedule,
        String exclusiveGroup,
        DatedAmounts amounts,
        Condition eligibleWhen,
        EntitlementRule entitlement,
        IntExpression monthlyBasisVnd,
        String reason,
        String file,
        String endedBy) {

    /**
     * Identifies the version in decisions: the code, the former province it is limited to, and the day it starts
     * ({@code HEALTH_INSURANCE_PREMIUM@2025-08-15}, {@code HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01}).
     */
    public String version() {
        return code + (formerProvince == null ? "" : "/" + formerProvince) + "@" + effectiveFrom;
    }

    /** The monthly amount a percentage entitlement is a share of, with the amounts in force on {@code date}. */
    public Long monthlyBasisOn(LocalDate date) {
        return monthlyBasisVnd == null ? null : monthlyBasisVnd.evaluate(Map.of("amount", amounts.on(date)));
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** Whether what this version decides on {@code date} is provisional: the version, or an amount then in force. */
    public boolean provisionalOn(LocalDate date) {
        return provisional || amounts.provisionalOn(date);
    }

    /** The same version, ended on {@code lastDay} by the start of the province-wide version of {@code file}. */
    PolicyVersion endedOn(LocalDate lastDay, String file) {
        return new PolicyVersion(code, name, department, legalBasis, effectiveFrom, lastDay, formerProvince,
                beneficiary, applicationRequired, provisional, provisionalWhen, provisionalReason, schedule,
                exclusiveGroup, amounts, eligibleWhen, entitlement, monthlyBasisVnd, reason, this.file, file);
    }

    /** The days this version may change what it decides: its start, its end, each amount's start. */
    List<LocalDate> changeDates() {
        List<LocalDate> dates = new ArrayList<>(List.of(effectiveFrom));
        if (effectiveTo != null) {
            dates.add(effectiveTo.plusDays(1));
        }
        amounts.tables().values().forEach(entries -> entries.forEach(e -> dates.add(e.from())));
        return dates;
    }
}
