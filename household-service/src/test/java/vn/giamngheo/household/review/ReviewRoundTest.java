package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The review round's dates (domain README decision 1): an annual review prepares next year's lists — the standard in
 * force on 1 January of that year, decisions dated by 14 December and taking effect on 1 January — and a monthly one
 * applies the standard of its own date and takes effect on its decision's date.
 */
class ReviewRoundTest {

    private static ReviewRound posted(ReviewKind kind, String referenceDate, String postingStart) {
        return ReviewRound.open("r", "08707", kind, LocalDate.parse(referenceDate), "S", 3, Instant.EPOCH)
                .meeting(LocalDate.parse(referenceDate))
                .post(LocalDate.parse(postingStart), 1, 1, Calendars.SHIPPED);
    }

    @ParameterizedTest(name = "{0} round on {1} applies the standard in force on {2}")
    @CsvSource(textBlock = """
            ANNUAL,  2021-09-01, 2022-01-01
            ANNUAL,  2021-12-14, 2022-01-01
            ANNUAL,  2026-11-15, 2027-01-01
            MONTHLY, 2026-11-20, 2026-11-20
            MONTHLY, 2026-12-31, 2026-12-31
            MONTHLY, 2027-01-01, 2027-01-01
            """)
    void theStandardOfARound(ReviewKind kind, LocalDate referenceDate, LocalDate standardDate) {
        assertThat(ReviewRound.standardDate(kind, referenceDate)).isEqualTo(standardDate);
    }

    @ParameterizedTest(name = "an annual decision dated {0}: accepted {1}")
    @CsvSource(textBlock = """
            2026-12-13, true
            2026-12-14, true
            2026-12-15, false
            """)
    void anAnnualDecisionIsDatedBy14December(LocalDate date, boolean accepted) {
        ReviewRound round = posted(ReviewKind.ANNUAL, "2026-11-15", "2026-11-17");

        if (accepted) {
            ReviewRound deciding = round.decide("1/QĐ", date, "COMMUNE_CHAIRMAN", null, 0);
            assertThat(deciding.decision().effectiveDate()).isEqualTo("2027-01-01");
            assertThat(deciding.listsTakeEffectOn()).isEqualTo("2027-01-01");
        } else {
            assertThatThrownBy(() -> round.decide("1/QĐ", date, "COMMUNE_CHAIRMAN", null, 0))
                    .isInstanceOfSatisfying(ReviewRuleException.class, e -> {
                        assertThat(e.field()).isEqualTo("date");
                        assertThat(e.kind()).isEqualTo(ReviewRuleException.Kind.INVALID);
                        assertThat(e.getMessage()).contains("2026-12-14");
                    });
        }
    }

    @ParameterizedTest(name = "an annual decision taking effect on {0}: accepted {1}")
    @CsvSource(textBlock = """
            2026-12-31, false
            2027-01-01, true
            2027-01-02, false
            """)
    void anAnnualDecisionTakesEffectOn1JanuaryOfTheYearItsListsAreFor(LocalDate effective, boolean accepted) {
        ReviewRound round = posted(ReviewKind.ANNUAL, "2026-11-15", "2026-11-17");

        if (accepted) {
            assertThat(round.decide("1/QĐ", LocalDate.parse("2026-12-10"), "COMMUNE_CHAIRMAN", effective, 0)
                    .decision().effectiveDate()).isEqualTo(effective);
        } else {
            assertThatThrownBy(() -> round.decide("1/QĐ", LocalDate.parse("2026-12-10"), "COMMUNE_CHAIRMAN",
                    effective, 0)).isInstanceOfSatisfying(ReviewRuleException.class,
                            e -> assertThat(e.field()).isEqualTo("effectiveDate"));
        }
    }

    @Test
    void aMonthlyDecisionTakesEffectOnItsDateUnlessItSaysALaterDay() {
        ReviewRound round = posted(ReviewKind.MONTHLY, "2026-11-20", "2026-11-20");

        assertThat(round.listsTakeEffectOn()).isNull();
        assertThat(round.decide("2/QĐ", LocalDate.parse("2026-11-26"), "COMMUNE_CHAIRMAN", null, 0)
                .decision().effectiveDate()).isEqualTo("2026-11-26");
        assertThat(round.decide("2/QĐ", LocalDate.parse("2026-11-26"), "COMMUNE_CHAIRMAN",
                LocalDate.parse("2026-12-01"), 0).decision().effectiveDate()).isEqualTo("2026-12-01");
        assertThatThrownBy(() -> round.decide("2/QĐ", LocalDate.parse("2026-11-26"), "COMMUNE_CHAIRMAN",
                LocalDate.parse("2026-11-25"), 0)).isInstanceOfSatisfying(ReviewRuleException.class,
                        e -> assertThat(e.field()).isEqualTo("effectiveDate"));
        // A monthly review may be decided after 14 December.
        assertThat(posted(ReviewKind.MONTHLY, "2026-12-15", "2026-12-15").decide("3/QĐ",
                LocalDate.parse("2026-12-21"), "COMMUNE_CHAIRMAN", null, 0).decision().effectiveDate())
                .isEqualTo("2026-12-21");
    }

    @Test
    void thePostingCountsWorkingDaysWithoutThePublicHolidays() {
        // Thursday 30 April and Friday 1 May 2026 are holidays.
        assertThat(posted(ReviewKind.MONTHLY, "2026-04-28", "2026-04-29").postingEndsOn()).isEqualTo("2026-05-05");
        assertThat(posted(ReviewKind.MONTHLY, "2026-04-28", "2026-04-28").postingEndsOn()).isEqualTo("2026-05-04");
        assertThat(posted(ReviewKind.MONTHLY, "2026-04-20", "2026-04-22").postingEndsOn()).isEqualTo("2026-04-24");
    }

    @Test
    void aPostingIntoAYearWithoutHolidaysIsRefusedNamingTheField() {
        assertThatThrownBy(() -> posted(ReviewKind.MONTHLY, "2027-12-27", "2027-12-30"))
                .isInstanceOfSatisfying(ReviewRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("startDate");
                    assertThat(e.getMessage()).contains("2028");
                });
    }
}
