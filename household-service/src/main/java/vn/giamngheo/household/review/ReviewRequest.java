package vn.giamngheo.household.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A household's written request to its commune (Decision 24/2021/QĐ-TTg Art. 4 cl. 1, Art. 5 cl. 1): Form 01 (Mẫu số
 * 01) to be reviewed as poor or near-poor, Form 04 (Mẫu số 04) to be recognised as having left the list. A commune
 * officer records it at the counter, or from the post, with the day the commune received it; the chairman answers it
 * by the decision of a review round, or refuses it in writing with the reasons (Art. 5 cl. 2). It holds ids, dates and
 * the answer only: the form itself, with the household's own words, stays on paper at the commune (Decree 13/2023:
 * no more personal data than the purpose needs). Plain Java.
 *
 * @param unitCode   the commune-level unit that covered the household's territory on the day it was received
 * @param recordedBy     the account of the officer who recorded it (the token's subject)
 * @param recordedByName that officer's full name, as the token gave it (the account for a machine client)
 * @param answer     null while the request is open
 */
public record ReviewRequest(
        String id,
        String householdId,
        String unitCode,
        Form form,
        LocalDate receivedOn,
        Channel channel,
        String recordedBy,
        String recordedByName,
        Instant recordedAt,
        Status status,
        Answer answer,
        long version) {

    /** The two forms of Decision 24/2021's appendix a household files itself. */
    public enum Form {
        /** Mẫu số 01: Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo — to be reviewed as poor or near-poor. */
        FORM_01,
        /** Mẫu số 04: Giấy đề nghị xét duyệt hộ thoát nghèo, hộ thoát cận nghèo — to leave the list. */
        FORM_04
    }

    /** Art. 5 cl. 1: handed in directly, or sent by post. */
    public enum Channel { COUNTER, POST }

    public enum Status { OPEN, DECIDED, REFUSED }

    /**
     * The chairman's answer.
     *
     * @param number  the decision's number, or the refusal letter's (may be null for a refusal)
     * @param roundId the review round whose decision answered it; null for a refusal
     * @param reasons why the request is refused; null for a decision
     */
    public record Answer(LocalDate date, String number, String roundId, String signerRole, String reasons) {
    }

    /** One request per household, form and day: recording it again changes nothing. */
    public static String id(String householdId, Form form, LocalDate receivedOn) {
        return householdId + "-" + form.name().toLowerCase().replace("_", "") + "-" + receivedOn;
    }

    static ReviewRequest receive(String householdId, String unitCode, Form form, LocalDate receivedOn,
            Channel channel, String recordedBy, String recordedByName, Instant now, LocalDate today) {
        if (receivedOn.isAfter(today)) {
            throw ReviewRuleException.invalid("receivedOn", "is after today (" + today + "): a request is recorded "
                    + "on or after the day the commune received it");
        }
        return new ReviewRequest(id(householdId, form, receivedOn), householdId, unitCode, form, receivedOn, channel,
                recordedBy, recordedByName, now, Status.OPEN, null, 1);
    }

    /** Art. 5 cl. 2: a request that is not granted gets a written answer giving the reasons. */
    ReviewRequest refuse(String number, LocalDate date, String signerRole, String reasons, LocalDate today) {
        if (reasons == null || reasons.isBlank()) {
            throw ReviewRuleException.invalid("reasons", "a refusal states its reasons in writing (Decision 24/2021 "
                    + "Art. 5 cl. 2)");
        }
        if (status != Status.OPEN) {
            throw ReviewRuleException.conflict("status", "request " + id + " was already answered (" + status + " on "
                    + answer.date() + ")");
        }
        if (date.isAfter(today)) {
            throw ReviewRuleException.invalid("date", "is after today (" + today + "): an answer is recorded once it "
                    + "has been signed");
        }
        if (date.isBefore(receivedOn)) {
            throw ReviewRuleException.invalid("date", "is before the request was received (" + receivedOn + ")");
        }
        return with(Status.REFUSED, new Answer(date, number, null, signerRole, reasons.strip()));
    }

    /** Whether a decision of {@code date} answers this request: it is open and was received by then. */
    boolean answerableBy(LocalDate date) {
        return status == Status.OPEN && !receivedOn.isAfter(date);
    }

    ReviewRequest decided(String roundId, String number, LocalDate date, String signerRole) {
        return with(Status.DECIDED, new Answer(date, number, roundId, signerRole, null));
    }

    private ReviewRequest with(Status newStatus, Answer newAnswer) {
        return new ReviewRequest(id, householdId, unitCode, form, receivedOn, channel, recordedBy, recordedByName,
                recordedAt, newStatus, newAnswer, version + 1);
    }
}
