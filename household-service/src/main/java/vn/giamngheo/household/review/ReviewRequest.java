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
 * @param householdId    null while an online request awaits verification, and for one rejected
 * @param answer     null while the request is open
 * @param applicant  who sent an online request, as they gave it; null for one recorded at the commune
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
        Applicant applicant,
        long version) {

    /** The two forms of Decision 24/2021's appendix a household files itself. */
    public enum Form {
        /** Mẫu số 01: Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo — to be reviewed as poor or near-poor. */
        FORM_01,
        /** Mẫu số 04: Giấy đề nghị xét duyệt hộ thoát nghèo, hộ thoát cận nghèo — to leave the list. */
        FORM_04
    }

    /**
     * Art. 5 cl. 1: handed in directly, or sent by post; or sent by the household from the public self-assessment page
     * (ONLINE), which the commune verifies before it counts as received.
     */
    public enum Channel { COUNTER, POST, ONLINE }

    /**
     * AWAITING_VERIFICATION: sent online, not yet matched to a household by an officer (not due for an answer yet);
     * REJECTED: an online request the officer could not match to a household of the unit, with the reason.
     */
    public enum Status { AWAITING_VERIFICATION, OPEN, DECIDED, REFUSED, REJECTED }

    /** The account an online request is recorded under until an officer verifies it. */
    static final String ONLINE_ACCOUNT = "online";

    /**
     * The sender of an online request, as they typed it on the public page. The citizen id is kept only to find the
     * household when an officer verifies the request, and erased then (or when it is rejected), keeping its last four
     * digits; the phone number, for the commune to reach the household about it, is erased once it is answered.
     *
     * @param receiptNumber   what the sender was given, e.g. TD-08707-2612-0042
     * @param citizenId       the 12 digits given; null once verified or rejected
     * @param citizenIdMasked the last four digits, e.g. ********6789
     * @param phone           a Vietnamese mobile number, optional; null once answered
     */
    public record Applicant(String receiptNumber, String headName, String village, String citizenId,
            String citizenIdMasked, String phone) {

        static Applicant of(String receiptNumber, String headName, String village, String citizenId, String phone) {
            return new Applicant(receiptNumber, headName, village, citizenId,
                    "*".repeat(citizenId.length() - 4) + citizenId.substring(citizenId.length() - 4), phone);
        }

        Applicant withoutCitizenId() {
            return new Applicant(receiptNumber, headName, village, null, citizenIdMasked, phone);
        }

        Applicant withoutContact() {
            return new Applicant(receiptNumber, headName, village, null, citizenIdMasked, null);
        }
    }

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
        if (channel == Channel.ONLINE) {
            throw ReviewRuleException.invalid("channel", "a request sent online comes from the self-assessment page "
                    + "and is verified by an officer; at the commune the channel is COUNTER or POST");
        }
        return new ReviewRequest(id(householdId, form, receivedOn), householdId, unitCode, form, receivedOn, channel,
                recordedBy, recordedByName, now, Status.OPEN, null, null, 1);
    }

    /** A request sent from the public page on {@code today}: its id is its receipt number. */
    static ReviewRequest online(Applicant applicant, String unitCode, Form form, LocalDate today, Instant now) {
        return new ReviewRequest(applicant.receiptNumber(), null, unitCode, form, today, Channel.ONLINE,
                ONLINE_ACCOUNT, "self-assessment page", now, Status.AWAITING_VERIFICATION, null, applicant, 1);
    }

    /**
     * The officer found the household: from now on an ordinary open request of it, received on the day it was sent
     * (so its deadline counts from then), recorded by that officer. The citizen id is erased.
     */
    ReviewRequest verified(String verifiedHouseholdId, String officer, String officerName) {
        requireAwaitingVerification();
        return new ReviewRequest(id, verifiedHouseholdId, unitCode, form, receivedOn, channel, officer, officerName,
                recordedAt, Status.OPEN, null, applicant.withoutCitizenId(), version + 1);
    }

    /** The officer could not match it to a household of the unit (or it repeats another request): closed, erased. */
    ReviewRequest rejected(String reason, String officer, String officerName, LocalDate today) {
        requireAwaitingVerification();
        if (reason == null || reason.isBlank()) {
            throw ReviewRuleException.invalid("reason", "a rejected online request states why");
        }
        return new ReviewRequest(id, null, unitCode, form, receivedOn, channel, officer, officerName, recordedAt,
                Status.REJECTED, new Answer(today, null, null, null, reason.strip()), applicant.withoutContact(),
                version + 1);
    }

    void requireAwaitingVerification() {
        if (status != Status.AWAITING_VERIFICATION) {
            throw ReviewRuleException.conflict("status", "request " + id + " is not awaiting verification (" + status
                    + ")");
        }
    }

    /** Art. 5 cl. 2: a request that is not granted gets a written answer giving the reasons. */
    ReviewRequest refuse(String number, LocalDate date, String signerRole, String reasons, LocalDate today) {
        if (reasons == null || reasons.isBlank()) {
            throw ReviewRuleException.invalid("reasons", "a refusal states its reasons in writing (Decision 24/2021 "
                    + "Art. 5 cl. 2)");
        }
        if (status != Status.OPEN) {
            throw ReviewRuleException.conflict("status", "request " + id + (answer == null
                    ? " is " + status + ": an officer verifies it first"
                    : " was already answered (" + status + " on " + answer.date() + ")"));
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
        // Answered: the commune no longer needs to reach the sender of an online request.
        return new ReviewRequest(id, householdId, unitCode, form, receivedOn, channel, recordedBy, recordedByName,
                recordedAt, newStatus, newAnswer, applicant == null ? null : applicant.withoutContact(), version + 1);
    }
}
