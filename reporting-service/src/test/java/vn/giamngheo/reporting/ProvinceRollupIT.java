package vn.giamngheo.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.contracts.household.HouseholdClass.NEAR_POOR;
import static vn.giamngheo.contracts.household.HouseholdClass.POOR;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/**
 * Households of the former Hòa Bình province, decided in 2024, rolled up before and after the 2025 merger: the
 * former districts of Đà Bắc (150) and Hòa Bình city (148) on an earlier date, Phường Thống Nhất (04828) and Xã Tiền
 * Phong (04891) today, and the province (25). Xã Vầy Nưa (04891 until 2025-06-30) was split between the two: one of
 * its households has its successor recorded (04828), the other not, so it counts in the province and the former
 * district but in neither commune. Nothing else of the reporting tests lies in these two former districts.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceRollupIT {

    static final LocalDate REGISTERED = LocalDate.parse("2024-02-01");
    static final LocalDate DECIDED = LocalDate.parse("2024-02-20");
    static final String END_2024 = "2024-12-31";
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @LocalServerPort
    int port;

    long cityBeforeTheThanhTruHousehold;
    /**
     * The former Hòa Bình province's (17) figures before this class sends its households: other classes of the same
     * run register households there too (CharacteristicsReportIT), so its counts are compared as differences.
     */
    long hoaBinhPoorEnd2024;
    long hoaBinhPoorToday;
    long hoaBinhNearPoorToday;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    JsonNode figures(String area, String asOf) {
        return Http.get(url("/api/v1/areas/" + area + "/figures?asOf=" + asOf)).expectStatus(200).json();
    }

    long count(String area, String asOf, String klass) {
        return figures(area, asOf).get("households").get(klass).asLong();
    }

    @BeforeAll
    void sendTheHouseholds() {
        cityBeforeTheThanhTruHousehold = count("243", "2024-01-31", "POOR");
        hoaBinhPoorEnd2024 = count("17", END_2024, "POOR");
        hoaBinhPoorToday = count("17", TODAY, "POOR");
        hoaBinhNearPoorToday = count("17", TODAY, "NEAR_POOR");
        // Old Xã Tiền Phong (04888), wholly in the new Xã Tiền Phong (04891).
        Households.in("04888", "1970-01-01", "1972-01-01").registered(REGISTERED)
                .decided(DECIDED, POOR, Transition.INITIAL, "HEALTH_INSURANCE", "SANITATION", "TELECOM");
        // Xã Vầy Nưa, split; this household's successor was never recorded.
        Households.in("04891", "1980-01-01", "1983-01-01", "2010-01-01").registered(REGISTERED)
                .decided(DECIDED, POOR, Transition.INITIAL, "HEALTH_INSURANCE", "SANITATION", "DRINKING_WATER");
        // Xã Vầy Nưa, its village recorded in Phường Thống Nhất from 2025-07-01.
        Households.in("04891", "1975-01-01", "1977-01-01").registered(REGISTERED)
                .decided(DECIDED, NEAR_POOR, Transition.INITIAL, "TELECOM")
                .successorRecorded("04828", LocalDate.parse("2025-07-01"));
        // The old Phường Thống Nhất (04828, Hòa Bình city), wholly in the new one.
        Households.in("04828", "1965-01-01").registered(REGISTERED)
                .decided(DECIDED, POOR, Transition.INITIAL, "EMPLOYMENT", "NUTRITION", "HOUSING_AREA");
        // Xã Thanh Trù of the former city of Vĩnh Yên.
        Households.in("08731", "1990-01-01", "1992-01-01").registered(REGISTERED)
                .decided(DECIDED, POOR, Transition.INITIAL, "EMPLOYMENT", "HOUSING_QUALITY", "SANITATION");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("17", END_2024, "POOR")
                == hoaBinhPoorEnd2024 + 3
                && count("04828", TODAY, "NEAR_POOR") == 1 && count("243", END_2024, "POOR")
                == cityBeforeTheThanhTruHousehold + 1);
    }

    @Test
    void theFormerDistrictsOnAnEarlierDate() {
        JsonNode daBac = figures("150", END_2024);
        assertThat(daBac.get("areaName").asString()).isEqualTo("Huyện Đà Bắc");
        assertThat(daBac.get("households").get("POOR").asLong()).isEqualTo(2);
        assertThat(daBac.get("households").get("NEAR_POOR").asLong()).isEqualTo(1);
        assertThat(count("148", END_2024, "POOR")).isEqualTo(1);
        JsonNode vayNua = figures("04891", END_2024);
        assertThat(vayNua.get("areaName").asString()).isEqualTo("Xã Vầy Nưa");
        assertThat(vayNua.get("households").get("POOR").asLong()).isEqualTo(1);
        assertThat(vayNua.get("households").get("NEAR_POOR").asLong()).isEqualTo(1);
        // Before the merger, code 25 is the former Phú Thọ: none of these; the new province's territory has them all.
        assertThat(count("25", END_2024, "POOR")).isEqualTo(count("25", "2024-01-31", "POOR"));
        assertThat(count("25@2025-07-01", END_2024, "POOR") - count("25@2025-07-01", "2024-01-31", "POOR"))
                .isEqualTo(4);
    }

    @Test
    void theFormerCityOnAnEarlierDate() {
        assertThat(count("243", END_2024, "POOR")).isEqualTo(cityBeforeTheThanhTruHousehold + 1);
        assertThat(count("08731", END_2024, "POOR")).isEqualTo(1);
        // Thanh Trù went wholly into Phường Vĩnh Yên, whose territory holds it today.
        assertThat(count("08707", TODAY, "POOR")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void eachCommuneToday() {
        JsonNode thongNhat = figures("04828", TODAY);
        assertThat(thongNhat.get("areaName").asString()).isEqualTo("Phường Thống Nhất");
        assertThat(thongNhat.get("households").get("POOR").asLong()).isEqualTo(1);
        assertThat(thongNhat.get("households").get("NEAR_POOR").asLong()).isEqualTo(1);
        JsonNode tienPhong = figures("04891", TODAY);
        assertThat(tienPhong.get("areaName").asString()).isEqualTo("Xã Tiền Phong");
        assertThat(tienPhong.get("households").get("POOR").asLong()).isEqualTo(1);
        assertThat(tienPhong.get("households").get("NEAR_POOR").asLong()).isZero();
        // The former district's territory today: Tiền Phong and the unassigned part of Vầy Nưa, not Thống Nhất.
        assertThat(count("150", TODAY, "POOR")).isEqualTo(2);
        assertThat(count("150", TODAY, "NEAR_POOR")).isZero();
        assertThat(count("17", TODAY, "POOR")).isEqualTo(hoaBinhPoorToday + 3);
        assertThat(count("17", TODAY, "NEAR_POOR")).isEqualTo(hoaBinhNearPoorToday + 1);
    }

    @Test
    void theProvinceTodayIsItsCommunesAndTheHouseholdsOfASplitUnitStillToBeAssigned() {
        JsonNode table = Http.get(url("/api/v1/areas/25/units")).expectStatus(200).json();

        assertThat(table.get("area").get("name").asString()).isEqualTo("Tỉnh Phú Thọ");
        assertThat(table.get("units").size()).isEqualTo(148);
        long poorInRows = 0;
        long nearPoorInRows = 0;
        for (JsonNode row : table.get("units")) {
            poorInRows += row.get("households").get("POOR").asLong();
            nearPoorInRows += row.get("households").get("NEAR_POOR").asLong();
        }
        assertThat(table.get("total").get("households").get("POOR").asLong() - poorInRows).isEqualTo(1);
        assertThat(table.get("total").get("households").get("NEAR_POOR").asLong()).isEqualTo(nearPoorInRows);
    }

    @Test
    void theProvincesReviewSummaryHasARowPerCommune() throws Exception {
        byte[] xlsx = Http.download(url("/api/v1/reports/review-summary.xlsx?area=25&from=2024-01-01&to="
                + END_2024));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            StringBuilder names = new StringBuilder();
            sheet.forEach(row -> names.append(row.getCell(0) == null ? "" : row.getCell(0).toString()).append('|'));
            // On 2024-12-31 code 25 is the former Phú Thọ, with its 207 units.
            assertThat(names.toString()).contains("Xã Thu Cúc").doesNotContain("Xã Vầy Nưa");
        }
        byte[] today = Http.download(url("/api/v1/reports/review-summary.xlsx?area=25"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(today))) {
            StringBuilder names = new StringBuilder();
            book.getSheetAt(0).forEach(row -> names.append(row.getCell(0) == null ? "" : row.getCell(0).toString())
                    .append('|'));
            assertThat(names.toString()).contains("|Phường Thống Nhất|").contains("|Xã Tiền Phong|")
                    .contains("|Phường Vĩnh Yên|").contains("|Tổng cộng|");
        }
    }

    @Test
    void theProvincesPlanShipsAndTheSoAddsACommunesPlanThroughTheApi() {
        JsonNode province = Http.get(url("/api/v1/plans/phu-tho-2026")).expectStatus(200).json();
        assertThat(province.get("area").asString()).isEqualTo("25");
        assertThat(province.get("targets")).extracting(t -> t.get("indicator").asString())
                .containsExactly("POOR_RATE", "HEALTH_INSURANCE_COVERAGE");
        String commune = """
                {"title":"Kế hoạch giảm nghèo năm 2026 của phường Thống Nhất","basis":"Kế hoạch của UBND phường",
                 "area":"%s","year":2026,"targets":[{"indicator":"POOR_HOUSEHOLDS","min":1,"max":2}]}""";

        assertThat(Http.status(TestTokens.role("WARD_OFFICER", "04828"), "PUT", url("/api/v1/plans/thong-nhat-2026"),
                commune.formatted("04828"))).isEqualTo(403);
        JsonNode saved = Http.as(TestTokens.role("LABOUR_OFFICER", "*"), () -> Http.put(
                url("/api/v1/plans/thong-nhat-2026"), commune.formatted("04828"))).expectStatus(200).json();
        Http.Response former = Http.put(url("/api/v1/plans/vay-nua-2026"), commune.formatted("04891@2021-01-01"));

        assertThat(saved.get("area").asString()).isEqualTo("04828");
        JsonNode progress = Http.get(url("/api/v1/plans/thong-nhat-2026/progress")).expectStatus(200).json();
        assertThat(progress.get("areaName").asString()).isEqualTo("Phường Thống Nhất");
        assertThat(former.status()).isEqualTo(400);
        assertThat(former.body()).contains("\"field\":\"area\"").contains("Xã Vầy Nưa").contains("not in force");
        assertThat(Http.get(url("/api/v1/plans/vay-nua-2026")).status()).isEqualTo(404);
    }
}
