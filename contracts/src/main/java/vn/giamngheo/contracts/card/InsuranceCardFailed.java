package vn.giamngheo.contracts.card;

import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** The request could not be completed after the last retry; an officer must act. */
public record InsuranceCardFailed(
        String requestId,
        long sequence,
        String householdId,
        String personId,
        String benefitDecisionId,
        String reason,
        int attempts) implements DomainEvent {

    public InsuranceCardFailed {
        Require.present(requestId, "requestId");
        Require.positive(sequence, "sequence");
        Require.present(householdId, "householdId");
        Require.present(personId, "personId");
        Require.present(benefitDecisionId, "benefitDecisionId");
        Require.present(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
