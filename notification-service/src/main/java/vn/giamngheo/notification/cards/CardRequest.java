package vn.giamngheo.notification.cards;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request to Vietnam Social Security to issue or cancel a person's health-insurance card, kept as a state machine:
 * PENDING (stored, waiting for its next attempt) → ACCEPTED (BHXH took it: {@code insurance-card.requested}) →
 * ISSUED / CANCELLED ({@code insurance-card.issued}); or FAILED after the last retry or a refusal
 * ({@code insurance-card.failed}), until an officer retries it. Each retry by an officer starts a new round, sent to
 * BHXH under a key of its own ({@link #bhxhKey()}), so that what BHXH says about an earlier round cannot settle it.
 *
 * @param id            deterministic: {@code card:<benefit decision id>:<benefit event sequence>}
 * @param kind          ISSUE or CANCEL
 * @param validFrom     the day the benefit starts (or, for a cancellation, ends)
 * @param attempts      calls made since it was last (re)queued
 * @param round         0, then one more each time an officer retries it
 * @param nextAttemptAt when the next call may go out (PENDING only)
 * @param eventSequence the sequence of its latest {@code insurance-card.*} event
 * @param version       optimistic guard, one more on each write
 */
public record CardRequest(String id, String kind, String householdId, String personId, String decisionId,
        int sharePercent, LocalDate validFrom, Status status, int attempts, int round, Instant nextAttemptAt,
        String lastError, String cardNumber, LocalDate cardValidFrom, LocalDate cardValidTo, Instant createdAt,
        Instant updatedAt, long eventSequence, long version) {

    public enum Status { PENDING, ACCEPTED, ISSUED, CANCELLED, FAILED }

    public static String id(String decisionId, long benefitSequence) {
        return "card:" + decisionId + ":" + benefitSequence;
    }

    CardRequest with(Status newStatus, int newAttempts, Instant next, String error, Instant now, long events) {
        return new CardRequest(id, kind, householdId, personId, decisionId, sharePercent, validFrom, newStatus,
                newAttempts, round, next, error, cardNumber, cardValidFrom, cardValidTo, createdAt, now, events,
                version + 1);
    }

    /** Queued again by an officer: a new round with a fresh retry budget. */
    CardRequest retried(Instant now) {
        return new CardRequest(id, kind, householdId, personId, decisionId, sharePercent, validFrom, Status.PENDING, 0,
                round + 1, now, lastError, cardNumber, cardValidFrom, cardValidTo, createdAt, now, eventSequence,
                version + 1);
    }

    CardRequest issued(String number, LocalDate from, LocalDate to, Instant now, long events) {
        return new CardRequest(id, kind, householdId, personId, decisionId, sharePercent, validFrom,
                kind.equals("CANCEL") ? Status.CANCELLED : Status.ISSUED, attempts, round, null, null, number, from,
                to, createdAt, now, events, version + 1);
    }

    /**
     * The request id BHXH knows this round by, and its idempotency key: retries within a round are the same call; an
     * officer's retry is a new one (BHXH would answer a request it refused with the same refusal).
     */
    public String bhxhKey() {
        return round == 0 ? id : id + "-r" + round;
    }

    /** The card request id in a key from {@link #bhxhKey()}. */
    static String idOf(String bhxhKey) {
        return bhxhKey.replaceFirst("-r\\d+$", "");
    }
}
