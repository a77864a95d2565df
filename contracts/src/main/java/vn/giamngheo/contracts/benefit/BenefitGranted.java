package vn.giamngheo.contracts.benefit;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * A department decided that a household or person receives a benefit.
 *
 * @param decisionId deterministic: policy + beneficiary + decision period, so a replay decides nothing twice
 * @param personId   null for household-level benefits
 * @param validTo    null while open-ended
 */
public record BenefitGranted(
        String decisionId,
        long sequence,
        String policyCode,
        String policyVersion,
        String department,
        String householdId,
        String personId,
        LocalDate validFrom,
        LocalDate validTo,
        Entitlement entitlement,
        String reason) implements DomainEvent {

    public BenefitGranted {
        Require.present(decisionId, "decisionId");
        Require.positive(sequence, "sequence");
        Require.present(policyCode, "policyCode");
        Require.present(policyVersion, "policyVersion");
        Require.present(department, "department");
        Require.present(householdId, "householdId");
        Require.present(validFrom, "validFrom");
        Require.present(entitlement, "entitlement");
        Require.present(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return decisionId;
    }
}
