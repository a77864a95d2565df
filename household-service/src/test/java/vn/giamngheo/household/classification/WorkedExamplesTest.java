package vn.giamngheo.household.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.units.AreaType;
import vn.giamngheo.platform.units.UnitCatalog;

/** Every worked example of standard-and-benefits.md §8, through the same service the API uses. */
class WorkedExamplesTest {

    private final AssessmentService assessments = new AssessmentService(Standards.CATALOG,
            UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
                    new ClassPathResource("units/vinh-yen.json"))), new Classifier());

    private static final String ALL_12 = "EMPLOYMENT DEPENDANTS NUTRITION HEALTH_INSURANCE ADULT_EDUCATION "
            + "CHILD_SCHOOLING HOUSING_QUALITY HOUSING_AREA DRINKING_WATER SANITATION TELECOM INFORMATION_ACCESS";

    @ParameterizedTest(name = "#{0}: {1} {2}/{3} {4} VND, [{5}] → {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
             1 | 2022-12-01 | RURAL | -     | 1500000 | HEALTH_INSURANCE HOUSING_AREA SANITATION                                     | POOR
             2 | 2022-12-01 | RURAL | -     | 1500001 | HEALTH_INSURANCE HOUSING_AREA SANITATION                                     | MIDDLE
             3 | 2022-12-01 | RURAL | -     | 1500000 | HEALTH_INSURANCE SANITATION                                                  | NEAR_POOR
             4 | 2022-12-01 | RURAL | -     | 1500000 | -                                                                            | NEAR_POOR
             5 | 2022-12-01 | URBAN | -     | 2000000 | EMPLOYMENT DEPENDANTS ADULT_EDUCATION                                        | POOR
             6 | 2022-12-01 | URBAN | -     | 2000001 | EMPLOYMENT DEPENDANTS NUTRITION HEALTH_INSURANCE ADULT_EDUCATION CHILD_SCHOOLING | MIDDLE
             7 | 2022-12-01 | URBAN | -     | 2000000 | HEALTH_INSURANCE TELECOM                                                     | NEAR_POOR
             8 | 2022-12-01 | URBAN | -     | 1999999 | NUTRITION CHILD_SCHOOLING HEALTH_INSURANCE                                   | POOR
             9 | 2022-12-01 | RURAL | -     | 2250000 | -                                                                            | MIDDLE
            10 | 2022-12-01 | RURAL | -     | 2250001 | -                                                                            | ABOVE
            11 | 2022-12-01 | URBAN | -     | 3000000 | HOUSING_QUALITY                                                              | MIDDLE
            12 | 2022-12-01 | URBAN | -     | 3000001 | -                                                                            | ABOVE
            13 | 2022-12-01 | -     | 08707 | 1800000 | DRINKING_WATER SANITATION HOUSING_QUALITY                                    | POOR
            14 | 2022-12-01 | -     | 08731 | 1800000 | DRINKING_WATER SANITATION HOUSING_QUALITY                                    | MIDDLE
            15 | 2023-12-01 | -     | 08725 | 1800000 | DRINKING_WATER SANITATION HOUSING_QUALITY                                    | POOR
            16 | 2022-12-01 | RURAL | -     | 0       | ALL_12                                                                       | POOR
            22 | 2022-12-01 | RURAL | -     | 1400000 | HOUSING_QUALITY HOUSING_AREA DRINKING_WATER                                  | POOR
            23 | 2021-06-01 | RURAL | -     | 1200000 | HEALTH_INSURANCE SANITATION DRINKING_WATER HOUSING_AREA                      | MIDDLE
            24 | 2021-06-01 | RURAL | -     | 900000  | HEALTH_INSURANCE SANITATION DRINKING_WATER                                   | POOR
            25 | 2026-06-01 | RURAL | -     | 2000000 | HEALTH_INSURANCE SANITATION DRINKING_WATER                                   | MIDDLE
            26 | 2027-06-01 | RURAL | -     | 2000000 | HEALTH_INSURANCE SANITATION DRINKING_WATER                                   | POOR
            29 | 2022-12-01 | RURAL | -     | 2000000 | -                                                                            | MIDDLE
            30 | 2025-06-01 | URBAN | -     | 2800000 | HOUSING_QUALITY                                                              | MIDDLE
            """)
    void workedExample(int number, LocalDate date, AreaType area, String unit, long monthlyIncome, String indicators,
            HouseholdClass expected) {
        Classification result = assessments.evaluate(new AssessmentService.Evaluate(date, unit, area, null,
                new Income.MonthlyPerCapita(monthlyIncome), new Evidence.Declared(codes(indicators))));

        assertThat(result.householdClass()).as("example %d: %s", number, result.explanation()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "#{0}: {1} VND a year for {2} people → {3}")
    @CsvSource({"27, 72000000, 4, POOR", "28, 72000004, 4, MIDDLE"})
    void annualIncomeIsComparedExactlyWithoutRounding(int number, long annual, int members, HouseholdClass expected) {
        Classification result = assessments.evaluate(new AssessmentService.Evaluate(LocalDate.parse("2022-12-01"),
                null, AreaType.RURAL, null, new Income.Annual(annual, members),
                new Evidence.Declared(List.of("HEALTH_INSURANCE", "SANITATION", "DRINKING_WATER"))));

        assertThat(result.householdClass()).as("example %d", number).isEqualTo(expected);
    }

    @Test
    void exampleTwentyEightShowsAnIncomeAboveTheLineNotEqualToIt() {
        Classification result = assessments.evaluate(new AssessmentService.Evaluate(LocalDate.parse("2022-12-01"),
                null, AreaType.RURAL, null, new Income.Annual(72_000_004, 4),
                new Evidence.Declared(List.of("HEALTH_INSURANCE", "SANITATION", "DRINKING_WATER"))));

        assertThat(result.monthlyIncomePerCapitaVnd()).isEqualByComparingTo("1500000.09");
        assertThat(result.explanation()).anySatisfy(line -> assertThat(line).contains("1.500.000,09"));
    }

    @Test
    void theSameHouseholdInDinhTrungIsRuralIn2022AndUrbanIn2023() {
        var evidence = new Evidence.Declared(List.of("DRINKING_WATER", "SANITATION", "HOUSING_QUALITY"));
        var income = new Income.MonthlyPerCapita(1_800_000);

        Classification in2022 = assessments.evaluate(new AssessmentService.Evaluate(LocalDate.parse("2022-12-01"),
                "08725", null, null, income, evidence));
        Classification in2023 = assessments.evaluate(new AssessmentService.Evaluate(LocalDate.parse("2023-12-01"),
                "08725", null, null, income, evidence));

        assertThat(in2022.areaType()).isEqualTo(AreaType.RURAL);
        assertThat(in2022.householdClass()).isEqualTo(HouseholdClass.MIDDLE);
        assertThat(in2023.areaType()).isEqualTo(AreaType.URBAN);
        assertThat(in2023.householdClass()).isEqualTo(HouseholdClass.POOR);
        assertThat(in2023.explanation()).anySatisfy(line -> assertThat(line).contains("Phường Định Trung (08725)"));
    }

    @Test
    void thanhTruBecomesPartOfAnUrbanWardOnTheFirstOfJuly2025() {
        var evidence = new Evidence.Declared(List.of("DRINKING_WATER", "SANITATION", "HOUSING_QUALITY"));
        var income = new Income.MonthlyPerCapita(1_800_000);

        assertThat(assessments.evaluate(new AssessmentService.Evaluate(LocalDate.parse("2025-06-30"), "08731", null,
                null, income, evidence)).householdClass()).isEqualTo(HouseholdClass.MIDDLE);
        assertThat(assessments.evaluate(new AssessmentService.Evaluate(LocalDate.parse("2025-07-01"), "08707", null,
                null, income, evidence)).householdClass()).isEqualTo(HouseholdClass.POOR);
    }

    @Test
    void theEnd2026ReviewCanNameThe2027StandardExplicitly() {
        Classification result = assessments.evaluate(new AssessmentService.Evaluate(LocalDate.parse("2026-11-01"),
                null, AreaType.RURAL, "VN-MPS-2027-2030", new Income.MonthlyPerCapita(2_000_000),
                new Evidence.Declared(List.of("HEALTH_INSURANCE", "SANITATION", "WASTE"))));

        assertThat(result.standard().code()).isEqualTo("VN-MPS-2027-2030");
        assertThat(result.householdClass()).isEqualTo(HouseholdClass.POOR);
    }

    private static List<String> codes(String indicators) {
        if (indicators == null) {
            return List.of();
        }
        return Arrays.asList((indicators.equals("ALL_12") ? ALL_12 : indicators).trim().split("\\s+"));
    }
}
