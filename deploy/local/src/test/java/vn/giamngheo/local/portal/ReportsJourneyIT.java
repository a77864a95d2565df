package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Sở NN&MT's official reports (issue 24 item 4), in real headless Chromium signed in as {@code so-nnmt}: from the
 * home page to the report page; the by-characteristic report of Circular 07/2021 Appendix VII for the province and
 * for Phường Vĩnh Yên (08707) on 31/12/2025, fetched as the page's form asks for it in the officer's session, read with POI
 * and converted with LibreOffice (Vietnamese headings intact, the totals equal to reporting-service's figures for the
 * same area and day); a day that does not exist shows its error beside the field, the typed value kept. Every page
 * is checked with axe-core and photographed (names starting "b").
 */
@ExtendWith(PortalPlatform.Running.class)
class ReportsJourneyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A day in the past whatever today is; the demo's households were decided before it. */
    private static final String DAY = "31/12/2025";
    private static final String ISO_DAY = "2025-12-31";

    private static PortalPlatform platform;
    private static String portal;

    @BeforeAll
    static void onThePlatform() {
        platform = PortalPlatform.shared();
        portal = platform.portal();
    }

    @Test
    void theSoNnmtDownloadsTheByCharacteristicReportForTheProvinceAndForAWard() throws Exception {
        try (PortalBrowser duc = new PortalBrowser(portal, 1280, 900)) {
            duc.signIn("so-nnmt", "demo");
            duc.driver.findElement(By.linkText("Tải báo cáo theo Thông tư 07/2021")).click();
            duc.waitFor(By.id("asOf"));
            assertThat(duc.heading()).isEqualTo("Báo cáo theo Thông tư 07/2021/TT-BLĐTBXH");
            duc.check("b01-bao-cao");

            duc.driver.findElement(By.id("form-dac-diem")).click();
            new Select(duc.driver.findElement(By.id("area"))).selectByValue("25");
            duc.driver.findElement(By.id("asOf")).sendKeys(DAY);
            Report province = report(duc);
            assertThat(province.rows().get(0).get(0))
                    .isEqualTo("HỘ NGHÈO, HỘ CẬN NGHÈO THEO ĐẶC ĐIỂM HỘ — TỈNH PHÚ THỌ");
            assertThat(province.csv()).contains("HỘ NGHÈO, HỘ CẬN NGHÈO THEO ĐẶC ĐIỂM HỘ — TỈNH PHÚ THỌ",
                    "Số liệu đến ngày 31/12/2025", "Hộ nghèo có chủ hộ là nữ",
                    "Hộ cận nghèo không có thành viên trong độ tuổi lao động", "Phường Vĩnh Phúc");
            JsonNode whole = figures("25");
            List<String> expected = totals("Tổng cộng", whole);
            assertThat(row(province.rows(), "Tổng cộng")).isEqualTo(expected);
            assertThat(province.csvLines()).as("LibreOffice reads the same totals")
                    .contains(String.join(",", expected));
            assertThat(whole.get("households").get("POOR").asLong() + whole.get("households").get("NEAR_POOR")
                    .asLong()).as("the demo's poor and near-poor households are counted").isPositive();

            new Select(duc.driver.findElement(By.id("area"))).selectByValue("08707");
            Report ward = report(duc);
            assertThat(ward.csv()).contains("HỘ NGHÈO, HỘ CẬN NGHÈO THEO ĐẶC ĐIỂM HỘ — PHƯỜNG VĨNH YÊN");
            List<String> wardTotals = totals("Tổng cộng", figures("08707"));
            assertThat(row(ward.rows(), "Tổng cộng")).isEqualTo(wardTotals);
            assertThat(ward.csvLines()).contains(String.join(",", wardTotals));
            List<String> wardInProvince = new ArrayList<>(wardTotals);
            wardInProvince.set(0, "Phường Vĩnh Yên");
            assertThat(row(province.rows(), "Phường Vĩnh Yên")).isEqualTo(wardInProvince);
        }
    }

    @Test
    void aDayThatDoesNotExistIsShownBesideTheFieldWithWhatWasTyped() {
        try (PortalBrowser duc = new PortalBrowser(portal, 360, 800)) {
            duc.signIn("so-nnmt", "demo");
            duc.open("/bao-cao");
            duc.waitFor(By.id("asOf"));
            duc.driver.findElement(By.id("asOf")).sendKeys("31/02/2025");
            duc.driver.findElement(By.cssSelector("main form .actions button.button")).click();
            duc.waitFor(By.cssSelector(".error-summary"));
            assertThat(duc.driver.findElement(By.cssSelector(".error-summary a")).getAttribute("href"))
                    .endsWith("#asOf");
            assertThat(duc.driver.findElement(By.id("asOf-error")).getText())
                    .contains("“31/02/2025” không phải một ngày có thật");
            assertThat(duc.driver.findElement(By.id("asOf")).getDomProperty("value")).isEqualTo("31/02/2025");
            assertThat(duc.driver.getTitle()).startsWith("Lỗi:");
            duc.check("b02-bao-cao-ngay-sai");
        }
    }

    /** A workbook's first sheet: as POI reads it (rows of text, whole numbers) and as LibreOffice converts it. */
    record Report(List<List<String>> rows, String csv) {

        /** The CSV's lines without the empty cells LibreOffice writes up to the sheet's widest row. */
        List<String> csvLines() {
            return csv.lines().map(l -> l.replaceAll(",+$", "")).toList();
        }
    }

    /** The file the page's form asks for (its fields as the browser would send them), in the officer's session. */
    private static Report report(PortalBrowser browser) throws Exception {
        String query = (String) browser.driver.executeScript(
                "return new URLSearchParams(new FormData(document.querySelector('main form'))).toString();");
        String action = browser.driver.findElement(By.cssSelector("main form")).getDomAttribute("action");
        Cookie session = browser.driver.manage().getCookieNamed("PORTAL_SESSION");
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal + action + "?" + query))
                .header("Cookie", "PORTAL_SESSION=" + session.getValue()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString().contains(".xlsx");
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            for (Row r : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (Cell c : r) {
                    cells.add(c.getCellType() == CellType.NUMERIC ? String.valueOf((long) c.getNumericCellValue())
                            : c.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return new Report(rows, LibreOffice.csv(response.body()));
    }

    /** reporting-service's figures for {@code area} on the day, read with the administrator's token. */
    private static JsonNode figures(String area) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + platform.port("REPORTING_PORT") + "/api/v1/areas/" + area + "/figures?asOf=" + ISO_DAY))
                .header("Authorization", "Bearer " + platform.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The report's row the figures should give: poor, by characteristic; near-poor, by characteristic. */
    private static List<String> totals(String label, JsonNode figures) {
        List<String> row = new ArrayList<>(List.of(label));
        row.add(String.valueOf(figures.get("households").get("POOR").asLong()));
        row.add(String.valueOf(count(figures, "FEMALE_HEAD", "poor")));
        row.add(String.valueOf(count(figures, "NO_WORKING_AGE_MEMBER", "poor")));
        row.add(String.valueOf(figures.get("households").get("NEAR_POOR").asLong()));
        row.add(String.valueOf(count(figures, "FEMALE_HEAD", "nearPoor")));
        row.add(String.valueOf(count(figures, "NO_WORKING_AGE_MEMBER", "nearPoor")));
        return row;
    }

    private static long count(JsonNode figures, String characteristic, String klass) {
        JsonNode n = figures.get("characteristics").get(characteristic);
        return n == null ? 0 : n.get(klass).asLong();
    }

    private static List<String> row(List<List<String>> rows, String first) {
        return rows.stream().filter(r -> !r.isEmpty() && r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first));
    }
}
