package vn.giamngheo.notification.cards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.card.InsuranceCardFailed;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.card.InsuranceCardRequested;
import vn.giamngheo.platform.persistence.Change;

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

    /** A new request, PENDING and due at once; written only if no request has its id (a replayed decision). */
    static Change<CardRequest> requested(String id, String kind, String householdId, String personId,
            String decisionId, int sharePercent, LocalDate validFrom, Instant now) {
        return Change.create(new CardRequest(id, kind, householdId, personId, decisionId, sharePercent, validFrom,
                Status.PENDING, 0, 0, now, null, null, null, null, now, now, 0, 1));
    }

    /** BHXH took the request ({@code insurance-card.requested}); its card comes later. */
    Change<CardRequest> accepted(Instant now) {
        return Change.update(version, with(Status.ACCEPTED, attempts + 1, null, null, now, eventSequence + 1),
                List.of(new Change.Event<>(EventTypes.INSURANCE_CARD_REQUESTED, requestedEvent(eventSequence + 1,
                        now))));
    }

    /** A call that may succeed later: due again at {@code next}, the attempt counted. */
    Change<CardRequest> retryAt(Instant next, String error, Instant now) {
        return Change.update(version, with(Status.PENDING, attempts + 1, next, error, now, eventSequence));
    }

    /** Given up ({@code insurance-card.failed}) until an officer retries it. */
    Change<CardRequest> failed(int totalAttempts, String reason, Instant now) {
        return Change.update(version, with(Status.FAILED, totalAttempts, null, reason, now, eventSequence + 1),
                List.of(new Change.Event<>(EventTypes.INSURANCE_CARD_FAILED, new InsuranceCardFailed(id,
                        eventSequence + 1, householdId, personId, decisionId, reason, totalAttempts))));
    }

    /** Asked about again: nothing learned, the time noted (the next question goes after another wait). */
    Change<CardRequest> polled(Instant now) {
        return Change.update(version, with(status, attempts, null, lastError, now, eventSequence));
    }

    /** Queued again by an officer: a new round with a fresh retry budget. */
    Change<CardRequest> retried(Instant now) {
        return Change.update(version, new CardRequest(id, kind, householdId, personId, decisionId, sharePercent,
                validFrom, Status.PENDING, 0, round + 1, now, lastError, cardNumber, cardValidFrom, cardValidTo,
                createdAt, now, eventSequence, version + 1));
    }

    /**
     * Issued (or cancelled) by BHXH ({@code insurance-card.issued} for an issue); a confirmation before our own record
     * of the acceptance records the acceptance too. An issued card has its number and validity (the caller checks).
     */
    Change<CardRequest> issued(String number, LocalDate from, LocalDate to, Instant now) {
        List<Change.Event<?>> events = new ArrayList<>();
        long sequence = eventSequence;
        if (status == Status.PENDING) {
            events.add(new Change.Event<>(EventTypes.INSURANCE_CARD_REQUESTED, requestedEvent(++sequence, now)));
        }
        if (kind.equals("ISSUE")) {
            events.add(new Change.Event<>(EventTypes.INSURANCE_CARD_ISSUED, new InsuranceCardIssued(id, ++sequence,
                    householdId, personId, decisionId, number, from, to)));
        }
        return Change.update(version, new CardRequest(id, kind, householdId, personId, decisionId, sharePercent,
                validFrom, kind.equals("CANCEL") ? Status.CANCELLED : Status.ISSUED, attempts, round, null, null,
                number, from, to, createdAt, now, sequence, version + 1), events);
    }

    private InsuranceCardRequested requestedEvent(long sequence, Instant now) {
        return new InsuranceCardRequested(id, sequence, kind, householdId, personId, decisionId, now);
    }

    private CardRequest with(Status newStatus, int newAttempts, Instant next, String error, Instant now, long events) {
        return new CardRequest(id, kind, householdId, personId, decisionId, sharePercent, validFrom, newStatus,
                newAttempts, round, next, error, cardNumber, cardValidFrom, cardValidTo, createdAt, now, events,
                version + 1);
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
