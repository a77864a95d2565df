package vn.giamngheo.contracts.notification;

import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** A message could not be delivered after the last retry. */
public record NotificationFailed(
        String messageId,
        long sequence,
        String channel,
        String recipientKind,
        String householdId,
        String templateCode,
        String causeEventId,
        String reason,
        int attempts) implements DomainEvent {

    public NotificationFailed {
        Require.present(messageId, "messageId");
        Require.positive(sequence, "sequence");
        Require.present(channel, "channel");
        Require.present(recipientKind, "recipientKind");
        Require.present(templateCode, "templateCode");
        Require.present(causeEventId, "causeEventId");
        Require.present(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return messageId;
    }
}
