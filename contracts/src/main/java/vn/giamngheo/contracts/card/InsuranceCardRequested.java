package vn.giamngheo.contracts.card;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * Vietnam Social Security (BHXH) accepted a request to issue or cancel a health-insurance card.
 *
 * @param kind ISSUE or CANCEL
 */
public record InsuranceCardRequested(
        String requestId,
        long sequence,
        String kind,
        String householdId,
        String personId,
        String benefitDecisionId,
        Instant requestedAt) implements DomainEvent {

    public InsuranceCardRequested {
        Require.present(requestId, "requestId");
        Require.positive(sequence, "sequence");
        Require.present(kind, "kind");
        Require.present(householdId, "householdId");
        Require.present(personId, "personId");
        Require.present(benefitDecisionId, "benefitDecisionId");
        Require.present(requestedAt, "requestedAt");
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
