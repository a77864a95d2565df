package vn.giamngheo.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.contracts.household.HouseholdClass.NEAR_POOR;
import static vn.giamngheo.contracts.household.HouseholdClass.POOR;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
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

/**
 * The report by household characteristic (Circular 07/2021 Appendix VII): households registered through
 * {@code household.events} with a female head or with nobody of working age, in Xã Yên Thủy (05353) and Xã Lạc
 * Lương (05362), which no other reporting test uses; figures per unit and in total, before and after a head changed.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacteristicsReportIT {

    static final LocalDate REGISTERED = LocalDate.parse("2025-08-01");
    static final LocalDate DECIDED = LocalDate.parse("2025-08-20");
    static final LocalDate HEAD_CHANGED = LocalDate.parse("2025-10-01");
    static final String BEFORE = "2025-09-30";
    static final String AFTER = "2025-10-31";

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    JsonNode figures(String area, String asOf) {
        return Http.get(url("/api/v1/areas/" + area + "/figures?asOf=" + asOf)).expectStatus(200).json();
    }

    long characteristic(String area, String asOf, String code, String klass) {
        JsonNode n = figures(area, asOf).get("characteristics").get(code);
        return n == null ? 0 : n.get(klass).asLong();
    }

    @BeforeAll
    void sendTheHouseholds() {
        // Yên Thủy: a woman heads a poor household with her child.
        Households.in("05353", "1980-03-01", "2010-05-01").headedBy("FEMALE").registered(REGISTERED)
                .decided(DECIDED, POOR, Transition.INITIAL, "EMPLOYMENT");
        // Yên Thủy: a near-poor couple past the retirement age, nobody of working age.
        Households.in("05353", "1950-01-01", "1952-01-01").registered(REGISTERED)
                .decided(DECIDED, NEAR_POOR, Transition.INITIAL, "HEALTH_INSURANCE");
        // Yên Thủy: a poor couple headed by the husband until his wife becomes the head on 2025-10-01.
        Households.in("05353", "1985-01-01", "1987-01-01").registered(REGISTERED)
                .decided(DECIDED, POOR, Transition.INITIAL, "SANITATION")
                .headChanged(HEAD_CHANGED, 1);
        // Lạc Lương: a woman of 65 living alone, poor: a female head and nobody of working age.
        Households.in("05362", "1960-01-01").headedBy("FEMALE").registered(REGISTERED)
                .decided(DECIDED, POOR, Transition.INITIAL, "EMPLOYMENT");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> characteristic("05353", AFTER, "FEMALE_HEAD",
                "poor") == 2 && characteristic("05362", AFTER, "FEMALE_HEAD", "poor") == 1);
    }

    @Test
    void theFiguresCountEachCharacteristicPerClassAndFollowTheHeadChange() {
        assertThat(characteristic("05353", BEFORE, "FEMALE_HEAD", "poor")).isEqualTo(1);
        assertThat(characteristic("05353", AFTER, "FEMALE_HEAD", "poor")).isEqualTo(2);
        assertThat(characteristic("05353", AFTER, "FEMALE_HEAD", "nearPoor")).isZero();
        assertThat(characteristic("05353", AFTER, "NO_WORKING_AGE_MEMBER", "nearPoor")).isEqualTo(1);
        assertThat(characteristic("05353", AFTER, "NO_WORKING_AGE_MEMBER", "poor")).isZero();
        assertThat(characteristic("05362", BEFORE, "NO_WORKING_AGE_MEMBER", "poor")).isEqualTo(1);
        // Before the registration nothing counts.
        assertThat(figures("05353", "2025-07-31").get("characteristics").isEmpty()).isTrue();
    }

    @Test
    void aCommunesReportHasItsRowAndTheTotalBeforeAndAfterTheChange() throws Exception {
        List<List<String>> before = rows("/api/v1/reports/characteristics.xlsx?area=05353&asOf=" + BEFORE);
        assertThat(before.get(0).get(0)).isEqualTo("HỘ NGHÈO, HỘ CẬN NGHÈO THEO ĐẶC ĐIỂM HỘ — XÃ YÊN THỦY");
        assertThat(before.get(1).get(0)).isEqualTo("Số liệu đến ngày 30/09/2025");
        assertThat(row(before, "Đơn vị")).containsExactly("Đơn vị", "Tổng số hộ nghèo", "Hộ nghèo có chủ hộ là nữ",
                "Hộ nghèo không có thành viên trong độ tuổi lao động", "Tổng số hộ cận nghèo",
                "Hộ cận nghèo có chủ hộ là nữ", "Hộ cận nghèo không có thành viên trong độ tuổi lao động");
        assertThat(row(before, "Tổng cộng")).containsExactly("Tổng cộng", "2", "1", "0", "1", "0", "1");
        assertThat(row(before, "Xã Yên Thủy")).containsExactly("Xã Yên Thủy", "2", "1", "0", "1", "0", "1");
        List<List<String>> after = rows("/api/v1/reports/characteristics.xlsx?area=05353&asOf=" + AFTER);
        assertThat(row(after, "Tổng cộng")).containsExactly("Tổng cộng", "2", "2", "0", "1", "0", "1");
    }

    @Test
    void theProvincesReportHasARowPerCommuneAndTotalsEqualToTheFigures() throws Exception {
        List<List<String>> province = rows("/api/v1/reports/characteristics.xlsx?area=25&asOf=" + AFTER);
        assertThat(row(province, "Xã Yên Thủy")).containsExactly("Xã Yên Thủy", "2", "2", "0", "1", "0", "1");
        assertThat(row(province, "Xã Lạc Lương")).containsExactly("Xã Lạc Lương", "1", "1", "1", "0", "0", "0");
        JsonNode total = figures("25", AFTER);
        assertThat(row(province, "Tổng cộng")).containsExactly("Tổng cộng",
                String.valueOf(total.get("households").get("POOR").asLong()),
                String.valueOf(characteristic("25", AFTER, "FEMALE_HEAD", "poor")),
                String.valueOf(characteristic("25", AFTER, "NO_WORKING_AGE_MEMBER", "poor")),
                String.valueOf(total.get("households").get("NEAR_POOR").asLong()),
                String.valueOf(characteristic("25", AFTER, "FEMALE_HEAD", "nearPoor")),
                String.valueOf(characteristic("25", AFTER, "NO_WORKING_AGE_MEMBER", "nearPoor")));
        assertThat(characteristic("25", AFTER, "FEMALE_HEAD", "poor")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aBadDateOrAreaIsRefusedNamingIt() {
        JsonNode early = Http.get(url("/api/v1/reports/characteristics.xlsx?area=25&asOf=2020-12-31"))
                .expectStatus(400).json();
        assertThat(early.get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        Http.get(url("/api/v1/reports/characteristics.xlsx?area=99999&asOf=" + AFTER)).expectStatus(404);
    }

    /** The first sheet's rows as text, numbers without decimals. */
    List<List<String>> rows(String path) throws Exception {
        byte[] xlsx = Http.download(url(path));
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell c : r) {
                    cells.add(switch (c.getCellType()) {
                        case NUMERIC -> String.valueOf((long) c.getNumericCellValue());
                        default -> c.getStringCellValue();
                    });
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    static List<String> row(List<List<String>> rows, String first) {
        return rows.stream().filter(r -> !r.isEmpty() && r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + rows));
    }
}
