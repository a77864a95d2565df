package vn.giamngheo.platform.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class UnitCatalogTest {

    /** The units every service loads (platform-defaults.yml). */
    static final UnitCatalog SHIPPED = UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
            new ClassPathResource("units/vinh-yen.json")));

    private static final LocalDate LAST_OLD_DAY = LocalDate.parse("2025-06-30");
    private static final LocalDate FIRST_NEW_DAY = LocalDate.parse("2025-07-01");

    private final UnitCatalog units = SHIPPED;

    @Test
    void codeZeroEightSevenZeroSevenChangesMeaningOnTheFirstOfJuly2025() {
        assertThat(units.find("08707", LAST_OLD_DAY)).get()
                .extracting(AdministrativeUnit::name, AdministrativeUnit::parentCode)
                .containsExactly("Phường Tích Sơn", "243");
        assertThat(units.find("08707", FIRST_NEW_DAY)).get()
                .extracting(AdministrativeUnit::name, AdministrativeUnit::parentCode)
                .containsExactly("Phường Vĩnh Yên", "25");
    }

    @Test
    void dinhTrungIsRuralUntilItBecomesAWardOnTheTenthOfApril2023() {
        assertThat(units.find("08725", LocalDate.parse("2023-04-09")).flatMap(AdministrativeUnit::areaType))
                .contains(AreaType.RURAL);
        assertThat(units.find("08725", LocalDate.parse("2023-04-10")).flatMap(AdministrativeUnit::areaType))
                .contains(AreaType.URBAN);
    }

    @Test
    void vinhYenHasNineWardsAndCommunesBeforeTheMergerAndTwoWardsAfter() {
        assertThat(communesWithin("243", LocalDate.parse("2022-01-01"))).hasSize(9);
        assertThat(communesWithin("243", LAST_OLD_DAY)).hasSize(9);
        assertThat(communesWithin("243", LAST_OLD_DAY).stream().flatMap(u -> u.successors().stream()).distinct())
                .containsExactlyInAnyOrder("08707", "08716");
    }

    @Test
    void from2025TheProvinceHas148CommuneLevelUnits133RuralAnd15UrbanAndNoDistricts() {
        for (LocalDate day : List.of(FIRST_NEW_DAY, LocalDate.parse("2025-08-01"), LocalDate.parse("2026-11-24"))) {
            List<AdministrativeUnit> inForce = units.inForceOn(day);
            List<AdministrativeUnit> communes = inForce.stream().filter(u -> u.type().isCommuneLevel()).toList();
            assertThat(communes).hasSize(148).allSatisfy(u -> assertThat(u.parentCode()).isEqualTo("25"));
            assertThat(communes.stream().collect(Collectors.groupingBy(u -> u.areaType().orElseThrow(),
                    Collectors.counting()))).containsExactlyInAnyOrderEntriesOf(Map.of(AreaType.RURAL, 133L,
                    AreaType.URBAN, 15L));
            assertThat(inForce).filteredOn(u -> !u.type().isCommuneLevel()).extracting(AdministrativeUnit::code)
                    .containsExactly("25");
        }
    }

    @Test
    void untilTheMergerThe479PredecessorsLieInTheirDistrictsOfThreeProvinces() {
        List<AdministrativeUnit> communes = units.inForceOn(LAST_OLD_DAY).stream()
                .filter(u -> u.type().isCommuneLevel()).toList();
        assertThat(communes).hasSize(479);
        Map<String, Long> byProvince = new TreeMap<>();
        for (AdministrativeUnit commune : communes) {
            AdministrativeUnit district = units.find(commune.parentCode(), LAST_OLD_DAY).orElseThrow();
            assertThat(district.type().level()).isEqualTo(UnitType.Level.DISTRICT);
            byProvince.merge(district.parentCode(), 1L, Long::sum);
        }
        // province-facts.md A: Phú Thọ 207, Vĩnh Phúc 121, Hòa Bình 151.
        assertThat(byProvince).containsExactlyEntriesOf(new TreeMap<>(Map.of("17", 151L, "25", 207L, "26", 121L)));
        assertThat(units.inForceOn(LAST_OLD_DAY)).filteredOn(u -> u.type().level() == UnitType.Level.DISTRICT)
                .hasSize(32);
    }

    @Test
    void everyPredecessorGoesToTheUnitsTheConversionTableNames() throws IOException {
        Map<String, Set<String>> table = new TreeMap<>();
        for (PhuThoUnitFile.Edge e : PhuThoUnitFile.edges(new ClassPathResource("units/phu-tho-2025").getFile()
                .toPath())) {
            table.computeIfAbsent(e.oldCode(), c -> new TreeSet<>()).add(e.newCode());
            assertThat(units.find(e.oldCode(), LAST_OLD_DAY)).as(e.oldCode()).get()
                    .extracting(AdministrativeUnit::name).isEqualTo(e.oldName());
            assertThat(units.find(e.newCode(), FIRST_NEW_DAY)).as(e.newCode()).get()
                    .extracting(AdministrativeUnit::name).isEqualTo(e.newName());
        }
        assertThat(table).hasSize(479);
        table.forEach((old, next) -> assertThat(units.find(old, LAST_OLD_DAY).orElseThrow().successors())
                .as("successors of %s", old).containsExactlyElementsOf(next));
    }

    @Test
    void threePredecessorsWereSplitBetweenTwoSuccessors() {
        Map<String, List<String>> split = units.inForceOn(LAST_OLD_DAY).stream().filter(AdministrativeUnit::isSplit)
                .collect(Collectors.toMap(AdministrativeUnit::name, AdministrativeUnit::successors, (a, b) -> a,
                        TreeMap::new));

        assertThat(split).containsExactlyEntriesOf(new TreeMap<>(Map.of("Xã Vầy Nưa", List.of("04828", "04891"),
                "Xã Cao Sơn", List.of("04924", "04960"), "Xã Đồng Tân", List.of("05200", "05212"))));
    }

    @Test
    void aMergedUnitIsCoveredByItsSuccessorAfterTheMerger() {
        assertThat(units.coveringOn("08710", LocalDate.parse("2022-06-01"))).contains("08710");
        assertThat(units.coveringOn("08710", LocalDate.parse("2026-01-01"))).contains("08716");
        assertThat(units.coveringOn("08731", FIRST_NEW_DAY)).contains("08707");
        assertThat(units.coveringOn("08725", LocalDate.parse("2026-01-01"))).contains("08716");
        // Through two versions: Xã Kim Long became Thị trấn Kim Long in 2023, which went into 08869 in 2025.
        assertThat(units.coverage("08878", LocalDate.parse("2022-05-01"), LocalDate.parse("2026-01-01")))
                .isEqualTo(new Coverage.Covered("08869"));
        assertThat(units.coveringOn("99999", LocalDate.parse("2026-01-01"))).isEmpty();
    }

    @Test
    void aSplitUnitIsCoveredByNoSuccessorUntilTheHouseholdsOwnIsRecorded() {
        Coverage vayNua = units.coverage("04891", LocalDate.parse("2024-03-01"), LocalDate.parse("2026-11-24"));

        assertThat(vayNua).isInstanceOfSatisfying(Coverage.Split.class, split -> {
            assertThat(split.predecessor().name()).isEqualTo("Xã Vầy Nưa");
            assertThat(split.successorCodes()).containsExactly("04828", "04891");
            assertThat(split.describe()).isEqualTo("Xã Vầy Nưa (04891) was split on 2025-07-01 between 04828 Phường "
                    + "Thống Nhất and 04891 Xã Tiền Phong");
        });
        assertThat(vayNua.covering()).isEmpty();
        assertThat(units.coveringOn("04957", LocalDate.parse("2026-01-01"))).isEmpty();
        assertThat(units.coverage("05221", LocalDate.parse("2022-01-01"), FIRST_NEW_DAY))
                .isInstanceOf(Coverage.Split.class);
    }

    @Test
    void aReusedCodeMeansTheUnitInForceOnTheDayItWasRecorded() {
        LocalDate today = LocalDate.parse("2026-11-24");
        // Before the split, Vầy Nưa covers itself.
        assertThat(units.coverage("04891", LocalDate.parse("2024-03-01"), LAST_OLD_DAY))
                .isEqualTo(new Coverage.Covered("04891"));
        // Recorded since the merger, 04891 is Xã Tiền Phong, whole.
        assertThat(units.coverage("04891", FIRST_NEW_DAY, today)).isEqualTo(new Coverage.Covered("04891"));
        assertThat(units.coverage("04891", LocalDate.parse("2025-08-01"), today)).isEqualTo(new Coverage.Covered("04891"));
        // The old Xã Tiền Phong (04888) went wholly into the new one.
        assertThat(units.coverage("04888", LocalDate.parse("2023-01-01"), today)).isEqualTo(new Coverage.Covered("04891"));
        // Đống Đa (08716 until 2025-06-30) and Phường Vĩnh Phúc (08716 since): the same answer, through the merger.
        assertThat(units.coverage("08716", LocalDate.parse("2022-01-01"), today)).isEqualTo(new Coverage.Covered("08716"));
        assertThat(units.coverage("12345", LocalDate.parse("2022-01-01"), today)).isEqualTo(new Coverage.Unknown());
    }

    @Test
    void aUnitThatNoLongerExistsIsNotFound() {
        assertThat(units.find("08710", LocalDate.parse("2026-11-24"))).isEmpty();
        assertThat(units.find("150", LocalDate.parse("2026-11-24"))).isEmpty();
        assertThat(units.find("99999", LocalDate.parse("2022-01-01"))).isEmpty();
    }

    @Test
    void unitsThatTookTheirFormAfter2021StartThatDay() {
        assertThat(units.versions("08878")).extracting(AdministrativeUnit::name, AdministrativeUnit::validFrom)
                .containsExactly(
                        tuple("Xã Kim Long", LocalDate.parse("2021-01-01")),
                        tuple("Thị trấn Kim Long", LocalDate.parse("2023-04-10")));
        assertThat(units.find("08035", LocalDate.parse("2024-12-31"))).isEmpty();
        assertThat(units.find("08035", LocalDate.parse("2025-01-01"))).get().extracting(AdministrativeUnit::name)
                .isEqualTo("Xã Hùng Long");
    }

    @Test
    void overlappingVersionsOfACodeStopTheLoadAndNameTheFile() {
        assertThatThrownBy(() -> UnitCatalog.load(List.of(file("overlap.json", """
                { "source": "test", "note": "", "units": [
                  %s,
                  { "code": "08725", "name": "Xã A", "type": "XA", "parentCode": "99", "validFrom": "2021-01-01", "validTo": "2023-04-10", "successors": ["08725"] },
                  { "code": "08725", "name": "Phường A", "type": "PHUONG", "parentCode": "99", "validFrom": "2023-04-10", "validTo": null, "successors": [] }
                ] }""".formatted(PROVINCE)))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("overlap.json")
                .hasMessageContaining("units[2]")
                .hasMessageContaining("overlaps");
    }

    @Test
    void anUnknownFieldStopsTheLoadWithTheLine() {
        assertThatThrownBy(() -> UnitCatalog.load(List.of(file("typo.json", """
                { "source": "test", "note": "", "units": [
                  { "code": "08725", "name": "Xã A", "type": "XA", "parentCode": null,
                    "validFrom": "2021-01-01", "valid_to": null, "successors": [] }
                ] }"""))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("typo.json line 3")
                .hasMessageContaining("valid_to");
    }

    @Test
    void aSuccessorThatDoesNotExistStopsTheLoad() {
        assertThatThrownBy(() -> UnitCatalog.load(List.of(file("successor.json", """
                { "source": "test", "note": "", "units": [
                  %s,
                  { "code": "08731", "name": "Xã A", "type": "XA", "parentCode": "99", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["08707"] }
                ] }""".formatted(PROVINCE)))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("successor.json units[1]")
                .hasMessageContaining("successor 08707 is not in force on 2025-07-01");
    }

    @Test
    void aCommuneThatEndsWithoutSuccessorsStopsTheLoad() {
        assertThatThrownBy(() -> UnitCatalog.load(List.of(file("lost.json", """
                { "source": "test", "note": "", "units": [
                  %s,
                  { "code": "08731", "name": "Xã A", "type": "XA", "parentCode": "99", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": [] }
                ] }""".formatted(PROVINCE)))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("lost.json units[1]")
                .hasMessageContaining("needs the successors");
    }

    @Test
    void aParentThatIsNotOfAHigherLevelOrEndsTooEarlyStopsTheLoad() {
        assertThatThrownBy(() -> UnitCatalog.load(List.of(file("parent.json", """
                { "source": "test", "note": "", "units": [
                  %s,
                  { "code": "08728", "name": "Xã B", "type": "XA", "parentCode": "99", "validFrom": "2021-01-01", "validTo": null, "successors": [] },
                  { "code": "08731", "name": "Xã A", "type": "XA", "parentCode": "08728", "validFrom": "2021-01-01", "validTo": null, "successors": [] }
                ] }""".formatted(PROVINCE)))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("parent.json units[2]")
                .hasMessageContaining("not of a higher level");
        assertThatThrownBy(() -> UnitCatalog.load(List.of(file("district.json", """
                { "source": "test", "note": "", "units": [
                  %s,
                  { "code": "150", "name": "Huyện B", "type": "HUYEN", "parentCode": "99", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": [] },
                  { "code": "08731", "name": "Xã A", "type": "XA", "parentCode": "150", "validFrom": "2021-01-01", "validTo": null, "successors": [] }
                ] }""".formatted(PROVINCE)))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("district.json units[2]")
                .hasMessageContaining("parent 150 ends");
    }

    @Test
    void aSplitUnitsSuccessorsMustBeCommunes() {
        assertThatThrownBy(() -> UnitCatalog.load(List.of(file("split.json", """
                { "source": "test", "note": "", "units": [
                  %s,
                  { "code": "150", "name": "Huyện B", "type": "HUYEN", "parentCode": "99", "validFrom": "2025-07-01", "validTo": null, "successors": [] },
                  { "code": "08728", "name": "Xã B", "type": "XA", "parentCode": "99", "validFrom": "2025-07-01", "validTo": null, "successors": [] },
                  { "code": "08731", "name": "Xã A", "type": "XA", "parentCode": "99", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["08728", "150"] }
                ] }""".formatted(PROVINCE)))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("split.json units[3]")
                .hasMessageContaining("successor 150 of a split unit is not commune-level");
    }

    private static final String PROVINCE = """
            { "code": "99", "name": "Tỉnh T", "type": "TINH", "parentCode": null, "validFrom": "2021-01-01", "validTo": null, "successors": [] }""";

    private List<AdministrativeUnit> communesWithin(String district, LocalDate date) {
        return units.inForceOn(date).stream().filter(u -> district.equals(u.parentCode())).toList();
    }

    private static ByteArrayResource file(String name, String json) {
        return new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8), name) {
            @Override
            public String getDescription() {
                return name;
            }
        };
    }
}
