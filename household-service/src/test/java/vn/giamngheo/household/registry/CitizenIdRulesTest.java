package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

class CitizenIdRulesTest {

    private final CitizenIdRules rules = CitizenIdRules.load(new ClassPathResource("citizen-ids.yaml"));

    @ParameterizedTest(name = "{0} for a {1} born {2}: {3}")
    @CsvSource(nullValues = "-", textBlock = """
            026068001234, MALE,   1968-03-14, -
            026171005678, FEMALE, 1971-09-02, -
            025212000001, MALE,   2012-06-20, -
            025312000001, FEMALE, 2012-06-20, -
            02606800123,  MALE,   1968-03-14, must be 12 digits
            02606800123X, MALE,   1968-03-14, must be 12 digits
            003068001234, MALE,   1968-03-14, digits 1-3 (003) are not a province code
            026168001234, MALE,   1968-03-14, digit 4 is 1 but a man born in 1968 has 0
            026268001234, MALE,   1968-03-14, digit 4 is 2 but a man born in 1968 has 0
            026312000001, MALE,   2012-06-20, digit 4 is 3 but a man born in 2012 has 2
            026069001234, MALE,   1968-03-14, digits 5-6 are 69 but the year of birth is 1968
            """)
    void checksProvinceCenturySexAndYear(String citizenId, Sex sex, LocalDate born, String expected) {
        assertThat(rules.problem(citizenId, sex, born).orElse(null)).isEqualTo(expected);
    }

    /** What an officer reads beside the cell of an import file. */
    @ParameterizedTest(name = "{0} for a {1} born {2}: {3}")
    @CsvSource(textBlock = """
            02606800123,  MALE,   1968-03-14, phải gồm 12 chữ số
            003068001234, MALE,   1968-03-14, 3 chữ số đầu (003) không phải mã tỉnh
            026068001234, FEMALE, 1968-03-14, chữ số thứ 4 là 0 nhưng nữ sinh năm 1968 có số 1
            026069001234, MALE,   1968-03-14, chữ số thứ 5-6 là 69 nhưng năm sinh là 1968
            """)
    void saysTheSameInVietnamese(String citizenId, Sex sex, LocalDate born, String expected) {
        assertThat(rules.mismatch(citizenId, sex, born)).get().extracting(CitizenIdRules.Mismatch::reasonVi)
                .isEqualTo(expected);
    }
}
