package vn.giamngheo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.giamngheo.local.Population.Home;

class PopulationTest {

    @Test
    void theMergedProvinceSpreadsItsHouseholdsOverThe148CommunesByTheirFormerUnits() {
        Population.Place province = Population.place("merged-province");

        assertThat(province.area()).isEqualTo("25");
        assertThat(province.units()).hasSize(148).allSatisfy(u -> assertThat(u.ward2025()).isEqualTo(u.code()));
        assertThat(province.units().stream().mapToDouble(Population.Unit::share).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(province.units().stream().filter(u -> !u.rural())).hasSize(15);
        // Thu Cúc was kept whole (one former unit); Phường Hòa Bình was formed from seven.
        Map<String, Double> share = province.units().stream()
                .collect(Collectors.toMap(Population.Unit::code, Population.Unit::share));
        assertThat(share.get("04795") / share.get("08545")).isCloseTo(7.0, org.assertj.core.data.Offset.offset(1e-9));
        // Thống Nhất: three whole former units and half of the split Vầy Nưa.
        assertThat(share.get("04828") / share.get("08545")).isCloseTo(3.5, org.assertj.core.data.Offset.offset(1e-9));

        List<Home> homes = new Population(7, province).generate(Population.SIZES.get("merged-province"));
        assertThat(homes.size()).isBetween(1_005_262 - 148, 1_005_262 + 148);
        assertThat(homes.stream().filter(h -> h.unit.code().equals("04828")).findFirst().orElseThrow()
                .registrationJson(province.registeredOn())).contains("\"unitCode\":\"04828\"")
                .contains("\"registeredOn\":\"2025-07-01\"").contains("Tổ dân phố Thống Nhất ");
    }

    @Test
    void theFormerVinhPhucIsTheCommunesFormedFromItsUnits() {
        Population.Place vinhPhuc = Population.place("province");

        assertThat(vinhPhuc.area()).isEqualTo("26");
        // province-facts.md A: Vĩnh Phúc 121 → 36 (32 xã + 4 phường).
        assertThat(vinhPhuc.units()).hasSize(36);
        assertThat(vinhPhuc.units().stream().filter(u -> !u.rural())).hasSize(4);
        assertThat(vinhPhuc.units()).extracting(Population.Unit::code).contains("08707", "08716");
    }

    @Test
    void theCityAndANumberStayInVinhYensNineUnits() {
        assertThat(Population.place("city")).isSameAs(Population.VINH_YEN);
        assertThat(Population.place("80000")).isSameAs(Population.VINH_YEN);
        List<Home> a = new Population(2022).generate(2000);
        List<Home> b = new Population(2022, Population.VINH_YEN).generate(2000);
        assertThat(a).hasSameSizeAs(b);
        assertThat(a.get(1234).members).isEqualTo(b.get(1234).members);
    }

    @Test
    void theDemoHasFiveCommunesOfTheProvinceBesidesVinhYen() {
        Population.Place demo = DemoCity.demoProvince(Population.units());

        assertThat(demo.units()).extracting(Population.Unit::code)
                .containsExactlyInAnyOrderElementsOf(DemoCity.PROVINCE_COMMUNES);
        assertThat(new Population(2023, demo).generate(15)).hasSize(15);
    }
}
