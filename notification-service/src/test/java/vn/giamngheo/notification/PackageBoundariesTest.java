package vn.giamngheo.notification;

import java.util.List;
import vn.giamngheo.testsupport.PackageBoundaries;

/**
 * The feature packages — activity, messages, cards, outside — form no cycle (the household-events flow lives with the
 * messages, which read the activity; the activity reads nothing of the others), and the domain model is plain Java:
 * the messages and card requests with their states, and the rules for talking to the outside (retries, circuit
 * breaker, signatures).
 */
class PackageBoundariesTest extends PackageBoundaries {

    PackageBoundariesTest() {
        super(NotificationServiceApplication.class, List.of(
                "messages.Message", "messages.MessageKind", "messages.Channel",
                "cards.CardRequest",
                "outside.CircuitBreaker", "outside.DueSchedule", "outside.RetryPolicy", "outside.Senders",
                "outside.Signatures"));
    }
}
