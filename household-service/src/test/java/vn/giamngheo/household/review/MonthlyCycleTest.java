package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The monthly review (Decision 24/2021 Art. 3 cl. 1 pt. b, Art. 5 cl. 2) with the shipped settings: it starts on the
 * 15th, takes the requests received from the 15th of the month before to the 14th, and answers within 15 calendar
 * days counted as the Civil Code counts.
 */
class MonthlyCycleTest {

    private static final MonthlyCycle CYCLE = Calendars.MONTHLY;

    @ParameterizedTest(name = "received {0}: taken by the review of {1}")
    @CsvSource(textBlock = """
            2026-10-14, 2026-10-15
            2026-10-15, 2026-11-15
            2026-11-13, 2026-11-15
            2026-11-14, 2026-11-15
            2026-11-15, 2026-12-15
            2026-12-31, 2027-01-15
            """)
    void aRequestIsTakenByTheFirstReviewStartingAfterIt(LocalDate received, LocalDate review) {
        assertThat(CYCLE.reviewTaking(received)).isEqualTo(review);
        assertThat(CYCLE.window(review).contains(received)).isTrue();
    }

    @ParameterizedTest(name = "a round on {0} belongs to the review of {1}")
    @CsvSource(textBlock = """
            2026-11-14, 2026-10-15
            2026-11-15, 2026-11-15
            2026-11-20, 2026-11-15
            2026-12-14, 2026-11-15
            """)
    void aRoundBelongsToTheReviewUnderWayOnItsDate(LocalDate round, LocalDate review) {
        assertThat(CYCLE.reviewUnderWayOn(round)).isEqualTo(review);
    }

    @Test
    void theWindowIsTheMonthBeforeTheReview() {
        MonthlyCycle.Window window = CYCLE.window(LocalDate.parse("2026-11-15"));

        assertThat(window.from()).isEqualTo("2026-10-15");
        assertThat(window.to()).isEqualTo("2026-11-14");
        assertThat(window.contains(LocalDate.parse("2026-10-14"))).isFalse();
        assertThat(window.contains(LocalDate.parse("2026-11-15"))).isFalse();
    }

    /** Civil Code 2015 Art. 147: the start day is not counted; Art. 148: a last day off moves to the next working day. */
    @ParameterizedTest(name = "the review of {0} answers by {1}")
    @CsvSource(textBlock = """
            2026-11-15, 2026-11-30
            2026-10-15, 2026-10-30
            2027-01-15, 2027-02-01
            2025-01-15, 2025-02-03
            """)
    void fifteenCalendarDaysFromTheStartOfTheReview(LocalDate review, LocalDate dueBy) {
        assertThat(CYCLE.answerDueBy(review, Calendars.SHIPPED)).isEqualTo(dueBy);
    }

    @Test
    void fifteenWorkingDaysWhenACommuneCountsThem() {
        MonthlyCycle working = new MonthlyCycle(15, 15, MonthlyCycle.DayCount.WORKING_DAYS);

        assertThat(working.answerDueBy(LocalDate.parse("2026-11-15"), Calendars.SHIPPED)).isEqualTo("2026-12-04");
        // Tết 2026 (16–20 February) is not counted.
        assertThat(working.answerDueBy(LocalDate.parse("2026-02-15"), Calendars.SHIPPED)).isEqualTo("2026-03-13");
    }

    @Test
    void settingsOutsideTheirRangeStopTheService() {
        assertThatThrownBy(() -> new MonthlyCycle(29, 15, MonthlyCycle.DayCount.CALENDAR_DAYS))
                .hasMessageContaining("start-day");
        assertThatThrownBy(() -> new MonthlyCycle(15, 0, MonthlyCycle.DayCount.CALENDAR_DAYS))
                .hasMessageContaining("answer-within");
        assertThatThrownBy(() -> new MonthlyCycle(15, 15, null)).hasMessageContaining("counted-in");
    }
}
