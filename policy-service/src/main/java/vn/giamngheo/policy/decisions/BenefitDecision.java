package vn.giamngheo.policy.decisions;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import vn.giamngheo.contracts.benefit.Entitlement;

/**
 * A department's decision that a household or a person receives a benefit.
 *
 * @param id            deterministic: policy, beneficiary (the person, or the household for household-level benefits)
 *                      and the day it starts, so a replay decides nothing twice
 * @param personId      null for household-level benefits
 * @param validTo       null while open-ended; the last day after a revocation
 * @param applicationId the approved application behind it; null for an automatic decision
 * @param history       the entitlement from each day it changed (an amount, a share, a new legal basis), oldest first
 * @param version       the sequence of its latest event
 */
public record BenefitDecision(String id, String householdId, String personId, String policyCode, String policyVersion,
        String department, LocalDate validFrom, LocalDate validTo, Status status, Entitlement entitlement, String reason,
        String applicationId, List<Change> history, long version) {

    public enum Status { ACTIVE, REVOKED }

    /** The entitlement in force from {@code from} under {@code policyVersion}. */
    public record Change(LocalDate from, String policyVersion, Entitlement entitlement) {
    }

    public BenefitDecision {
        history = history.stream().sorted(Comparator.comparing(Change::from)).toList();
    }

    public static String id(String policyCode, String beneficiary, LocalDate validFrom) {
        return policyCode + ":" + beneficiary + ":" + validFrom;
    }

    /** "HOUSEHOLD" or the person. */
    public String beneficiary() {
        return personId == null ? "HOUSEHOLD" : personId;
    }

    /** The entitlement in force on {@code date}, or null when the decision was not. */
    public Change on(LocalDate date) {
        if (date.isBefore(validFrom) || (validTo != null && date.isAfter(validTo))) {
            return null;
        }
        Change current = null;
        for (Change c : history) {
            if (!c.from().isAfter(date)) {
                current = c;
            }
        }
        return current != null ? current : history.isEmpty() ? new Change(validFrom, policyVersion, entitlement)
                : history.getFirst();
    }

    /**
     * The same decision with a new entitlement from {@code from}, one version later; a decision already revoked from a
     * later day stays revoked from then.
     */
    BenefitDecision changed(LocalDate from, String newPolicyVersion, Entitlement newEntitlement, String newReason) {
        List<Change> after = new java.util.ArrayList<>(history);
        after.add(new Change(from, newPolicyVersion, newEntitlement));
        return new BenefitDecision(id, householdId, personId, policyCode, newPolicyVersion, department, validFrom,
                validTo, status, newEntitlement, newReason, applicationId, after, version + 1);
    }

    /** The same decision ended the day before {@code from}, one version later. */
    BenefitDecision revoked(LocalDate from, String newReason) {
        return new BenefitDecision(id, householdId, personId, policyCode, policyVersion, department, validFrom,
                from.minusDays(1), Status.REVOKED, entitlement, newReason, applicationId, history, version + 1);
    }
}
