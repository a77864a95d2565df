package vn.giamngheo.household.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.units.AreaType;

/** Indicators derived from surveyed facts, at and either side of each threshold; examples 17–21 of §8. */
class IndicatorThresholdsTest {

    private static final LocalDate DATE = LocalDate.parse("2022-12-01");

    private final Classifier classifier = new Classifier();

    private List<String> deprived(PovertyStandard standard, FactsBuilder facts) {
        return classifier.classify(standard, AreaType.RURAL, null, new Income.MonthlyPerCapita(1_000_000),
                new Evidence.Surveyed(facts.build()), DATE).deprivedCodes();
    }

    private List<String> deprived2022(FactsBuilder facts) {
        return deprived(Standards.MPS_2022, facts);
    }

    private static FactsBuilder household() {
        return FactsBuilder.comfortable(DATE);
    }

    @Test
    void aComfortableHouseholdIsDeprivedOnNothingUnderAnyStandard() {
        assertThat(deprived(Standards.MPS_2016, household())).isEmpty();
        assertThat(deprived(Standards.MPS_2022, household())).isEmpty();
        assertThat(deprived(Standards.MPS_2027, household())).isEmpty();
    }

    @Nested
    class WorkedExamples {

        @Test
        void seventeenHousingAreaOfSevenPointNineSquareMetresIsDeprived() {
            var facts = FactsBuilder.empty(DATE).member(DATE.minusYears(40), false, false, Education.UPPER_SECONDARY,
                    Employment.WAGE_WITH_CONTRACT, false, false).adult(38).floorArea("15.8")
                    .latrine(Latrine.UNHYGIENIC);

            Classification result = classifier.classify(Standards.MPS_2022, AreaType.RURAL, null,
                    new Income.MonthlyPerCapita(1_200_000), new Evidence.Surveyed(facts.build()), DATE);

            assertThat(result.deprivedCodes()).containsExactly("HEALTH_INSURANCE", "HOUSING_AREA", "SANITATION");
            assertThat(result.householdClass()).isEqualTo(HouseholdClass.POOR);
        }

        @Test
        void eighteenExactlyEightSquareMetresIsNotDeprived() {
            var facts = FactsBuilder.empty(DATE).member(DATE.minusYears(40), false, false, Education.UPPER_SECONDARY,
                    Employment.WAGE_WITH_CONTRACT, false, false).adult(38).floorArea("16.0")
                    .latrine(Latrine.UNHYGIENIC);

            Classification result = classifier.classify(Standards.MPS_2022, AreaType.RURAL, null,
                    new Income.MonthlyPerCapita(1_200_000), new Evidence.Surveyed(facts.build()), DATE);

            assertThat(result.deprivedCodes()).containsExactly("HEALTH_INSURANCE", "SANITATION");
            assertThat(result.householdClass()).isEqualTo(HouseholdClass.NEAR_POOR);
        }

        @Test
        void nineteenThreeDependantsOfFiveIsMoreThanHalf() {
            var facts = FactsBuilder.empty(DATE)
                    .member(DATE.minusYears(40), false, false, Education.UPPER_SECONDARY, Employment.WAGE_WITH_CONTRACT,
                            false, false)
                    .member(DATE.minusYears(25), true, false, Education.LOWER_SECONDARY, Employment.WAGE_WITH_CONTRACT,
                            false, false)
                    .child(5).child(10).elder(70);

            Classification result = classifier.classify(Standards.MPS_2022, AreaType.URBAN, null,
                    new Income.MonthlyPerCapita(1_900_000), new Evidence.Surveyed(facts.build()), DATE);

            assertThat(result.deprivedCodes()).containsExactly("DEPENDANTS", "HEALTH_INSURANCE", "ADULT_EDUCATION");
            assertThat(result.householdClass()).isEqualTo(HouseholdClass.POOR);
        }

        @Test
        void twentyTwoDependantsOfFourIsNotMoreThanHalf() {
            var facts = FactsBuilder.empty(DATE)
                    .member(DATE.minusYears(40), false, false, Education.UPPER_SECONDARY, Employment.WAGE_WITH_CONTRACT,
                            false, false)
                    .member(DATE.minusYears(25), true, false, Education.LOWER_SECONDARY, Employment.WAGE_WITH_CONTRACT,
                            false, false)
                    .child(5).child(10);

            Classification result = classifier.classify(Standards.MPS_2022, AreaType.URBAN, null,
                    new Income.MonthlyPerCapita(1_900_000), new Evidence.Surveyed(facts.build()), DATE);

            assertThat(result.deprivedCodes()).containsExactly("HEALTH_INSURANCE", "ADULT_EDUCATION");
            assertThat(result.householdClass()).isEqualTo(HouseholdClass.NEAR_POOR);
        }

        @Test
        void twentyOneAnUninsuredChildOfFiveYearsElevenMonthsDoesNotCount() {
            var facts = household().member(DATE.minusYears(5).minusMonths(11), false, true, Education.NONE,
                    Employment.NOT_IN_LABOUR_FORCE, false, false)
                    .latrine(Latrine.NONE).water(WaterSource.SURFACE_WATER);

            Classification result = classifier.classify(Standards.MPS_2022, AreaType.RURAL, null,
                    new Income.MonthlyPerCapita(1_400_000), new Evidence.Surveyed(facts.build()), DATE);

            assertThat(result.deprivedCodes()).containsExactly("DRINKING_WATER", "SANITATION");
            assertThat(result.householdClass()).isEqualTo(HouseholdClass.NEAR_POOR);
        }
    }

    @Test
    void healthInsuranceCountsFromTheSixthBirthday() {
        assertThat(deprived2022(household().member(DATE.minusYears(6), false, true, Education.NONE,
                Employment.NOT_IN_LABOUR_FORCE, false, false))).containsExactly("HEALTH_INSURANCE");
        assertThat(deprived2022(household().member(DATE.minusYears(6).plusDays(1), false, true, Education.NONE,
                Employment.NOT_IN_LABOUR_FORCE, false, false))).isEmpty();
    }

    @Test
    void nutritionCountsChildrenUnderSixteen() {
        assertThat(deprived2022(household().member(DATE.minusYears(16).plusDays(1), true, true,
                Education.LOWER_SECONDARY, Employment.NOT_IN_LABOUR_FORCE, false, true))).containsExactly("NUTRITION");
        assertThat(deprived2022(household().member(DATE.minusYears(16), true, true, Education.LOWER_SECONDARY,
                Employment.NOT_IN_LABOUR_FORCE, false, true))).isEmpty();
    }

    @ParameterizedTest(name = "a child of {0} years {1} days not at school: deprived = {2}")
    @CsvSource({"3, 0, true", "2, 364, false", "15, 364, true", "16, 0, false"})
    void childSchoolingCountsFromThreeToUnderSixteen(int years, int extraDays, boolean isDeprived) {
        var facts = household().member(DATE.minusYears(years).minusDays(extraDays), true, false,
                Education.LOWER_SECONDARY, Employment.NOT_IN_LABOUR_FORCE, false, false);

        assertThat(deprived2022(facts).contains("CHILD_SCHOOLING")).isEqualTo(isDeprived);
    }

    @ParameterizedTest(name = "aged {0} with {1}, not studying: deprived = {2}")
    @CsvSource({"15, PRIMARY, false", "16, PRIMARY, true", "17, LOWER_SECONDARY, false", "18, LOWER_SECONDARY, true",
            "18, VOCATIONAL, false", "30, LOWER_SECONDARY, true", "31, LOWER_SECONDARY, false"})
    void adultEducationByAge(int age, Education education, boolean isDeprived) {
        var facts = household().member(DATE.minusYears(age), true, false, education, Employment.WAGE_WITH_CONTRACT,
                false, false);

        assertThat(deprived2022(facts).contains("ADULT_EDUCATION")).isEqualTo(isDeprived);
    }

    @ParameterizedTest(name = "aged {0}, {1}: deprived = {2}")
    @CsvSource({"14, UNEMPLOYED, false", "15, UNEMPLOYED, true", "59, UNEMPLOYED, true", "60, UNEMPLOYED, false",
            "40, WAGE_WITHOUT_CONTRACT, true", "40, SELF_EMPLOYED, false", "40, WAGE_WITH_CONTRACT, false"})
    void employmentOfMembersOfWorkingAge(int age, Employment employment, boolean isDeprived) {
        var facts = household().member(DATE.minusYears(age), true, age < 16, Education.UPPER_SECONDARY, employment,
                false, false);

        assertThat(deprived2022(facts).contains("EMPLOYMENT")).isEqualTo(isDeprived);
    }

    @Test
    void anUnemployedPersonUnableToWorkIsADependantNotUnemployed() {
        var facts = FactsBuilder.empty(DATE).member(DATE.minusYears(40), true, false, Education.UPPER_SECONDARY,
                Employment.UNEMPLOYED, true, false);

        assertThat(deprived2022(facts)).contains("DEPENDANTS").doesNotContain("EMPLOYMENT");
    }

    @ParameterizedTest(name = "{0} m² for two people: deprived = {1}")
    @CsvSource({"15.8, true", "15.99, true", "16.0, false", "16.2, false"})
    void housingAreaBelowEightSquareMetresPerPerson(String area, boolean isDeprived) {
        assertThat(deprived2022(household().floorArea(area)).contains("HOUSING_AREA")).isEqualTo(isDeprived);
    }

    @Test
    void housingQualityNeedsTwoNonDurableStructuresOrNoDwelling() {
        assertThat(deprived2022(household().structures(false, true, true))).doesNotContain("HOUSING_QUALITY");
        assertThat(deprived2022(household().structures(false, false, true))).contains("HOUSING_QUALITY");
        assertThat(deprived2022(household().structures(false, false, false))).contains("HOUSING_QUALITY");
        assertThat(deprived2022(household().noDwelling())).contains("HOUSING_QUALITY");
    }

    @Test
    void waterLatrineTelecomAndInformation() {
        assertThat(deprived2022(household().water(WaterSource.RAINWATER))).isEmpty();
        assertThat(deprived2022(household().water(WaterSource.UNPROTECTED_WELL))).containsExactly("DRINKING_WATER");
        assertThat(deprived2022(household().latrine(Latrine.POUR_FLUSH))).isEmpty();
        assertThat(deprived2022(household().latrine(Latrine.UNHYGIENIC))).containsExactly("SANITATION");
        assertThat(deprived2022(household().telecom(true, false))).containsExactly("TELECOM");
        assertThat(deprived2022(household().means(InformationMeans.RADIO))).isEmpty();
        assertThat(deprived2022(household().means())).containsExactly("INFORMATION_ACCESS");
    }

    @Test
    void in2016To2020APhoneWithoutInternetWasEnough() {
        assertThat(deprived(Standards.MPS_2016, household().telecom(true, false))).isEmpty();
        assertThat(deprived(Standards.MPS_2016, household().telecom(false, false))).containsExactly("TELECOM");
        assertThat(deprived(Standards.MPS_2016, household().sickUntreated(true))).containsExactly("HEALTH_CARE_ACCESS");
    }

    @Test
    void the2027StandardDropsInformationMeansAndAddsWaste() {
        assertThat(deprived(Standards.MPS_2027, household().means())).isEmpty();
        assertThat(deprived(Standards.MPS_2027, household().waste(WasteHandling.UNSAFE))).containsExactly("WASTE");
        assertThat(Standards.MPS_2027.indicators()).hasSize(12).allMatch(DeprivationIndicator::provisional);
    }

    @Test
    void aFactAStandardNeedsIsNamedWhenItIsMissing() {
        assertThatThrownBy(() -> deprived(Standards.MPS_2027, household().waste(null)))
                .isInstanceOf(AssessmentException.class)
                .hasMessageContaining("WASTE")
                .extracting("field").isEqualTo("facts.wasteHandling");
        assertThatThrownBy(() -> deprived(Standards.MPS_2016, household().sickUntreated(null)))
                .isInstanceOf(AssessmentException.class)
                .extracting("field").isEqualTo("facts.sickMemberUntreated");
    }

    @Test
    void theMemberCountMustMatchTheMembersSurveyed() {
        assertThatThrownBy(() -> classifier.classify(Standards.MPS_2022, AreaType.RURAL, null,
                new Income.Annual(50_000_000, 3), new Evidence.Surveyed(household().build()), DATE))
                .isInstanceOf(AssessmentException.class)
                .extracting("field").isEqualTo("memberCount");
    }

    @Test
    void everyDeprivationComesWithAReadableVietnameseReason() {
        var result = classifier.classify(Standards.MPS_2022, AreaType.RURAL, null,
                new Income.MonthlyPerCapita(1_000_000),
                new Evidence.Surveyed(household().latrine(Latrine.NONE).floorArea("10").build()), DATE);

        assertThat(result.explanation()).contains(
                "Thiếu hụt Diện tích nhà ở bình quân đầu người: Diện tích nhà ở bình quân dưới 8 m²/người.",
                "Thiếu hụt Nhà tiêu hợp vệ sinh: Hộ không sử dụng nhà tiêu hợp vệ sinh.");
        assertThat(result.explanation().getLast()).contains("1.000.000 đồng/người/tháng", "1.500.000 đồng",
                "khu vực nông thôn", "hộ cận nghèo");
    }
}
