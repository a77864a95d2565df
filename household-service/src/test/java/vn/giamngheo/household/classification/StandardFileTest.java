package vn.giamngheo.household.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.rules.RuleFileException;
import vn.giamngheo.platform.units.AreaType;

/** A standard file with a mistake stops the service with the file, the line and the reason. */
class StandardFileTest {

    private static String shipped() throws IOException {
        return new ClassPathResource("standards/vn-mps-2022-2025.yaml").getContentAsString(StandardCharsets.UTF_8);
    }

    private static PovertyStandard read(String yaml) {
        return StandardFile.read("edited.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int lineOf(String yaml, String text) {
        String before = yaml.substring(0, yaml.indexOf(text));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theShippedFilesLoad() {
        assertThat(Standards.CATALOG.all()).extracting(PovertyStandard::code)
                .containsExactly("VN-MPS-2016-2020", "VN-MPS-2022-2025", "VN-MPS-2027-2030");
        assertThat(Standards.MPS_2016.indicators()).hasSize(10);
        assertThat(Standards.MPS_2022.indicators()).hasSize(12);
    }

    /** Domain README decision 4: no household silently loses its middle-living status on 1 January 2027. */
    @Test
    void the2027StandardCarriesThe2022MiddleBandMarkedProvisionalWithTheReason() {
        assertThat(Standards.MPS_2027.incomeLines().get(PovertyStandard.MIDDLE))
                .isEqualTo(Standards.MPS_2022.incomeLines().get(PovertyStandard.MIDDLE))
                .containsEntry(AreaType.RURAL, 2_250_000L).containsEntry(AreaType.URBAN, 3_000_000L);
        assertThat(Standards.MPS_2027.provisionalLines()).containsOnlyKeys(PovertyStandard.MIDDLE);
        assertThat(Standards.MPS_2027.provisionalLines().get(PovertyStandard.MIDDLE)).contains("2022–2025")
                .contains("quản trị viên");
        assertThat(Standards.MPS_2022.provisionalLines()).isEmpty();

        Classification middle = new Classifier().classify(Standards.MPS_2027, AreaType.URBAN, null,
                new Income.MonthlyPerCapita(2_900_000), new Evidence.Declared(List.of()), LocalDate.parse("2027-03-01"));
        assertThat(middle.householdClass()).isEqualTo(HouseholdClass.MIDDLE);
        assertThat(middle.explanation()).last().asString().startsWith("Ngưỡng middle còn tạm thời: chưa có văn bản");
        Classification poor = new Classifier().classify(Standards.MPS_2027, AreaType.URBAN, null,
                new Income.MonthlyPerCapita(2_700_000), new Evidence.Declared(List.of("WASTE", "TELECOM", "SANITATION")),
                LocalDate.parse("2027-03-01"));
        assertThat(poor.explanation()).noneSatisfy(line -> assertThat(line).contains("còn tạm thời: chưa có"));
    }

    @Test
    void aProvisionalLineSaysWhy() throws IOException {
        String yaml = shipped().replace("    URBAN: 3_000_000\n", "    URBAN: 3_000_000\n    provisional: \"\"\n");

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(yaml, "provisional: \"\"") + ": ")
                .hasMessageContaining("incomeLines.middle.provisional: is blank");
        assertThat(read(shipped().replace("    URBAN: 3_000_000\n", "    URBAN: 3_000_000\n    provisional: chưa rõ\n"))
                .provisionalLines()).containsEntry("middle", "chưa rõ");
    }

    @Test
    void aMisspeltFieldIsNamedWithItsLine() throws IOException {
        String yaml = shipped().replace("    nameEn: Nutrition", "    nameEnglish: Nutrition");

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(yaml, "nameEnglish") + ": ")
                .hasMessageContaining("indicators[2].nameEnglish: unknown field");
    }

    @Test
    void aConditionThatDoesNotCompileIsNamedWithItsLine() throws IOException {
        String yaml = shipped().replace("deprivedWhen: household.members.exists(m, m.ageYears < 16 && m.malnourished)",
                "deprivedWhen: household.members.exists(m, m.ageYears < 16 &&& m.malnourished)");

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(yaml, "&&&") + ": ")
                .hasMessageContaining("does not compile");
    }

    @Test
    void aMisspeltFactFailsOnTheSampleHouseholdsAtLoad() throws IOException {
        String yaml = shipped().replace("m.ageYears >= 6 && !m.hasHealthInsurance",
                "m.ageYears >= 6 && !m.hasHealthInsurence");

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(yaml, "hasHealthInsurence") + ": ")
                .hasMessageContaining("hasHealthInsurence");
    }

    @Test
    void aFieldTheFactModelDoesNotDeclareOrAComparisonOfTheWrongTypeIsRefusedWhenTheFileIsLoaded() throws IOException {
        String misspelt = shipped().replace("m.ageYears >= 6 && !m.hasHealthInsurance",
                "m.ageYears >= 6 && !m.hasHealthInsurence");
        String wrongType = shipped().replace("household.floorAreaM2 < 8.0 * double(household.members.size())",
                "household.floorAreaM2 < household.members.size()");

        assertThatThrownBy(() -> read(misspelt)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(misspelt, "hasHealthInsurence") + ": indicators[3]"
                        + ".deprivedWhen: the condition does not compile: ")
                .hasMessageContaining("undefined field 'hasHealthInsurence'");
        assertThatThrownBy(() -> read(wrongType)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(wrongType, "household.floorAreaM2 < household")
                        + ": indicators[7].deprivedWhen: the condition does not compile: ")
                .hasMessageContaining("no matching overload");
    }

    @Test
    void aConditionThatIsNotTrueOrFalseIsRejected() throws IOException {
        String yaml = shipped().replace("when: within.middle", "when: deprived + 1");

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(yaml, "deprived + 1") + ": ");
    }

    @Test
    void aClassRuleOnAnUnknownLineIsRejected() throws IOException {
        String yaml = shipped().replace("when: within.middle", "when: within.middel");

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("edited.yaml:" + lineOf(yaml, "within.middel") + ": ");
    }

    @Test
    void anUnknownPlaceholderOrClassOrDateIsRejected() throws IOException {
        assertThatThrownBy(() -> read(shipped().replace("{line.middle} ({area}): hộ có", "{line.midle} ({area}): hộ có")))
                .hasMessageContaining("unknown placeholder {line.midle}");
        assertThatThrownBy(() -> read(shipped().replace("class: MIDDLE", "class: AVERAGE")))
                .hasMessageContaining("'AVERAGE' is not one of");
        assertThatThrownBy(() -> read(shipped().replace("effectiveTo: 2026-12-31", "effectiveTo: 2026-13-31")))
                .hasMessageContaining("is not a date");
    }

    @Test
    void anUnknownOptionalFactIsRejected() throws IOException {
        String yaml = shipped().replace("    provisional: true\n    deprivedWhen: household.members.exists(m, m.ageYears < 16",
                "    provisional: true\n    facts: [shoeSize]\n    deprivedWhen: household.members.exists(m, m.ageYears < 16");

        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("unknown fact 'shoeSize'");
    }

    @Test
    void overlappingPeriodsAreRejected() throws IOException {
        String overlapping = shipped().replace("code: VN-MPS-2022-2025", "code: VN-MPS-TEST")
                .replace("effectiveFrom: 2022-01-01", "effectiveFrom: 2026-06-01")
                .replace("effectiveTo: 2026-12-31", "effectiveTo: 2027-12-31");

        assertThatThrownBy(() -> StandardCatalog.of(List.of(Standards.MPS_2022, read(overlapping))))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("overlaps VN-MPS-2022-2025");
    }
}
