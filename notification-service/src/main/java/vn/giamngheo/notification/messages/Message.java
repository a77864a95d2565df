package vn.giamngheo.notification.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.notification.NotificationDelivered;
import vn.giamngheo.contracts.notification.NotificationFailed;
import vn.giamngheo.contracts.notification.NotificationQueued;
import vn.giamngheo.contracts.notification.NotificationSent;
import vn.giamngheo.platform.persistence.Change;

/**
 * One message to one recipient on one channel, kept as a state machine: QUEUED (rendered and stored:
 * {@code notification.queued}) → SENT (the gateway took it: {@code notification.sent}) → DELIVERED (the SMS gateway's
 * delivery report: {@code notification.delivered}); or FAILED after the last retry, a refusal or an undelivered
 * report ({@code notification.failed}), until an officer resends it. SUPPRESSED: not sent because the recipient opted
 * out of the channel or has no address; kept so an officer can see why, publishes nothing.
 *
 * @param id            deterministic: {@link #id(Channel, String, String)}
 * @param recipientKind HOUSEHOLD or OFFICER
 * @param recipientId   the household id, or the officer contact's id
 * @param to            the phone number (+84…) or e-mail address it was (or would have been) sent to
 * @param template      the template file it was written with, e.g. {@code benefit-granted.v1.ftl}
 * @param causeKey      the cause's identity: event type, subject and sequence (a re-published event has the same)
 * @param round         0, then one more each time an officer resends it
 * @param eventSequence the sequence of its latest {@code notification.*} event
 */
public record Message(String id, MessageKind kind, Channel channel, String recipientKind, String recipientId,
        String householdId, String personId, String unitCode, String to, String template, String subject,
        String text, String causeEventId, String causeKey, Status status, int attempts, Instant nextAttemptAt,
        String lastError, Instant createdAt, Instant updatedAt, int round, long eventSequence, long version) {

    public enum Status { QUEUED, SENT, DELIVERED, FAILED, SUPPRESSED }

    /** {@code <channel>-<24 hex of SHA-256(channel, cause, recipient)>}: the same cause never messages anyone twice. */
    public static String id(Channel channel, String causeKey, String recipientId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((channel + "\n" + causeKey + "\n" + recipientId)
                    .getBytes(StandardCharsets.UTF_8));
            return channel.name().toLowerCase() + "-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new message, written only if none has its id (the same cause, recipient and channel): QUEUED and due at once
     * ({@code notification.queued}), or SUPPRESSED with {@code why} (publishes nothing).
     */
    static Change<Message> queued(MessageKind kind, String recipientKind, String recipientId, String householdId,
            String personId, String unitCode, String to, String template, String subject, String text,
            String causeEventId, String causeKey, String why, Instant now) {
        Message message = new Message(id(kind.channel(), causeKey, recipientId), kind, kind.channel(), recipientKind,
                recipientId, householdId, personId, unitCode, to, template, subject, text, causeEventId, causeKey,
                why == null ? Status.QUEUED : Status.SUPPRESSED, 0, why == null ? now : null, why, now, now, 0,
                why == null ? 1 : 0, 1);
        return Change.create(message, why == null ? List.of(message.queuedEvent(now)) : List.of());
    }

    /** The gateway took it ({@code notification.sent}). */
    Change<Message> sent(Instant now) {
        Message after = with(Status.SENT, attempts + 1, null, null, now, eventSequence + 1);
        return Change.update(version, after, List.of(sentEvent(after.eventSequence(), now)));
    }

    /** A call that may succeed later: due again at {@code next}, the attempt counted. */
    Change<Message> retryAt(Instant next, String error, Instant now) {
        return Change.update(version, with(Status.QUEUED, attempts + 1, next, error, now, eventSequence));
    }

    /** Given up ({@code notification.failed}) until an officer resends it. */
    Change<Message> failed(int totalAttempts, String reason, Instant now) {
        Message after = with(Status.FAILED, totalAttempts, null, reason, now, eventSequence + 1);
        return Change.update(version, after, List.of(new Change.Event<>(EventTypes.NOTIFICATION_FAILED,
                new NotificationFailed(id, after.eventSequence(), channel.name(), recipientKind, householdId,
                        kind.template(), causeEventId, reason, totalAttempts))));
    }

    /** Delivered; a report that overtook our record of the gateway's acceptance records the sending too. */
    Change<Message> delivered(Instant now) {
        List<Change.Event<?>> events = new ArrayList<>();
        long sequence = eventSequence;
        int sentAttempts = attempts;
        if (status == Status.QUEUED) {
            events.add(sentEvent(++sequence, now));
            sentAttempts++;
        }
        events.add(new Change.Event<>(EventTypes.NOTIFICATION_DELIVERED, new NotificationDelivered(id, ++sequence,
                channel.name(), recipientKind, householdId, kind.template(), causeEventId, now)));
        return Change.update(version, with(Status.DELIVERED, sentAttempts, null, null, now, sequence), events);
    }

    /** Queued again by an officer: a new round, to the recipient's address as it is now. */
    Change<Message> resent(String address, Instant now) {
        Message again = new Message(id, kind, channel, recipientKind, recipientId, householdId, personId, unitCode,
                address, template, subject, text, causeEventId, causeKey, Status.QUEUED, 0, now, lastError, createdAt,
                now, round + 1, eventSequence + 1, version + 1);
        return Change.update(version, again, List.of(again.queuedEvent(now)));
    }

    private Change.Event<NotificationQueued> queuedEvent(Instant now) {
        return new Change.Event<>(EventTypes.NOTIFICATION_QUEUED, new NotificationQueued(id, eventSequence,
                channel.name(), recipientKind, householdId, kind.template(), causeEventId, now));
    }

    private Change.Event<NotificationSent> sentEvent(long sequence, Instant now) {
        return new Change.Event<>(EventTypes.NOTIFICATION_SENT, new NotificationSent(id, sequence, channel.name(),
                recipientKind, householdId, kind.template(), causeEventId, now));
    }

    private Message with(Status newStatus, int newAttempts, Instant next, String error, Instant now, long events) {
        return new Message(id, kind, channel, recipientKind, recipientId, householdId, personId, unitCode, to,
                template, subject, text, causeEventId, causeKey, newStatus, newAttempts, next, error, createdAt, now,
                round, events, version + 1);
    }

    /** The gateway's idempotency key: a retry within a round is the same sending, a resend is a new one. */
    public String gatewayKey() {
        return round == 0 ? id : id + "-r" + round;
    }

    /** The message id in a gateway key. */
    public static String idOf(String gatewayKey) {
        return gatewayKey.replaceFirst("-r\\d+$", "");
    }

    /** The address as officers see it in lists: {@code +8491****678}, {@code ng***@vinhyen.gov.vn}. */
    public String maskedTo() {
        return mask(to);
    }

    /** A phone number or e-mail address as lists show it. */
    public static String mask(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.substring(0, Math.min(2, at)) + "***" + address.substring(at);
        }
        return address.length() <= 7 ? "****"
                : address.substring(0, 5) + "****" + address.substring(address.length() - 3);
    }
}
