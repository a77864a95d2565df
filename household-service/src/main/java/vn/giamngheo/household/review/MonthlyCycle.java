package vn.giamngheo.household.review;

import java.time.LocalDate;

/**
 * The monthly (regular) review's calendar. Decision 24/2021/QĐ-TTg Art. 3 cl. 1 pt. b: the regular review runs once a
 * month, from the 15th; Art. 5 cl. 2: the commune chairman decides (or answers in writing, with the reasons) "within
 * 15 days from the date the review begins". The sources do not say which requests a month's review takes, nor whether
 * the 15 days are calendar or working days (the decision says "ngày"; some communes' procedure sheets say "15 ngày
 * làm việc"), so both are configuration ({@code household.review.monthly}): by default a review starting on the 15th
 * takes the requests received from the 15th of the previous month to the 14th, and answers within 15 calendar days
 * counted as the Civil Code 2015 counts (Art. 147: the first day is not counted; Art. 148: a period ending on a day off
 * ends on the next working day).
 *
 * @param startDay     day of the month on which each monthly review starts (15)
 * @param answerWithin days the chairman has to decide or refuse, from the start of the review (15)
 * @param countedIn    whether those days are calendar or working days
 */
public record MonthlyCycle(int startDay, int answerWithin, DayCount countedIn) {

    public enum DayCount { CALENDAR_DAYS, WORKING_DAYS }

    /** The requests one monthly review takes, both days included. */
    public record Window(LocalDate from, LocalDate to) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    public MonthlyCycle {
        // Day 28 at most: every month has it, so each month has exactly one review start.
        if (startDay < 1 || startDay > 28) {
            throw new IllegalArgumentException("household.review.monthly.start-day must be 1 to 28, not " + startDay);
        }
        if (answerWithin < 1 || answerWithin > 60) {
            throw new IllegalArgumentException("household.review.monthly.answer-within must be 1 to 60 days, not "
                    + answerWithin);
        }
        if (countedIn == null) {
            throw new IllegalArgumentException("household.review.monthly.counted-in is CALENDAR_DAYS or WORKING_DAYS");
        }
    }

    /** The start of the monthly review that is under way on {@code date}: the latest start day on or before it. */
    public LocalDate reviewUnderWayOn(LocalDate date) {
        LocalDate thisMonth = date.withDayOfMonth(startDay);
        return date.isBefore(thisMonth) ? thisMonth.minusMonths(1) : thisMonth;
    }

    /** The start of the first monthly review after a request received on {@code receivedOn}. */
    public LocalDate reviewTaking(LocalDate receivedOn) {
        LocalDate thisMonth = receivedOn.withDayOfMonth(startDay);
        return receivedOn.isBefore(thisMonth) ? thisMonth : thisMonth.plusMonths(1);
    }

    /** The requests taken by the review starting on {@code reviewStart}: received in the month before it. */
    public Window window(LocalDate reviewStart) {
        return new Window(reviewStart.minusMonths(1), reviewStart.minusDays(1));
    }

    /** The last day of the answer to the requests of the review starting on {@code reviewStart}. */
    public LocalDate answerDueBy(LocalDate reviewStart, WorkingCalendar calendar) {
        return switch (countedIn) {
            case CALENDAR_DAYS -> calendar.onOrAfter(reviewStart.plusDays(answerWithin));
            case WORKING_DAYS -> calendar.workingDaysAfter(reviewStart, answerWithin);
        };
    }
}
