package vn.giamngheo.contracts.notification;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * A message was rendered and stored, to be sent.
 *
 * @param messageId   deterministic: channel + cause event + recipient
 * @param channel     SMS or EMAIL
 * @param householdId null for a message to an officer
 */
public record NotificationQueued(
        String messageId,
        long sequence,
        String channel,
        String recipientKind,
        String householdId,
        String templateCode,
        String causeEventId,
        Instant queuedAt) implements DomainEvent {

    public NotificationQueued {
        Require.present(messageId, "messageId");
        Require.positive(sequence, "sequence");
        Require.present(channel, "channel");
        Require.present(recipientKind, "recipientKind");
        Require.present(templateCode, "templateCode");
        Require.present(causeEventId, "causeEventId");
        Require.present(queuedAt, "queuedAt");
    }

    @Override
    public String aggregateId() {
        return messageId;
    }
}
