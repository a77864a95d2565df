package vn.giamngheo.notification.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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

    Message with(Status newStatus, int newAttempts, Instant next, String error, Instant now, long events) {
        return new Message(id, kind, channel, recipientKind, recipientId, householdId, personId, unitCode, to,
                template, subject, text, causeEventId, causeKey, newStatus, newAttempts, next, error, createdAt, now,
                round, events, version + 1);
    }

    /** Queued again by an officer: a new round, to the recipient's address as it is now. */
    Message resent(String address, Instant now) {
        return new Message(id, kind, channel, recipientKind, recipientId, householdId, personId, unitCode, address,
                template, subject, text, causeEventId, causeKey, Status.QUEUED, 0, now, lastError, createdAt, now,
                round + 1, eventSequence + 1, version + 1);
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
