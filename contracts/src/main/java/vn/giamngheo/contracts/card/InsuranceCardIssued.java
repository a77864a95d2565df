package vn.giamngheo.contracts.card;

import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** BHXH confirmed the card. */
public record InsuranceCardIssued(
        String requestId,
        long sequence,
        String householdId,
        String personId,
        String benefitDecisionId,
        String cardNumber,
        LocalDate validFrom,
        LocalDate validTo) implements DomainEvent {

    public InsuranceCardIssued {
        Require.present(requestId, "requestId");
        Require.positive(sequence, "sequence");
        Require.present(householdId, "householdId");
        Require.present(personId, "personId");
        Require.present(benefitDecisionId, "benefitDecisionId");
        Require.present(cardNumber, "cardNumber");
        Require.present(validFrom, "validFrom");
        Require.present(validTo, "validTo");
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
