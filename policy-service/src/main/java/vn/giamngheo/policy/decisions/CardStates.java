package vn.giamngheo.policy.decisions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.card.InsuranceCardRequested;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Change;

/**
 * Closes the loop with Social Security: a health-insurance decision shows its card requested, issued or failed. A
 * poll's card events are handled at once: the decisions held and their card states are read in one query each, each
 * decision's events are folded in their order, and the new states are written in one bulk write (those another
 * writer changed meanwhile are read and decided again).
 */
@Component
public class CardStates implements BatchHandler {

    private static final int ATTEMPTS = 5;

    private final DecisionStore store;

    CardStates(DecisionStore store) {
        this.store = store;
    }

    /** What one event tells about a decision's card. */
    private record Told(String decisionId, String requestId, long sequence, String status,
            Map<String, Object> details) {
    }

    @Override
    public List<Outcome> handle(List<EventEnvelope<?>> events) {
        List<Told> told = events.stream().map(CardStates::told).toList();
        Set<String> decisionIds = new LinkedHashSet<>();
        told.forEach(t -> decisionIds.add(t.decisionId()));
        Set<String> held = store.held(decisionIds);
        Outcome[] outcomes = new Outcome[events.size()];
        Set<String> remaining = new LinkedHashSet<>(held);
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException("the card states of decisions " + remaining + " kept changing");
            }
            Map<String, CardState> current = store.cards(remaining);
            Map<String, Change<CardState>> changes = new LinkedHashMap<>();
            for (int i = 0; i < told.size(); i++) {
                Told t = told.get(i);
                if (!remaining.contains(t.decisionId())) {
                    continue;
                }
                Change<CardState> before = changes.get(t.decisionId());
                CardState state = before == null ? current.get(t.decisionId()) : before.after();
                Optional<Change<CardState>> next = CardState.told(state, t.decisionId(), t.requestId(), t.sequence(),
                        t.status(), t.details());
                outcomes[i] = next.isPresent() ? Outcome.APPLIED : Outcome.DUPLICATE;
                // Several events of one decision: one change from the state read to the newest.
                next.ifPresent(n -> changes.put(t.decisionId(), before == null ? n
                        : new Change<>(before.expectedVersion(), n.after(), List.of(), List.of())));
            }
            AggregateCollection.Result result = store.writeCards(new ArrayList<>(changes.values()));
            remaining = new LinkedHashSet<>(result.conflicted());
        }
        for (int i = 0; i < told.size(); i++) {
            if (!held.contains(told.get(i).decisionId())) {
                outcomes[i] = Outcome.IGNORED; // another department's decision
            }
        }
        return List.of(outcomes);
    }

    private static Told told(EventEnvelope<?> event) {
        return switch (event.data()) {
            case InsuranceCardRequested e -> new Told(e.benefitDecisionId(), e.requestId(), e.sequence(),
                    e.kind().equals("CANCEL") ? "CANCEL_REQUESTED" : "REQUESTED",
                    Map.of("at", e.requestedAt().toString()));
            case InsuranceCardIssued e -> new Told(e.benefitDecisionId(), e.requestId(), e.sequence(), "ISSUED",
                    ordered("cardNumber", e.cardNumber(), "validFrom", e.validFrom().toString(), "validTo",
                            e.validTo().toString()));
            case InsuranceCardFailed e -> new Told(e.benefitDecisionId(), e.requestId(), e.sequence(), "FAILED",
                    ordered("reason", e.reason(), "attempts", e.attempts()));
            default -> throw new IllegalArgumentException("not a card event: " + event.type());
        };
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The card state of each decision that has one ({@code status}, card number…, {@code requestId}). */
    public Map<String, Map<String, Object>> of(List<String> decisionIds) {
        Map<String, Map<String, Object>> shown = new LinkedHashMap<>();
        store.cards(decisionIds).forEach((id, card) -> shown.put(id, card.shown()));
        return shown;
    }
}
