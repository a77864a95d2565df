package vn.giamngheo.platform.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class UnitCatalogTest {

    private final UnitCatalog vinhYen = UnitCatalog.load(List.of(new ClassPathResource("units/vinh-yen.json")));

    @Test
    void codeZeroEightSevenZeroSevenChangesMeaningOnTheFirstOfJuly2025() {
        assertThat(vinhYen.find("08707", LocalDate.parse("2025-06-30"))).get()
                .extracting(AdministrativeUnit::name).isEqualTo("Phường Tích Sơn");
        assertThat(vinhYen.find("08707", LocalDate.parse("2025-07-01"))).get()
                .extracting(AdministrativeUnit::name, AdministrativeUnit::parentCode)
                .containsExactly("Phường Vĩnh Yên", "25");
    }

    @Test
    void dinhTrungIsRuralUntilItBecomesAWardOnTheTenthOfApril2023() {
        assertThat(vinhYen.find("08725", LocalDate.parse("2023-04-09")).flatMap(AdministrativeUnit::areaType))
                .contains(AreaType.RURAL);
        assertThat(vinhYen.find("08725", LocalDate.parse("2023-04-10")).flatMap(AdministrativeUnit::areaType))
                .contains(AreaType.URBAN);
    }

    @Test
    void nineWardsAndCommunesBeforeTheMergerTwoWardsAfter() {
        assertThat(communeLevel(LocalDate.parse("2022-01-01"))).hasSize(9);
        assertThat(communeLevel(LocalDate.parse("2025-06-30"))).hasSize(9);
        assertThat(communeLevel(LocalDate.parse("2025-07-01"))).extracting(AdministrativeUnit::code)
                .containsExactlyInAnyOrder("08707", "08716");
    }

    @Test
    void everyOldUnitHasASuccessorInForceTheDayAfterItEnds() {
        for (AdministrativeUnit old : communeLevel(LocalDate.parse("2025-06-30"))) {
            assertThat(old.successors()).isNotEmpty();
            assertThat(old.successors()).allSatisfy(code ->
                    assertThat(vinhYen.find(code, old.validTo().plusDays(1))).isPresent());
        }
    }

    @Test
    void aMergedUnitIsCoveredByItsSuccessorAfterTheMerger() {
        assertThat(vinhYen.coveringOn("08710", LocalDate.parse("2022-06-01"))).contains("08710");
        assertThat(vinhYen.coveringOn("08710", LocalDate.parse("2026-01-01"))).contains("08716");
        assertThat(vinhYen.coveringOn("08731", LocalDate.parse("2025-07-01"))).contains("08707");
        assertThat(vinhYen.coveringOn("08725", LocalDate.parse("2026-01-01"))).contains("08716");
        assertThat(vinhYen.coveringOn("99999", LocalDate.parse("2026-01-01"))).isEmpty();
    }

    @Test
    void aUnitThatNoLongerExistsIsNotFound() {
        assertThat(vinhYen.find("08710", LocalDate.parse("2026-11-24"))).isEmpty();
        assertThat(vinhYen.find("99999", LocalDate.parse("2022-01-01"))).isEmpty();
    }

    @Test
    void overlappingVersionsOfACodeStopTheLoadAndNameTheFile() {
        assertThatThrownBy(() -> UnitCatalog.load(List.of(file("overlap.json", """
                { "source": "test", "note": "", "units": [
                  { "code": "08725", "name": "Xã A", "type": "XA", "parentCode": null, "validFrom": "2021-01-01", "validTo": "2023-04-10", "successors": ["08725"] },
                  { "code": "08725", "name": "Phường A", "type": "PHUONG", "parentCode": null, "validFrom": "2023-04-10", "validTo": null, "successors": [] }
                ] }"""))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("overlap.json")
                .hasMessageContaining("units[1]")
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
                  { "code": "08731", "name": "Xã A", "type": "XA", "parentCode": null, "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["08707"] }
                ] }"""))))
                .isInstanceOf(InvalidUnitDataException.class)
                .hasMessageContaining("successor 08707 is not in force on 2025-07-01");
    }

    private List<AdministrativeUnit> communeLevel(LocalDate date) {
        return vinhYen.inForceOn(date).stream().filter(u -> u.type().isCommuneLevel()).toList();
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
