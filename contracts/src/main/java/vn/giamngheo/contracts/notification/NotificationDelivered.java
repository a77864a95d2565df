package vn.giamngheo.contracts.notification;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/**
 * The gateway reported the message delivered to the recipient (an SMS delivery report). E-mail has no such
 * report: an e-mail ends at {@code notification.sent}.
 *
 * @param messageId   deterministic: cause event + recipient + channel
 * @param channel     SMS or EMAIL
 * @param householdId null for a message to an officer
 */
public record NotificationDelivered(
        String messageId,
        long sequence,
        String channel,
        String recipientKind,
        String householdId,
        String templateCode,
        String causeEventId,
        Instant deliveredAt) implements DomainEvent {

    public NotificationDelivered {
        Require.present(messageId, "messageId");
        Require.positive(sequence, "sequence");
        Require.present(channel, "channel");
        Require.present(recipientKind, "recipientKind");
        Require.present(templateCode, "templateCode");
        Require.present(causeEventId, "causeEventId");
        Require.present(deliveredAt, "deliveredAt");
    }

    @Override
    public String aggregateId() {
        return messageId;
    }
}
