package vn.giamngheo.policy.decisions;

import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.card.InsuranceCardRequested;
import vn.giamngheo.platform.messaging.Outcome;

/** Closes the loop with Social Security: a health-insurance decision shows its card requested, issued or failed. */
@Component
public class CardStates {

    private final DecisionStore store;

    CardStates(DecisionStore store) {
        this.store = store;
    }

    public Outcome requested(EventEnvelope<InsuranceCardRequested> event) {
        InsuranceCardRequested e = event.data();
        return store.cardState(e.benefitDecisionId(), e.requestId(), e.sequence(),
                new Document("status", e.kind().equals("CANCEL") ? "CANCEL_REQUESTED" : "REQUESTED")
                        .append("at", e.requestedAt().toString()));
    }

    public Outcome issued(EventEnvelope<InsuranceCardIssued> event) {
        InsuranceCardIssued e = event.data();
        return store.cardState(e.benefitDecisionId(), e.requestId(), e.sequence(),
                new Document("status", "ISSUED").append("cardNumber", e.cardNumber())
                        .append("validFrom", e.validFrom().toString()).append("validTo", e.validTo().toString()));
    }

    public Outcome failed(EventEnvelope<InsuranceCardFailed> event) {
        InsuranceCardFailed e = event.data();
        return store.cardState(e.benefitDecisionId(), e.requestId(), e.sequence(),
                new Document("status", "FAILED").append("reason", e.reason()).append("attempts", e.attempts()));
    }

    /** The card state of a decision ({@code status}, card number…), or null when no request was seen. */
    public Document of(String decisionId) {
        return store.card(decisionId);
    }
}
