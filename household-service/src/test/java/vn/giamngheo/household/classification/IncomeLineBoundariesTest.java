package vn.giamngheo.household.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.units.AreaType;

/**
 * Each income line of each standard, for both area types, at the line, one VND below and one VND above, with and
 * without three deprivations; monthly per-person income and the equivalent annual income of a four-person household.
 * The 2027–2030 middle band is the 2022–2025 one carried provisionally (domain README decision 4).
 */
class IncomeLineBoundariesTest {

    private final Classifier classifier = new Classifier();

    @ParameterizedTest(name = "{0} {1} {2} VND, {3} deprived → {4}")
    @CsvSource(textBlock = """
            VN-MPS-2016-2020, RURAL,  699999, 0, POOR
            VN-MPS-2016-2020, RURAL,  700000, 0, POOR
            VN-MPS-2016-2020, RURAL,  700001, 0, NEAR_POOR
            VN-MPS-2016-2020, RURAL,  700001, 3, POOR
            VN-MPS-2016-2020, RURAL,  999999, 3, POOR
            VN-MPS-2016-2020, RURAL, 1000000, 3, POOR
            VN-MPS-2016-2020, RURAL, 1000000, 2, NEAR_POOR
            VN-MPS-2016-2020, RURAL, 1000001, 3, MIDDLE
            VN-MPS-2016-2020, RURAL, 1499999, 0, MIDDLE
            VN-MPS-2016-2020, RURAL, 1500000, 0, MIDDLE
            VN-MPS-2016-2020, RURAL, 1500001, 0, ABOVE
            VN-MPS-2016-2020, URBAN,  899999, 0, POOR
            VN-MPS-2016-2020, URBAN,  900000, 0, POOR
            VN-MPS-2016-2020, URBAN,  900001, 0, NEAR_POOR
            VN-MPS-2016-2020, URBAN, 1299999, 3, POOR
            VN-MPS-2016-2020, URBAN, 1300000, 3, POOR
            VN-MPS-2016-2020, URBAN, 1300000, 0, NEAR_POOR
            VN-MPS-2016-2020, URBAN, 1300001, 3, MIDDLE
            VN-MPS-2016-2020, URBAN, 1949999, 0, MIDDLE
            VN-MPS-2016-2020, URBAN, 1950000, 0, MIDDLE
            VN-MPS-2016-2020, URBAN, 1950001, 0, ABOVE
            VN-MPS-2022-2025, RURAL, 1499999, 3, POOR
            VN-MPS-2022-2025, RURAL, 1500000, 3, POOR
            VN-MPS-2022-2025, RURAL, 1500000, 2, NEAR_POOR
            VN-MPS-2022-2025, RURAL, 1500001, 3, MIDDLE
            VN-MPS-2022-2025, RURAL, 1500001, 0, MIDDLE
            VN-MPS-2022-2025, RURAL, 2249999, 0, MIDDLE
            VN-MPS-2022-2025, RURAL, 2250000, 0, MIDDLE
            VN-MPS-2022-2025, RURAL, 2250001, 0, ABOVE
            VN-MPS-2022-2025, URBAN, 1999999, 3, POOR
            VN-MPS-2022-2025, URBAN, 2000000, 3, POOR
            VN-MPS-2022-2025, URBAN, 2000000, 2, NEAR_POOR
            VN-MPS-2022-2025, URBAN, 2000001, 3, MIDDLE
            VN-MPS-2022-2025, URBAN, 2999999, 0, MIDDLE
            VN-MPS-2022-2025, URBAN, 3000000, 0, MIDDLE
            VN-MPS-2022-2025, URBAN, 3000001, 0, ABOVE
            VN-MPS-2027-2030, RURAL, 2199999, 3, POOR
            VN-MPS-2027-2030, RURAL, 2200000, 3, POOR
            VN-MPS-2027-2030, RURAL, 2200000, 2, NEAR_POOR
            VN-MPS-2027-2030, RURAL, 2200001, 3, MIDDLE
            VN-MPS-2027-2030, RURAL, 2200001, 0, MIDDLE
            VN-MPS-2027-2030, RURAL, 2249999, 0, MIDDLE
            VN-MPS-2027-2030, RURAL, 2250000, 0, MIDDLE
            VN-MPS-2027-2030, RURAL, 2250001, 0, ABOVE
            VN-MPS-2027-2030, URBAN, 2799999, 3, POOR
            VN-MPS-2027-2030, URBAN, 2800000, 3, POOR
            VN-MPS-2027-2030, URBAN, 2800000, 0, NEAR_POOR
            VN-MPS-2027-2030, URBAN, 2800001, 3, MIDDLE
            VN-MPS-2027-2030, URBAN, 2999999, 0, MIDDLE
            VN-MPS-2027-2030, URBAN, 3000000, 0, MIDDLE
            VN-MPS-2027-2030, URBAN, 3000001, 0, ABOVE
            """)
    void atBelowAndAboveEveryLine(String code, AreaType area, long monthly, int deprived, HouseholdClass expected) {
        PovertyStandard standard = Standards.CATALOG.byCode(code).orElseThrow();
        List<String> indicators = standard.indicators().stream().limit(deprived).map(DeprivationIndicator::code)
                .toList();

        HouseholdClass perPerson = classifier.classify(standard, area, null, new Income.MonthlyPerCapita(monthly),
                new Evidence.Declared(indicators), LocalDate.parse("2024-01-01")).householdClass();
        HouseholdClass annual = classifier.classify(standard, area, null, new Income.Annual(monthly * 12 * 4, 4),
                new Evidence.Declared(indicators), LocalDate.parse("2024-01-01")).householdClass();

        assertThat(perPerson).isEqualTo(expected);
        assertThat(annual).isEqualTo(expected);
    }
}
