package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The pages of the last calls of the README's "Try it" that had none (issue 24's done-when), in real headless
 * Chromium on the platform the real launcher starts, each signed in through the real provider as the person who does
 * it: the officer of a ward of Vĩnh Yên files a poor (or near-poor) household's loan application from its page (an
 * amount over the ceiling first, named beside its field) and sees it in the household's applications; the officer of
 * Phường Thống Nhất records the successor of the demo household of Xã Vầy Nưa left waiting (household-service
 * answered 422 until then); the Sở NN&MT simulates the 2027–2030 standard (first without the middle-living band it
 * requires, named beside the choice) and sees the API's figures; the administrator runs the reconciliation and sees 0
 * differences, then opens a household's events. Every page is checked with axe-core and photographed ("r…").
 */
@ExtendWith(PortalPlatform.Running.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemainingPagesJourneyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Different per run: citizen ids no earlier run on the same platform used. */
    private static final long RUN = System.currentTimeMillis() % 1_000_000;

    private static PortalPlatform platform;
    /** A poor or near-poor household with no application (the desk's journey takes the first ones of 08707). */
    private static JsonNode poor;
    /** Its ward's officer, the loan of its class and the loan's name. */
    private static String officer;
    private static String loan;
    private static String loanName;

    @BeforeAll
    static void aHouseholdThatMayBorrowWithoutAnApplication() throws Exception {
        platform = PortalPlatform.shared();
        // Our own poor household of Phường Vĩnh Yên (the demo's random draw may give the ward none).
        poor = DecidedPoor.register(platform, "08707", "Tổ dân phố Đồng Tâm 4", """
                [{"fullName":"Hà Văn Lực","dateOfBirth":"1981-08-08","sex":"MALE","relationToHead":"HEAD",
                  "citizenId":"026081%06d"}]""".formatted(RUN));
        DecidedPoor.decide(platform, "08707", poor.get("id").asString());
        officer = "can-bo-08707";
        loan = "POOR_HOUSEHOLD_LOAN";
        loanName = "Cho vay hộ nghèo";
    }

    @Test
    @Order(1)
    void theWardOfficerFilesALoanApplicationFromTheHouseholdsPage() throws Exception {
        String id = poor.get("id").asString();
        try (PortalBrowser hoa = new PortalBrowser(platform.portal(), 1280, 900)) {
            hoa.signIn(officer, "demo");
            hoa.open("/ho-gia-dinh/" + id);
            hoa.waitFor(By.linkText("Lập hồ sơ đề nghị"));
            assertThat(hoa.driver.findElements(By.linkText("Sự kiện của hộ (chẩn đoán)"))).as("not the ward's").isEmpty();
            hoa.check("r01-ho-gia-dinh-lap-ho-so");
            click(hoa, By.linkText("Lập hồ sơ đề nghị"));
            hoa.waitFor(By.id("policyCode"));
            assertThat(hoa.heading()).isEqualTo("Lập hồ sơ đề nghị hưởng chính sách");
            new Select(hoa.driver.findElement(By.id("policyCode"))).selectByValue(loan);
            hoa.driver.findElement(By.id("requestedAmountVnd")).sendKeys("5.000.000.000");
            hoa.driver.findElement(By.id("note")).sendKeys("Vay vốn nuôi bò sinh sản");
            hoa.check("r02-lap-ho-so");
            submit(hoa);
            hoa.waitFor(By.id("requestedAmountVnd-error"));
            assertThat(hoa.driver.findElement(By.id("requestedAmountVnd-error")).getText())
                    .contains("không quá mức cho vay tối đa");
            assertThat(hoa.driver.getTitle()).startsWith("Lỗi:");
            assertThat(hoa.driver.findElement(By.id("note")).getDomProperty("value"))
                    .isEqualTo("Vay vốn nuôi bò sinh sản");
            hoa.check("r03-lap-ho-so-vuot-muc");
            assertThat(JSON.readTree(get(policy("/api/v1/applications?householdId=" + id)))).as("nothing stored")
                    .isEmpty();

            hoa.driver.findElement(By.id("requestedAmountVnd")).clear();
            hoa.driver.findElement(By.id("requestedAmountVnd")).sendKeys("50.000.000");
            submit(hoa);
            hoa.waitFor(By.id("da-luu"));
            assertThat(hoa.driver.findElement(By.id("da-luu")).getText())
                    .contains("Đã gửi hồ sơ đề nghị " + loanName + " đến Ngân hàng Chính sách xã hội");
            assertThat(hoa.heading()).isEqualTo("Hồ sơ đề nghị của hộ");
            WebElement row = hoa.driver.findElement(By.cssSelector("table tbody tr"));
            assertThat(row.getText()).contains(loanName).contains("50.000.000 đ").contains("Mới nộp");
            hoa.check("r04-ho-so-cua-ho");
            hoa.atPhoneWidth("r04-ho-so-cua-ho-360px");

            hoa.open("/ra-soat/mo-phong");
            hoa.waitFor(By.tagName("h1"));
            assertThat(hoa.heading()).isEqualTo("Bạn không được xem trang này");
        }
        JsonNode filed = JSON.readTree(get(policy("/api/v1/applications?householdId=" + id)));
        assertThat(filed).hasSize(1);
        assertThat(filed.get(0).get("requestedAmountVnd").asLong()).isEqualTo(50_000_000L);
        assertThat(filed.get(0).get("steps").get(0).get("recordedBy").asString()).isEqualTo(officer);
    }

    @Test
    @Order(2)
    void theOfficerOfASuccessorRecordsWhereTheSplitUnitsHouseholdLies() throws Exception {
        String id = null;
        for (JsonNode h : items(get(household("/api/v1/households?size=500&unitCode=04891&village="
                + URLEncoder.encode("Xóm Bưa", StandardCharsets.UTF_8))))) {
            if ("2024-05-01".equals(h.path("unitSince").asString())) {
                id = h.get("id").asString();
            }
        }
        assertThat(id).as("the demo household of Xã Vầy Nưa left without its successor").isNotNull();
        try (PortalBrowser nam = new PortalBrowser(platform.portal(), 1280, 900)) {
            nam.signIn("can-bo-04828", "demo");
            nam.open("/ho-gia-dinh/" + id);
            nam.waitFor(By.id("don-vi-ke-thua"));
            assertThat(nam.text()).contains("Cần ghi đơn vị kế thừa").contains("Phường Thống Nhất (04828)");
            nam.check("r05-can-ghi-don-vi-ke-thua");
            click(nam, By.linkText("Ghi đơn vị kế thừa"));
            nam.waitFor(By.id("unitCode"));
            submit(nam);
            nam.waitFor(By.id("unitCode-error"));
            assertThat(nam.driver.getTitle()).startsWith("Lỗi:");
            nam.check("r06-don-vi-ke-thua-chua-chon");
            nam.driver.findElement(By.cssSelector("label[for=unitCode]")).click();
            submit(nam);
            nam.waitFor(By.cssSelector("button[value=send]"));
            assertThat(nam.text()).contains("Kiểm tra trước khi gửi").contains("Phường Thống Nhất (04828)");
            nam.check("r07-don-vi-ke-thua-kiem-tra");
            click(nam, By.cssSelector("button[value=send]"));
            nam.waitFor(By.id("da-luu"));
            assertThat(nam.driver.findElement(By.id("da-luu")).getText())
                    .contains("Đã ghi: hộ nay thuộc Phường Thống Nhất (04828)");
            assertThat(nam.text()).contains("Bùi Văn Thăng").doesNotContain("Cần ghi đơn vị kế thừa");
            nam.check("r08-da-ghi-don-vi-ke-thua");
        }
        assertThat(JSON.readTree(get(household("/api/v1/households/" + id))).get("unitCode").asString())
                .isEqualTo("04828");
    }

    @Test
    @Order(3)
    void theSoNnmtSimulatesThe2027StandardAndSeesTheApisFigures() throws Exception {
        try (PortalBrowser duc = new PortalBrowser(platform.portal(), 1280, 900)) {
            duc.signIn("so-nnmt", "demo");
            click(duc, By.linkText("Mô phỏng chuẩn nghèo"));
            duc.waitFor(By.id("referenceDate"));
            duc.check("r09-mo-phong");
            new Select(duc.driver.findElement(By.id("standard"))).selectByValue("VN-MPS-2027-2030");
            duc.driver.findElement(By.id("referenceDate")).sendKeys("01/01/2027");
            submit(duc);
            duc.waitFor(By.id("bandChoice-error"));
            assertThat(duc.driver.findElement(By.id("bandChoice-error")).getText())
                    .contains("chưa chính thức");
            duc.check("r10-mo-phong-chua-chon-muc-song");
            duc.driver.findElement(By.cssSelector("label[for=bandChoice-AS_FILED]")).click();
            submit(duc);
            duc.waitFor(By.id("so-ho"));
            duc.check("r11-mo-phong-ket-qua");
            duc.atPhoneWidth("r11-mo-phong-ket-qua-360px");
            JsonNode api = JSON.readTree(post(household("/api/v1/simulations"), """
                    {"standard":"VN-MPS-2027-2030","referenceDate":"2027-01-01","middleBand":{"choice":"AS_FILED"}}"""));
            assertThat(duc.driver.findElement(By.id("so-ho-thay-doi")).getText())
                    .isEqualTo(dotted(api.get("moved").asLong()));
            List<String> poorRow = List.of(duc.driver.findElement(By.cssSelector("#so-ho tbody tr")).getText()
                    .split("\\s+"));
            assertThat(poorRow).contains(dotted(api.get("simulated").get("POOR").asLong()),
                    dotted(api.get("current").get("POOR").asLong()));
        }
    }

    @Test
    @Order(4)
    void theAdministratorRunsTheReconciliationAndOpensAHouseholdsEvents() throws Exception {
        try (PortalBrowser mai = new PortalBrowser(platform.portal(), 1280, 900)) {
            mai.signIn("quan-tri", "demo");
            click(mai, By.linkText("Đối soát số liệu báo cáo"));
            mai.waitFor(By.cssSelector("main form button"));
            mai.check("r12-doi-soat");
            // The rebuild takes seconds to minutes: the portal waits for it up to PORTAL_RECONCILIATION_TIMEOUT (5 min).
            click(mai, By.cssSelector("main form button"), Duration.ofMinutes(6));
            mai.waitFor(By.id("so-chenh-lech"));
            assertThat(mai.driver.findElement(By.id("so-chenh-lech")).getText()).startsWith("0 chênh lệch");
            mai.check("r13-doi-soat-ket-qua");

            String id = poor.get("id").asString();
            mai.open("/ho-gia-dinh/" + id);
            mai.waitFor(By.linkText("Sự kiện của hộ (chẩn đoán)"));
            click(mai, By.linkText("Sự kiện của hộ (chẩn đoán)"));
            mai.waitFor(By.tagName("h1"));
            assertThat(mai.heading()).isEqualTo("Sự kiện của hộ mà dịch vụ thông báo đã nhận");
            assertThat(mai.driver.findElement(By.id("su-kien")).getText()).contains("Đăng ký hộ");
            mai.check("r14-su-kien-cua-ho");
        }
    }

    /** Clicks and waits for the next page. */
    private static void click(PortalBrowser browser, By what) {
        click(browser, what, Duration.ofSeconds(60));
    }

    private static void click(PortalBrowser browser, By what, Duration within) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(what).click();
        new WebDriverWait(browser.driver, within).until(ExpectedConditions.stalenessOf(page));
        browser.waitFor(By.tagName("h1"));
    }

    /** The form's main button, and the next page. */
    private static void submit(PortalBrowser browser) {
        click(browser, By.cssSelector("main form.registry-form .actions button.button"));
    }

    private static String dotted(long n) {
        return String.format(java.util.Locale.GERMANY, "%,d", n);
    }

    private static String household(String path) {
        return "http://127.0.0.1:" + platform.port("HOUSEHOLD_PORT") + path;
    }

    private static String policy(String path) {
        return "http://127.0.0.1:" + platform.port("POLICY_PORT") + path;
    }

    private static List<JsonNode> items(String page) {
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(page).get("items").forEach(items::add);
        return items;
    }

    /** GET as the demo administrator; the body of a 200. */
    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + platform.adminToken()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String post(String url, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + platform.adminToken()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
