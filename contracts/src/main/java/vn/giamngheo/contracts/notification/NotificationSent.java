package vn.giamngheo.contracts.notification;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * The channel's gateway accepted the message (the SMS gateway took it, the mail server accepted it).
 *
 * @param messageId   deterministic: channel + cause event + recipient
 * @param channel     SMS or EMAIL
 * @param householdId null for a message to an officer
 */
public record NotificationSent(
        String messageId,
        long sequence,
        String channel,
        String recipientKind,
        String householdId,
        String templateCode,
        String causeEventId,
        Instant sentAt) implements DomainEvent {

    public NotificationSent {
        Require.present(messageId, "messageId");
        Require.positive(sequence, "sequence");
        Require.present(channel, "channel");
        Require.present(recipientKind, "recipientKind");
        Require.present(templateCode, "templateCode");
        Require.present(causeEventId, "causeEventId");
        Require.present(sentAt, "sentAt");
    }

    @Override
    public String aggregateId() {
        return messageId;
    }
}
