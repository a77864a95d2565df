package vn.giamngheo.household.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A review round of one commune-level unit (Decision 24/2021/QĐ-TTg Art. 4–5), as a state machine:
 * open → surveys → village meeting → public posting (with complaints) → decision → closed. Plain Java.
 *
 * @param standard      the standard used: unless the round names another, the one in force on {@link #standardDate}
 * @param postingEndsOn last working day of the public posting; null before posting
 */
public record ReviewRound(
        String id,
        String unitCode,
        ReviewKind kind,
        LocalDate referenceDate,
        String standard,
        int postingWorkingDays,
        RoundState state,
        Instant openedAt,
        LocalDate lastMeetingOn,
        LocalDate postingStartedOn,
        LocalDate postingEndsOn,
        DecisionInfo decision,
        long version) {

    /** The annual review window (Decision 24/2021 Art. 3 cl. 1 pt. a): 1 September to 14 December. */
    static final MonthDay ANNUAL_FROM = MonthDay.of(9, 1);
    static final MonthDay ANNUAL_TO = MonthDay.of(12, 14);

    /** @param signerRole who signed: a configurable role (domain README decision 5) */
    public record DecisionInfo(String number, LocalDate date, String signerRole, LocalDate effectiveDate) {
    }

    /**
     * The day whose standard a round applies unless it names one (domain README decision 1): an annual review
     * prepares the lists of the next year, so it applies the standard in force on 1 January of that year (the end-2021
     * review applied the 2022–2025 standard, the end-2026 review the 2027–2030 one); a monthly review the standard in
     * force on its own date.
     */
    static LocalDate standardDate(ReviewKind kind, LocalDate referenceDate) {
        return kind == ReviewKind.ANNUAL ? nextFirstOfJanuary(referenceDate) : referenceDate;
    }

    /** The day an annual round's decisions take effect: 1 January of the year its lists are for; null for monthly. */
    public LocalDate listsTakeEffectOn() {
        return kind == ReviewKind.ANNUAL ? nextFirstOfJanuary(referenceDate) : null;
    }

    private static LocalDate nextFirstOfJanuary(LocalDate date) {
        return LocalDate.of(date.getYear() + 1, 1, 1);
    }

    static ReviewRound open(String id, String unitCode, ReviewKind kind, LocalDate referenceDate, String standard,
            int postingWorkingDays, Instant now) {
        if (kind == ReviewKind.ANNUAL) {
            MonthDay day = MonthDay.from(referenceDate);
            if (day.isBefore(ANNUAL_FROM) || day.isAfter(ANNUAL_TO)) {
                throw ReviewRuleException.invalid("referenceDate", "an annual review runs from 1 September to "
                        + "14 December; " + referenceDate + " is outside it");
            }
        }
        if (postingWorkingDays < 1 || postingWorkingDays > 30) {
            throw ReviewRuleException.invalid("postingWorkingDays", "must be 1 to 30 working days");
        }
        return new ReviewRound(id, unitCode, kind, referenceDate, standard, postingWorkingDays, RoundState.OPEN, now,
                null, null, null, null, 1);
    }

    /** A survey may be recorded while the round is open, or after a meeting for households sent back. */
    void requireSurveyable(SurveyStatus current) {
        if (state == RoundState.OPEN) {
            return;
        }
        if (state == RoundState.VILLAGE_MEETING && current != SurveyStatus.AGREED) {
            return;
        }
        throw ReviewRuleException.conflict("state", "round " + id + " is " + state
                + (current == SurveyStatus.AGREED ? " and the household's result was agreed" : "")
                + ": no survey can be recorded now");
    }

    ReviewRound meeting(LocalDate date) {
        if (state != RoundState.OPEN && state != RoundState.VILLAGE_MEETING) {
            throw ReviewRuleException.conflict("state", "a village meeting is held before posting; round " + id
                    + " is " + state);
        }
        if (date.isBefore(referenceDate)) {
            throw ReviewRuleException.invalid("date", "the meeting is before the round's reference date " + referenceDate);
        }
        return with(RoundState.VILLAGE_MEETING, date, postingStartedOn, postingEndsOn, decision);
    }

    /** Public posting starts; needs every surveyed household agreed by a meeting. */
    ReviewRound post(LocalDate start, long surveyed, long agreed, WorkingCalendar calendar) {
        return post(start, surveyed, agreed, 0, calendar);
    }

    /** Public posting starts; needs every household of the round agreed by a meeting (a draft is not even surveyed). */
    ReviewRound post(LocalDate start, long surveyed, long agreed, long drafts, WorkingCalendar calendar) {
        if (state != RoundState.VILLAGE_MEETING) {
            throw ReviewRuleException.conflict("state", "posting follows a village meeting; round " + id + " is "
                    + state);
        }
        if (surveyed == 0 || agreed < surveyed) {
            throw ReviewRuleException.conflict("state", (surveyed - agreed) + " of " + surveyed
                    + " households are not agreed by a village meeting yet" + (drafts == 0 ? "" : " (" + drafts
                            + " of them still a draft survey, not done: mark it done, then put it to a meeting)"));
        }
        if (start.isBefore(lastMeetingOn)) {
            throw ReviewRuleException.invalid("startDate", "posting cannot start before the meeting of "
                    + lastMeetingOn);
        }
        return with(RoundState.POSTING, lastMeetingOn, start, postingEnd(start, calendar, "startDate"), decision);
    }

    /** After an upheld complaint the corrected result is posted again for the full period. */
    ReviewRound reposted(LocalDate start, WorkingCalendar calendar) {
        requirePosting();
        return with(RoundState.POSTING, lastMeetingOn, start, postingEnd(start, calendar, "resolvedOn"), decision);
    }

    /** The posting lasts its working days, public holidays excluded. */
    private LocalDate postingEnd(LocalDate start, WorkingCalendar calendar, String field) {
        try {
            return calendar.addWorkingDays(start, postingWorkingDays);
        } catch (WorkingCalendar.YearNotCovered e) {
            throw ReviewRuleException.conflict(field, e.getMessage());
        }
    }

    void requirePosting() {
        if (state != RoundState.POSTING) {
            throw ReviewRuleException.conflict("state", "round " + id + " is " + state + ", not being posted");
        }
    }

    /**
     * Only a decision changes classes; it needs the posting period over and no complaint open. An annual decision is
     * dated within the annual window, by 14 December (Decision 24/2021 Art. 3 cl. 1 pt. a), and takes effect on
     * 1 January of the year its lists are for; a monthly one takes effect on its date unless it says a later day.
     *
     * @param effectiveDate as the decision states it; null for the rule's day
     */
    ReviewRound decide(String number, LocalDate date, String signerRole, LocalDate effectiveDate,
            long openComplaints) {
        if (state == RoundState.DECIDING && decision != null && decision.number().equals(number)) {
            return this;
        }
        if (state != RoundState.POSTING) {
            throw ReviewRuleException.conflict("state", "a decision needs a posted round; round " + id + " is "
                    + state);
        }
        LocalDate effective = effectiveDate;
        if (kind == ReviewKind.ANNUAL) {
            LocalDate lastDay = ANNUAL_TO.atYear(referenceDate.getYear());
            if (date.isAfter(lastDay)) {
                throw ReviewRuleException.invalid("date", "an annual review's decision is dated by " + lastDay
                        + " (the annual review runs from 1 September to 14 December); " + date + " is later");
            }
            LocalDate listsFrom = listsTakeEffectOn();
            if (effective != null && !effective.equals(listsFrom)) {
                throw ReviewRuleException.invalid("effectiveDate", "an annual review prepares the lists of "
                        + listsFrom.getYear() + ": its decision takes effect on " + listsFrom + ", not " + effective);
            }
            effective = listsFrom;
        } else if (effective == null) {
            effective = date;
        }
        if (!date.isAfter(postingEndsOn)) {
            throw ReviewRuleException.conflict("date", "the public posting runs until " + postingEndsOn
                    + "; a decision can be dated from the next day");
        }
        if (openComplaints > 0) {
            throw ReviewRuleException.conflict("complaints", openComplaints
                    + " complaint(s) are still being re-checked");
        }
        if (effective.isBefore(date)) {
            throw ReviewRuleException.invalid("effectiveDate", "cannot be before the decision date");
        }
        return with(RoundState.DECIDING, lastMeetingOn, postingStartedOn, postingEndsOn,
                new DecisionInfo(number, date, signerRole, effective));
    }

    ReviewRound closed() {
        return with(RoundState.CLOSED, lastMeetingOn, postingStartedOn, postingEndsOn, decision);
    }

    private ReviewRound with(RoundState newState, LocalDate meeting, LocalDate postStart, LocalDate postEnd,
            DecisionInfo info) {
        return new ReviewRound(id, unitCode, kind, referenceDate, standard, postingWorkingDays, newState, openedAt,
                meeting, postStart, postEnd, info, version + 1);
    }
}
