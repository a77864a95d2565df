package vn.giamngheo.policy.decisions;

import java.time.LocalDate;
import vn.giamngheo.contracts.benefit.Entitlement;

/**
 * A department's decision that a household or a person receives a benefit.
 *
 * @param id      deterministic: policy, beneficiary (the person, or the household for household-level benefits) and
 *                the day it starts, so a replay decides nothing twice
 * @param personId null for household-level benefits
 * @param validTo  null while open-ended; the last day after a revocation
 * @param version  the sequence of its latest event
 */
public record BenefitDecision(String id, String householdId, String personId, String policyCode, String policyVersion,
        String department, LocalDate validFrom, LocalDate validTo, Status status, Entitlement entitlement, String reason,
        long version) {

    public enum Status { ACTIVE, REVOKED }

    public static String id(String policyCode, String beneficiary, LocalDate validFrom) {
        return policyCode + ":" + beneficiary + ":" + validFrom;
    }
}
