package vn.giamngheo.policy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaysThatMatterTest {

    @ParameterizedTest(name = "born {0}, after {1}: next birthday {2}")
    @CsvSource({"1955-07-01, 2025-06-30, 2025-07-01", "1955-07-01, 2025-07-01, 2026-07-01",
            "2019-02-10, 2024-12-31, 2025-02-10", "2008-02-29, 2024-03-01, 2025-03-01",
            "2008-02-29, 2027-12-31, 2028-02-29", "2020-05-05, 2020-05-05, 2021-05-05"})
    void theNextBirthdayIsTheDayTheAgeChanges(String born, String after, String next) {
        assertThat(AutomaticDecisions.nextBirthday(LocalDate.parse(born), LocalDate.parse(after)))
                .isEqualTo(LocalDate.parse(next));
    }
}
