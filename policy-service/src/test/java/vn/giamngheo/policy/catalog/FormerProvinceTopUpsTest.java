package vn.giamngheo.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.policy.catalog.PolicyFixtures.find;
import static vn.giamngheo.policy.catalog.PolicyFixtures.person;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.platform.rules.RuleFileException;

/**
 * The near-poor premium top-ups of the former provinces: each applies to the units that belonged to its province, runs
 * on after the 2025 merger, and ends when the new province's own resolution is entered as one more file.
 */
class FormerProvinceTopUpsTest {

    private static final String VINH_PHUC = "policies/health-insurance-premium-provincial-26@2022-01-01.yaml";
    private static final String PHU_THO = "policies/health-insurance-premium-provincial-25@2021-01-01.yaml";

    /** Phú Thọ's 2026-2030 resolution as an administrator would enter it, with a number and rate invented here. */
    private static final String NEW_PHU_THO = """
            code: HEALTH_INSURANCE_PREMIUM_PROVINCIAL
            name: Ngân sách tỉnh Phú Thọ hỗ trợ thêm tiền đóng bảo hiểm y tế cho hộ cận nghèo
            department: HEALTH_INSURANCE
            legalBasis: Nghị quyết số (thử nghiệm)/2025/NQ-HĐND ngày 25/11/2025 của HĐND tỉnh Phú Thọ
            effectiveFrom: 2026-01-01
            beneficiary: PERSON
            applicationRequired: false
            provisional: false
            schedule: YEARLY
            eligibleWhen: person.ageYears >= 6 && household.classification == 'NEAR_POOR'
            entitlement:
              premiumSupportPercent: "20"
            reason: Ngân sách tỉnh hỗ trợ thêm 20% mức đóng cho thành viên hộ cận nghèo.
            """;

    private static PolicyVersion read(String name, String yaml) {
        return PolicyFile.read(name, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                PolicyCatalog.CODES, PolicyCatalog.DEPARTMENTS);
    }

    private static String shipped(String path) throws IOException {
        return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<PolicyVersion> shippedVersions() {
        return new ArrayList<>(PolicyFixtures.ALL.all());
    }

    /** Over the sample province of {@link FormerProvincesTest}: old Phú Thọ, Vĩnh Phúc and Hòa Bình communes. */
    private static EligibilityEvaluator overTheProvince(PolicyCatalog catalog) {
        return new EligibilityEvaluator(catalog, FormerProvincesTest.of(true));
    }

    private static EligibilityFacts nearPoorOf(String unit) {
        return new EligibilityFacts("NEAR_POOR", null, null, unit, false, List.of(person("p", "1980-01-01")));
    }

    @ParameterizedTest(name = "unit {0} on {1}: top-up {2} %, provisional {3}")
    @CsvSource(textBlock = """
            90011, 2021-01-01, 15, false
            90011, 2024-01-01, 15, false
            90011, 2025-06-30, 15, false
            90001, 2025-07-01, 15, true
            90001, 2025-07-02, 15, true
            90021, 2021-06-01, 0,  false
            90021, 2022-01-01, 30, true
            90002, 2025-07-01, 30, true
            90002, 2026-11-24, 30, true
            90003, 2025-07-01, 0,  false
            90031, 2024-01-01, 0,  false
            """)
    void eachFormerProvincesTopUpAppliesToItsOwnUnitsBeforeAndAfterTheMerger(String unit, String date, int share,
            boolean provisional) {
        var topUp = find(overTheProvince(PolicyFixtures.ALL).eligible(nearPoorOf(unit), LocalDate.parse(date)),
                "HEALTH_INSURANCE_PREMIUM_PROVINCIAL", "p");

        assertThat(topUp.map(d -> d.entitlement().premiumSupportPercent()).orElse(0)).isEqualTo(share);
        topUp.ifPresent(d -> {
            assertThat(d.provisional()).isEqualTo(provisional);
            assertThat(d.provisionalReason() != null).isEqualTo(provisional);
        });
    }

    @ParameterizedTest(name = "unit {0} on {1}: {2}")
    @CsvSource(textBlock = """
            90001, 2025-12-31, HEALTH_INSURANCE_PREMIUM_PROVINCIAL/25@2021-01-01 15
            90001, 2026-01-01, HEALTH_INSURANCE_PREMIUM_PROVINCIAL@2026-01-01 20
            90002, 2025-12-31, HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01 30
            90002, 2026-01-01, HEALTH_INSURANCE_PREMIUM_PROVINCIAL@2026-01-01 20
            90003, 2025-12-31, none
            90003, 2026-01-01, HEALTH_INSURANCE_PREMIUM_PROVINCIAL@2026-01-01 20
            """)
    void theNewProvincesResolutionEnteredAsOneFileTakesOverFromTheFormerProvinces(String unit, String date,
            String expected) {
        List<PolicyVersion> versions = shippedVersions();
        versions.add(read("health-insurance-premium-provincial@2026-01-01.yaml", NEW_PHU_THO));
        PolicyCatalog catalog = PolicyCatalog.of(versions, PolicyCatalog.DEPARTMENTS);

        var topUp = find(overTheProvince(catalog).eligible(nearPoorOf(unit), LocalDate.parse(date)),
                "HEALTH_INSURANCE_PREMIUM_PROVINCIAL", "p");

        assertThat(topUp.map(d -> d.policyVersion() + " " + d.entitlement().premiumSupportPercent()).orElse("none"))
                .isEqualTo(expected);
        assertThat(catalog.version("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01").orElseThrow())
                .satisfies(v -> {
                    assertThat(v.effectiveTo()).isEqualTo(LocalDate.parse("2025-12-31"));
                    assertThat(v.endedBy()).isEqualTo("health-insurance-premium-provincial@2026-01-01.yaml");
                });
        assertThat(catalog.changeDates()).contains(LocalDate.parse("2026-01-01"));
    }

    @Test
    void withoutTheNewResolutionTheFormerProvincesTopUpsStayOpen() {
        assertThat(PolicyFixtures.ALL.version("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01").orElseThrow()
                .effectiveTo()).isNull();
        assertThat(PolicyFixtures.ALL.version("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/25@2021-01-01").orElseThrow()
                .effectiveTo()).isNull();
    }

    @Test
    void overlapsAreRefusedExceptBetweenFormerProvinces() throws IOException {
        List<PolicyVersion> twice = shippedVersions();
        twice.add(read("again.yaml", shipped(VINH_PHUC).replace("effectiveFrom: 2022-01-01",
                "effectiveFrom: 2024-01-01")));
        assertThatThrownBy(() -> PolicyCatalog.of(twice, PolicyCatalog.DEPARTMENTS))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("again.yaml")
                .hasMessageContaining("overlaps health-insurance-premium-provincial-26@2022-01-01.yaml");

        List<PolicyVersion> pastTheNewOne = shippedVersions();
        pastTheNewOne.removeIf(v -> v.version().equals("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01"));
        pastTheNewOne.add(read("vp.yaml", shipped(VINH_PHUC).replace("formerProvince: \"26\"",
                "formerProvince: \"26\"\neffectiveTo: 2026-06-30")));
        pastTheNewOne.add(read("new.yaml", NEW_PHU_THO));
        assertThatThrownBy(() -> PolicyCatalog.of(pastTheNewOne, PolicyCatalog.DEPARTMENTS))
                .hasMessageContaining("new.yaml").hasMessageContaining("overlaps vp.yaml");

        List<PolicyVersion> sameDay = shippedVersions();
        sameDay.add(read("hoa-binh.yaml", shipped(PHU_THO).replace("formerProvince: \"25\"",
                "formerProvince: \"17\"")));
        PolicyCatalog catalog = PolicyCatalog.of(sameDay, PolicyCatalog.DEPARTMENTS);
        assertThat(catalog.version("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/17@2021-01-01")).isPresent();
        assertThat(catalog.version("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/25@2021-01-01")).isPresent();
    }

    @Test
    void aFormerProvinceIsAProvinceCode() throws IOException {
        assertThatThrownBy(() -> read("edited.yaml", shipped(VINH_PHUC).replace("formerProvince: \"26\"",
                "formerProvince: Vĩnh Phúc"))).hasMessageContaining("formerProvince")
                .hasMessageContaining("2-digit province code");
    }
}
