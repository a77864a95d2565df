package vn.giamngheo.reporting.areas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.platform.units.UnitCatalog;

class AreasTest {

    static final Areas AREAS = new Areas(UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
            new ClassPathResource("units/vinh-yen.json"))));

    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static final LocalDate BEFORE = LocalDate.parse("2025-06-30");

    @Test
    void theProvincesCommunesShareItsTerritoryWithoutOverlap() {
        Area province = AREAS.resolve("25", TODAY);
        List<Area> communes = AREAS.communesWithin(province, TODAY);

        assertThat(communes).hasSize(148);
        Set<String> seen = new HashSet<>();
        for (Area commune : communes) {
            for (String atom : commune.atoms()) {
                assertThat(seen.add(atom)).as("%s of %s is in another commune too", atom, commune.name()).isTrue();
            }
        }
        assertThat(seen).isEqualTo(province.atoms());
    }

    @Test
    void theFormerProvincesDistrictsAndCityAreHistoricalAreasOfTheProvince() {
        Area province = AREAS.resolve("25@2025-07-01", BEFORE);
        Area city = AREAS.resolve("243", BEFORE);

        assertThat(province.name()).isEqualTo("Tỉnh Phú Thọ");
        for (String old : List.of("17", "25", "26", "150", "243")) {
            assertThat(province.covers(AREAS.resolve(old, BEFORE))).as(old).isTrue();
        }
        // Code 25 on a day before the merger is the former, smaller Phú Thọ.
        assertThat(AREAS.resolve("25", BEFORE).covers(AREAS.resolve("150", BEFORE))).isFalse();
        assertThat(AREAS.communesWithin(city, BEFORE)).hasSize(9);
        assertThat(city.covers(AREAS.resolve("08707", TODAY))).isTrue();
        assertThat(city.covers(AREAS.resolve("08716", TODAY))).isTrue();
        assertThat(AREAS.communesWithin(AREAS.resolve("26", BEFORE), BEFORE)).hasSize(121);
    }

    @Test
    void aSplitUnitLiesInItsDistrictAndTheProvinceButInNeitherSuccessor() {
        Area vayNua = AREAS.resolve("04891", BEFORE);
        Area thongNhat = AREAS.resolve("04828", TODAY);
        Area tienPhong = AREAS.resolve("04891", TODAY);

        assertThat(vayNua.name()).isEqualTo("Xã Vầy Nưa");
        assertThat(tienPhong.name()).isEqualTo("Xã Tiền Phong");
        assertThat(AREAS.resolve("150", BEFORE).covers(vayNua)).isTrue();
        assertThat(AREAS.resolve("25", TODAY).covers(vayNua)).isTrue();
        assertThat(thongNhat.covers(vayNua)).isFalse();
        assertThat(tienPhong.covers(vayNua)).isFalse();
        // Each successor holds its part: the two parts are the whole.
        Set<String> parts = new HashSet<>(thongNhat.atoms());
        parts.retainAll(vayNua.atoms());
        Set<String> other = new HashSet<>(tienPhong.atoms());
        other.retainAll(vayNua.atoms());
        assertThat(parts).isNotEmpty().doesNotContainAnyElementsOf(other);
        parts.addAll(other);
        assertThat(parts).isEqualTo(vayNua.atoms());
    }
}
