package vn.giamngheo.household.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/** The dated units as the open API lists them: Phú Thọ's 148 communes since 2025-07-01, the 479 units before. */
@ServiceIntegrationTest
class UnitsApiIT {

    @LocalServerPort
    int port;

    List<JsonNode> units(String query) {
        JsonNode list = Http.as(null, () -> Http.get("http://localhost:" + port + "/api/v1/units?" + query))
                .expectStatus(200).json();
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    @Test
    void onTheFirstOfAugust2025TheProvinceHas148CommunesAndNoDistricts() {
        List<JsonNode> all = units("date=2025-08-01");
        List<JsonNode> communes = units("date=2025-08-01&level=COMMUNE");

        assertThat(all).hasSize(149);
        assertThat(all.getFirst().get("code").asString()).isEqualTo("25");
        assertThat(communes).hasSize(148).allSatisfy(u -> {
            assertThat(u.get("province").get("code").asString()).isEqualTo("25");
            assertThat(u.get("district").isNull()).isTrue();
        });
        assertThat(communes.stream().filter(u -> u.get("areaType").asString().equals("URBAN"))).hasSize(15);
        assertThat(units("date=2025-08-01&within=25")).hasSize(148);
    }

    @Test
    void onTheLastDayOfJune2025The479PredecessorsListUnderTheirDistrictsAndProvinces() {
        List<JsonNode> communes = units("date=2025-06-30&level=COMMUNE");

        assertThat(communes).hasSize(479);
        Map<String, Integer> byProvince = new TreeMap<>();
        for (JsonNode u : communes) {
            assertThat(u.get("district").get("code").asString()).isEqualTo(u.get("parentCode").asString());
            byProvince.merge(u.get("province").get("name").asString(), 1, Integer::sum);
        }
        assertThat(byProvince).containsExactlyEntriesOf(new TreeMap<>(Map.of("Tỉnh Hoà Bình", 151, "Tỉnh Phú Thọ",
                207, "Tỉnh Vĩnh Phúc", 121)));
        assertThat(units("date=2025-06-30&level=DISTRICT")).hasSize(32);
        assertThat(units("date=2025-06-30&within=243")).extracting(u -> u.get("name").asString())
                .contains("Phường Tích Sơn", "Xã Thanh Trù").hasSize(9);
        assertThat(units("date=2025-06-30&within=26&level=COMMUNE")).hasSize(121);
    }

    @Test
    void aReusedCodeNamesTheUnitOfTheDateAsked() {
        JsonNode vayNua = units("date=2025-06-30&within=150").stream()
                .filter(u -> u.get("code").asString().equals("04891")).findFirst().orElseThrow();
        JsonNode tienPhong = units("date=2025-08-01").stream()
                .filter(u -> u.get("code").asString().equals("04891")).findFirst().orElseThrow();

        assertThat(vayNua.get("name").asString()).isEqualTo("Xã Vầy Nưa");
        assertThat(vayNua.get("successors")).extracting(JsonNode::asString).containsExactly("04828", "04891");
        assertThat(tienPhong.get("name").asString()).isEqualTo("Xã Tiền Phong");
    }

    @Test
    void anUnknownUnitOrLevelIsA400NamingTheParameter() {
        Http.Response unknown = Http.as(null, () -> Http.get("http://localhost:" + port
                + "/api/v1/units?date=2026-01-01&within=243"));
        Http.Response level = Http.as(null, () -> Http.get("http://localhost:" + port + "/api/v1/units?level=TOWN"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"within\"").contains("243");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.body()).contains("\"field\":\"level\"");
    }
}
