package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A department's desk (issue 24 item 1) in real headless Chromium on the platform the real launcher starts, each
 * journey signed in through the real provider as the person who does it: the bank's officer (nhcsxh) takes up a poor
 * household's loan application, is told what is missing, approves it after checking what will be sent; the education
 * officer (giao-duc) records a pupil's schooling and downloads the payment list, whose totals — read with POI and
 * converted by LibreOffice — are the entitlements API's to the đồng; the education officer opening the bank's
 * application by its URL gets the refusal page and changes nothing. Every page is checked with axe-core and
 * photographed under target/screenshots (names starting "d").
 *
 * <p>The applications and facts are this class's own: a loan application filed through the API for a poor household
 * of 08707 that has none open, and the schooling of a child of a poor household of 08716.
 */
@ExtendWith(PortalPlatform.Running.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DepartmentDeskJourneyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RUN = System.currentTimeMillis() % 1_000_000;

    private static PortalPlatform platform;
    private static String portal;
    /** The loan application this class filed, and its household's head. */
    private static String loan;
    private static String loanHead;

    @BeforeAll
    static void aLoanApplicationOfOurOwn() throws Exception {
        platform = PortalPlatform.shared();
        portal = platform.portal();
        loanHead = "Đỗ Văn Khải";
        String household = poorHouseholdOfOurOwn("08707", loanHead, LocalDate.now().minusYears(30))[0];
        HttpResponse<String> filed = api("POST", policy("/api/v1/applications"), """
                {"policyCode": "POOR_HOUSEHOLD_LOAN", "householdId": "%s", "requestedAmountVnd": 50000000,
                 "note": "Vay vốn chăn nuôi (kiểm thử %d)"}""".formatted(household, RUN));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        loan = JSON.readTree(filed.body()).get("id").asString();
    }

    @Test
    @Order(1)
    void theBankOfficerTakesUpALoanApplicationAndApprovesItAfterCheckingIt() throws Exception {
        try (PortalBrowser tuan = new PortalBrowser(portal, 1280, 900)) {
            tuan.signIn("nhcsxh", "demo");
            tuan.driver.findElement(By.linkText("Bàn làm việc của sở, ngành")).click();
            tuan.waitFor(By.cssSelector("table.desk-counts"));
            assertThat(tuan.heading()).isEqualTo("Bàn làm việc của sở, ngành");
            assertThat(tuan.text()).contains("Ngân hàng Chính sách xã hội").contains("Mới nộp");
            assertThat(tuan.driver.findElements(By.cssSelector("nav.site-nav a")).stream().map(WebElement::getText))
                    .as("the header offers a bank officer nothing it may not do").containsExactly("Trang chủ");
            tuan.check("d01-ban-lam-viec-nhcsxh");

            tuan.driver.findElement(By.linkText("Mới nộp")).click();
            tuan.waitFor(By.id("status"));
            WebElement row = tuan.driver.findElement(By.cssSelector("a[href$='/phong-ban/ho-so/" + loan + "']"))
                    .findElement(By.xpath("./ancestor::tr"));
            assertThat(row.getText()).contains("Cho vay hộ nghèo").contains(loanHead).contains("50.000.000 đ")
                    .contains("Mới nộp");
            tuan.check("d02-hang-ho-so");
            tuan.atPhoneWidth("d02-hang-ho-so-360px");

            tuan.open("/phong-ban/ho-so/" + loan);
            tuan.waitFor(By.id("reviewer"));
            assertThat(tuan.heading()).isEqualTo("Cho vay hộ nghèo");
            assertThat(tuan.text()).contains("hồ sơ đủ điều kiện").contains("Mức cho vay tối đa đang áp dụng");
            assertThat(tuan.driver.findElement(By.id("reviewer")).getDomProperty("value")).isEqualTo("Ngô Văn Tuấn");
            tuan.check("d03-ho-so-moi-nop");
            submit(tuan);
            tuan.waitFor(By.id("da-luu"));
            assertThat(tuan.text()).contains("Đang xem xét");
            tuan.check("d04-ho-so-dang-xem-xet");

            tuan.driver.findElement(By.linkText("Phê duyệt")).click();
            tuan.waitFor(By.id("decisionNumber"));
            type(tuan, "approvedAmountVnd", "30.000.000");
            submit(tuan);
            tuan.waitFor(By.id("decisionNumber-error"));
            assertThat(tuan.driver.findElement(By.id("decisionNumber-error")).getText())
                    .contains("Hãy nhập số quyết định.");
            assertThat(tuan.driver.findElement(By.id("approvedAmountVnd")).getDomProperty("value"))
                    .as("what was typed is kept").isEqualTo("30.000.000");
            assertThat(tuan.driver.getTitle()).startsWith("Lỗi:");
            tuan.check("d05-phe-duyet-thieu-so-quyet-dinh");
            assertThat(application(loan).get("status").asString()).as("nothing was sent").isEqualTo("UNDER_REVIEW");

            String number = RUN + "/QĐ-NHCS";
            type(tuan, "decisionNumber", number);
            submit(tuan);
            tuan.waitFor(By.cssSelector("button[value=send]"));
            assertThat(tuan.text()).contains("Kiểm tra trước khi gửi").contains(number).contains("30.000.000 đ");
            tuan.check("d06-phe-duyet-kiem-tra");
            assertThat(application(loan).get("status").asString()).as("not sent before it is confirmed")
                    .isEqualTo("UNDER_REVIEW");
            tuan.driver.findElement(By.cssSelector("button[value=send]")).click();
            tuan.waitFor(By.id("da-luu"));
            assertThat(tuan.driver.findElement(By.id("da-luu")).getText()).contains(number);
            assertThat(tuan.text()).contains("Đã phê duyệt");
            tuan.check("d07-ho-so-da-phe-duyet");
        }
        JsonNode approved = application(loan);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("decisionNumber").asString()).isEqualTo(RUN + "/QĐ-NHCS");
        assertThat(approved.get("steps").get(2).get("recordedBy").asString()).isEqualTo("nhcsxh");
        JsonNode decisions = JSON.readTree(api("GET", policy("/api/v1/households/"
                + approved.get("householdId").asString() + "/decisions"), null).body());
        assertThat(decisions).anySatisfy(d -> {
            assertThat(d.get("decision").get("id").asString()).isEqualTo(approved.get("decisionId").asString());
            assertThat(d.get("decision").get("entitlement").get("ceilingVnd").asLong()).isEqualTo(30_000_000L);
        });
    }

    @Test
    @Order(2)
    void theEducationOfficerRecordsAPupilAndDownloadsAPaymentListWhoseTotalsAreTheApis() throws Exception {
        String[] pupil = aChildOfAPoorHousehold("08716");
        String householdId = pupil[0];
        String year = String.valueOf(LocalDate.now().getYear());
        long total;
        try (PortalBrowser hang = new PortalBrowser(portal, 1280, 900)) {
            hang.signIn("giao-duc", "demo");
            hang.open("/phong-ban");
            hang.waitFor(By.id("householdId"));
            hang.check("d08-ban-lam-viec-giao-duc");
            type(hang, "householdId", householdId);
            hang.driver.findElement(By.cssSelector("main form.search-form button")).click();
            hang.waitFor(By.cssSelector("fieldset.member-row"));
            assertThat(hang.heading()).startsWith("Thông tin sở, ngành ghi nhận");
            hang.check("d09-thong-tin-cua-ho");

            // The pupil's row: at primary or lower-secondary school, a public one; anyone's unknown pension is 0.
            List<WebElement> rows = hang.driver.findElements(By.cssSelector("fieldset.member-row"));
            int index = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (pupil[1].equals(rows.get(i).getDomAttribute("data-person"))) {
                    index = i;
                }
            }
            assertThat(index).as("the pupil's row").isNotNegative();
            for (int i = 0; i < rows.size(); i++) {
                WebElement pension = hang.driver.findElement(By.id("members-" + i + "-pensionVnd"));
                if (pension.getDomProperty("value").isBlank()) {
                    pension.sendKeys("0");
                }
            }
            WebElement pension = hang.driver.findElement(By.id("members-" + index + "-pensionVnd"));
            pension.clear();
            pension.sendKeys("không có");
            select(hang, "members-" + index + "-schooling", pupil[2]);
            select(hang, "members-" + index + "-publicSchool", "true");
            submit(hang);
            hang.waitFor(By.id("members-" + index + "-pensionVnd-error"));
            assertThat(hang.driver.findElement(By.id("members-" + index + "-pensionVnd-error")).getText())
                    .contains("“không có” không phải số tiền");
            hang.check("d10-thong-tin-loi-luong-huu");
            assertThat(factsOf(householdId, pupil[1]).get("schooling").asString()).as("nothing was stored")
                    .isNotEqualTo(pupil[2]);
            pension = hang.driver.findElement(By.id("members-" + index + "-pensionVnd"));
            pension.clear();
            pension.sendKeys("0");
            submit(hang);
            hang.waitFor(By.id("da-luu"));
            hang.check("d11-thong-tin-da-luu");
            assertThat(factsOf(householdId, pupil[1]).get("schooling").asString()).isEqualTo(pupil[2]);

            hang.open("/phong-ban/chi-tra?period=2026-Q5");
            hang.waitFor(By.id("period-error"));
            assertThat(hang.driver.findElement(By.id("period-error")).getText()).contains("“2026-Q5” không phải một kỳ");
            hang.check("d12-chi-tra-ky-sai");

            hang.open("/phong-ban/chi-tra?period=" + year);
            hang.waitFor(By.id("tong-cong"));
            total = apiTotal("EDUCATION", year);
            assertThat(total).as("the pupil's study-cost support at least").isPositive();
            assertThat(hang.driver.findElement(By.id("tong-cong")).getText()).isEqualTo(money(total));
            hang.check("d13-chi-tra");
            hang.atPhoneWidth("d13-chi-tra-360px");

            String href = hang.driver.findElement(By.linkText("Tải danh sách chi trả (Excel)")).getDomAttribute("href");
            byte[] xlsx = fetch(hang, href);
            Path file = Files.createDirectories(Path.of("target/downloads")).resolve("danh-sach-chi-tra-" + year
                    + ".xlsx");
            Files.write(file, xlsx);

            // Read with POI: every row's amount, each commune's total and the grand total are the API's.
            long rowsSum = 0;
            long communes = 0;
            Long grand = null;
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Danh sách chi trả");
                assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                        .isEqualTo("DANH SÁCH CHI TRẢ — GIÁO DỤC VÀ ĐÀO TẠO");
                for (Row r : book.getSheetAt(0)) {
                    if (r.getLastCellNum() < 6 || r.getCell(5).getCellType() != CellType.NUMERIC) {
                        continue;
                    }
                    long amount = (long) r.getCell(5).getNumericCellValue();
                    Cell first = r.getCell(0);
                    String label = r.getCell(1).getStringCellValue();
                    if (first.getCellType() == CellType.NUMERIC) {
                        rowsSum += amount;
                    } else if (label.startsWith("Cộng ")) {
                        communes += amount;
                    } else if (label.equals("Tổng cộng")) {
                        grand = amount;
                    }
                }
            }
            assertThat(grand).isEqualTo(total);
            assertThat(rowsSum).isEqualTo(total);
            assertThat(communes).isEqualTo(total);

            // Converted by LibreOffice: the Vietnamese text intact and the same grand total.
            String csv = LibreOffice.csv(xlsx);
            assertThat(csv).contains("DANH SÁCH CHI TRẢ — GIÁO DỤC VÀ ĐÀO TẠO").contains("Số tiền (đồng)")
                    .contains("Cộng Phường Vĩnh Phúc");
            String totalLine = csv.lines().filter(l -> l.contains("Tổng cộng")).findFirst().orElseThrow();
            assertThat(totalLine.replaceAll("[^0-9]", "")).isEqualTo(String.valueOf(total));
        }
    }

    @Test
    @Order(3)
    void theEducationOfficerCannotOpenOrDecideTheBanksApplicationByItsUrl() throws Exception {
        String before = application(loan).toString();
        try (PortalBrowser hang = new PortalBrowser(portal, 1280, 900)) {
            hang.signIn("giao-duc", "demo");
            for (String path : List.of("/phong-ban/ho-so/" + loan, "/phong-ban/ho-so/" + loan + "/tu-choi")) {
                hang.open(path);
                hang.waitFor(By.tagName("h1"));
                assertThat(hang.heading()).isEqualTo("Việc này không thuộc sở, ngành của bạn");
                assertThat(hang.text()).contains("Hồ sơ này thuộc Ngân hàng Chính sách xã hội")
                        .doesNotContain(loanHead);
            }
            hang.check("d14-ho-so-cua-nganh-khac");
            hang.open("/phong-ban/ho-so");
            hang.waitFor(By.id("status"));
            assertThat(hang.driver.getPageSource()).as("the bank's application is not in education's queue")
                    .doesNotContain(loan);
            hang.check("d15-hang-ho-so-giao-duc");
        }
        assertThat(application(loan).toString()).as("nothing changed").isEqualTo(before);
    }

    private static void type(PortalBrowser browser, String id, String text) {
        browser.driver.findElement(By.id(id)).sendKeys(text);
    }

    private static void select(PortalBrowser browser, String id, String value) {
        new Select(browser.driver.findElement(By.id(id))).selectByValue(value);
    }

    /** The form's main button, and the next page. */
    private static void submit(PortalBrowser browser) {
        browser.driver.findElement(By.cssSelector("main form.registry-form .actions button.button")).click();
        browser.waitFor(By.tagName("h1"));
    }

    /** 1.234.567 đ, as the pages write amounts. */
    private static String money(long vnd) {
        return String.format(java.util.Locale.GERMANY, "%,d", vnd) + " đ";
    }

    /** A file the portal offers, fetched in the signed-in person's session. */
    private static byte[] fetch(PortalBrowser browser, String href) throws Exception {
        Cookie session = browser.driver.manage().getCookieNamed("PORTAL_SESSION");
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(href.startsWith("http") ? href
                        : portal + href)).header("Cookie", "PORTAL_SESSION=" + session.getValue())
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString().contains(".xlsx");
        return response.body();
    }

    /** The sum of the lines' amounts of {@code GET /api/v1/entitlements}, as the administrator reads it. */
    private static long apiTotal(String department, String period) throws Exception {
        JsonNode report = JSON.readTree(api("GET", policy("/api/v1/entitlements?department=" + department
                + "&period=" + period), null).body());
        long sum = 0;
        for (JsonNode line : report.get("lines")) {
            sum += line.path("totalVnd").asLong(0);
        }
        long totals = 0;
        for (JsonNode t : report.get("totals")) {
            totals += t.get("totalVnd").asLong();
        }
        assertThat(sum).isEqualTo(totals);
        return sum;
    }

    /**
     * A household of {@code unit} this class registers (its head {@code head}, and a child born on {@code childBorn})
     * and has decided poor: {household id, the child's person id}.
     */
    private static String[] poorHouseholdOfOurOwn(String unit, String head, LocalDate childBorn) throws Exception {
        JsonNode created = DecidedPoor.register(platform, unit, "Tổ dân phố 3", """
                [{"fullName":"%s","dateOfBirth":"1984-04-04","sex":"MALE","relationToHead":"HEAD",
                  "citizenId":"026084%06d"},
                 {"fullName":"Đỗ Minh Anh","dateOfBirth":"%s","sex":"FEMALE","relationToHead":"CHILD"}]"""
                .formatted(head, Math.floorMod(RUN * 7 + unit.hashCode(), 1_000_000), childBorn));
        String id = created.get("id").asString();
        DecidedPoor.decide(platform, unit, id);
        return new String[] {id, created.get("members").get(1).get("personId").asString()};
    }

    /**
     * A child of 9 of a poor household of {@code unit} that this class registers: {household id, person id, the school
     * level to record}.
     */
    private static String[] aChildOfAPoorHousehold(String unit) throws Exception {
        String[] household = poorHouseholdOfOurOwn(unit, "Đỗ Văn Hùng", LocalDate.now().minusYears(9).minusDays(30));
        return new String[] {household[0], household[1], "PRIMARY"};
    }

    private static JsonNode factsOf(String householdId, String personId) throws Exception {
        for (JsonNode m : JSON.readTree(api("GET", policy("/api/v1/households/" + householdId), null).body())
                .get("members")) {
            if (m.get("personId").asString().equals(personId)) {
                return m;
            }
        }
        throw new AssertionError(personId + " is not a member of " + householdId);
    }

    private static JsonNode application(String id) throws Exception {
        HttpResponse<String> response = api("GET", policy("/api/v1/applications/" + id), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String policy(String path) {
        return "http://127.0.0.1:" + platform.port("POLICY_PORT") + path;
    }

    /** A call as the demo administrator. */
    private static HttpResponse<String> api(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + platform.adminToken()).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
