package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.platform.rules.RuleFileException;

/** Working days of a commune office: weekends, public holidays (Tết moves every year) and swapped days. */
class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = Calendars.SHIPPED;

    @Test
    void theShippedFileCovers2021To2027AndSaysWhatIsNotSettled() {
        assertThat(CALENDAR.years()).extracting(WorkingCalendar.Year::year)
                .containsExactly(2021, 2022, 2023, 2024, 2025, 2026, 2027);
        assertThat(CALENDAR.years()).filteredOn(y -> y.year() < 2027)
                .allSatisfy(y -> assertThat(y.provisionalReason()).isNull());
        assertThat(CALENDAR.years().getLast().provisionalReason()).contains("not announced");
        assertThat(CALENDAR.years()).allSatisfy(y -> assertThat(y.source()).isNotBlank());
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource(textBlock = """
            2021-02-09, true
            2021-02-10, false
            2021-02-16, false
            2021-02-17, true
            2023-01-19, true
            2023-01-20, false
            2023-01-26, false
            2023-01-27, true
            2024-02-07, true
            2024-02-08, false
            2024-02-14, false
            2024-02-15, true
            2024-04-29, false
            2024-05-04, true
            2024-05-11, false
            2025-04-26, true
            2025-05-02, false
            2026-01-02, false
            2026-01-10, true
            2026-02-13, true
            2026-02-16, false
            2026-02-20, false
            2026-02-23, true
            2026-04-27, false
            2026-09-01, false
            2026-09-03, true
            2026-11-14, false
            2026-11-16, true
            """)
    void tetHolidaysSwapsAndWeekends(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "3 working days from {0} end on {1}")
    @CsvSource(textBlock = """
            2026-02-11, 2026-02-13
            2026-02-12, 2026-02-23
            2026-02-13, 2026-02-24
            2026-02-14, 2026-02-25
            2026-04-23, 2026-04-28
            2026-04-24, 2026-04-29
            2026-04-28, 2026-05-04
            """)
    void aPostingSkipsThePublicHolidays(LocalDate start, LocalDate end) {
        assertThat(CALENDAR.addWorkingDays(start, 3)).isEqualTo(end);
    }

    @Test
    void aYearTheFileDoesNotListIsRefusedNotGuessed() {
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.parse("2028-03-01")))
                .isInstanceOf(WorkingCalendar.YearNotCovered.class)
                .hasMessageContaining("2028").hasMessageContaining("administrator");
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.parse("2027-12-29"), 5))
                .isInstanceOf(WorkingCalendar.YearNotCovered.class);
    }

    @Test
    void provisionalDaysAreReportedWhereACountReliesOnThem() {
        assertThat(CALENDAR.provisionalBetween(LocalDate.parse("2026-11-15"), LocalDate.parse("2026-11-30"))).isFalse();
        assertThat(CALENDAR.provisionalBetween(LocalDate.parse("2026-08-25"), LocalDate.parse("2026-09-05"))).isTrue();
        assertThat(CALENDAR.provisionalBetween(LocalDate.parse("2026-12-15"), LocalDate.parse("2027-01-04"))).isTrue();
    }

    private static String shipped() throws IOException {
        return new ClassPathResource("holidays/vn-public-holidays.yaml").getContentAsString(StandardCharsets.UTF_8);
    }

    private static WorkingCalendar read(String yaml) {
        return WorkingCalendar.read("edited.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int lineOf(String yaml, String text) {
        String before = yaml.substring(0, yaml.lastIndexOf(text));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a weekend listed as a day off  | {date: 2026-04-27, name: | {date: 2026-04-26, name:  | 2026-04-26 is a SUNDAY: only weekdays are listed as days off
            a weekday listed as worked     | {date: 2026-01-10, name: | {date: 2026-01-09, name:  | 2026-01-09 is a FRIDAY: only weekend days are listed as worked
            a day of another year          | {date: 2026-05-01, name: | {date: 2025-05-01, name:  | 2025-05-01 is not in 2026
            a day listed twice             | {date: 2026-05-01, name: | {date: 2026-04-30, name:  | 2026-04-30 is listed twice
            an unknown field               | - {date: 2026-05-01,     | - {day: 2026-05-01,       | unknown field
            """)
    void aMistakeInTheFileIsNamedWithItsLine(String what, String from, String to, String message) throws IOException {
        String yaml = shipped().replace(from, to);

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(yaml, to) + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void anUnverifiedYearMustSayWhyItIsProvisional() throws IOException {
        String yaml = shipped().replace("    confidence: S\n    source: python-holidays 0.105 (Labour Code 2019 Art. 112)\n",
                "    confidence: U\n    source: python-holidays 0.105 (Labour Code 2019 Art. 112)\n");

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("an unverified year is provisional: say why");
    }
}
