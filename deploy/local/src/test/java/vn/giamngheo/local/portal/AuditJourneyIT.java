package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import tools.jackson.databind.ObjectMapper;

/**
 * The audit viewer (issue 24 item 5), in real headless Chromium on the platform the real launcher starts: the Sở
 * NN&MT opens a household's page (its reads are audited by household-service and policy-service), then follows the
 * page's link to the audit viewer filtered on that household and finds its own reads, with its name and the service;
 * narrows them to one service's reads, finds the household by its head's name, and gets a bad date named beside its
 * field. The ward officer of another ward is told plainly that the audit is not theirs to see, and the household's
 * page is not within their units. Every page is checked with axe-core and photographed (names starting "a").
 *
 * <p>It creates its own household and shares {@link PortalPlatform} with the other journeys.
 */
@ExtendWith(PortalPlatform.Running.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditJourneyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "Vi Văn " + RegistryJourneysIT.letters(System.currentTimeMillis() % 1_000_000);

    private static PortalPlatform platform;
    private static String household;

    @BeforeAll
    static void aHouseholdOfItsOwn() throws Exception {
        platform = PortalPlatform.shared();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + platform.port("HOUSEHOLD_PORT") + "/api/v1/households"))
                .header("Authorization", "Bearer " + platform.adminToken())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"unitCode":"08707","village":"Tổ dân phố Nhật Ký",
                         "privacyNotice":{"version":"TB-2026-01","givenOn":"2025-07-15","method":"PAPER",
                           "givenTo":"chủ hộ","consented":true},
                         "members":[{"fullName":"%s","dateOfBirth":"1966-05-04","sex":"MALE","relationToHead":"HEAD"}]}
                        """.formatted(HEAD))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        household = JSON.readTree(created.body()).get("id").asString();
    }

    @Test
    @Order(1)
    void theSoNnmtSeesItsOwnReadOfAHouseholdInTheAuditViewer() {
        try (PortalBrowser duc = new PortalBrowser(platform.portal(), 1280, 900)) {
            duc.signIn("so-nnmt", "demo");
            assertThat(duc.driver.findElements(By.linkText("Nhật ký truy cập"))).as("on the home page").hasSize(1);
            duc.check("a01-trang-chu-so-nnmt");

            duc.open("/ho-gia-dinh/" + household);
            duc.waitFor(By.linkText("Xem toàn bộ nhật ký của hộ này (lọc theo người, việc, dịch vụ, ngày)"));
            assertThat(duc.heading()).isEqualTo("Hộ gia đình: chủ hộ " + HEAD);
            duc.driver.findElement(By.linkText("Xem toàn bộ nhật ký của hộ này (lọc theo người, việc, dịch vụ, ngày)"))
                    .click();
            duc.waitFor(By.id("householdId"));
            assertThat(duc.driver.getCurrentUrl()).contains("/nhat-ky?householdId=" + household);
            // The entries are written as the services answer: the page is read again until the read is there.
            List<String> rows = rowsUntil(duc, r -> r.contains("Hoàng Minh Đức (so-nnmt)")
                    && r.contains("quản lý hộ gia đình") && r.contains("GET /api/v1/households/" + household));
            assertThat(rows).anyMatch(r -> r.contains("Hoàng Minh Đức (so-nnmt)") && r.contains("Xem")
                    && r.contains("chính sách"));
            assertThat(rows).as("the registration, by the administrator's client")
                    .anyMatch(r -> r.contains("Thay đổi") && r.contains("city-admin"));
            duc.check("a02-nhat-ky-cua-ho");
            duc.atPhoneWidth("a03-nhat-ky-360px");

            // Only policy-service's reads
            new Select(duc.driver.findElement(By.id("action"))).selectByValue("read");
            new Select(duc.driver.findElement(By.id("service"))).selectByValue("POLICY");
            submit(duc);
            rows = rows(duc);
            assertThat(rows).isNotEmpty().allMatch(r -> r.contains("chính sách") && r.contains("Xem"));
            assertThat(rows).anyMatch(r -> r.contains("Hoàng Minh Đức (so-nnmt)"));
            duc.check("a04-nhat-ky-chinh-sach");

            // By the head's name instead of the id
            duc.open("/nhat-ky");
            duc.waitFor(By.id("q"));
            duc.driver.findElement(By.id("q")).sendKeys(HEAD);
            submit(duc);
            duc.waitFor(By.partialLinkText(household));
            duc.check("a05-nhat-ky-tim-theo-ten");
            WebElement page = duc.driver.findElement(By.tagName("html"));
            duc.driver.findElement(By.partialLinkText(household)).click();
            new WebDriverWait(duc.driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
            duc.waitFor(By.id("householdId"));
            assertThat(rows(duc)).anyMatch(r -> r.contains("Hoàng Minh Đức (so-nnmt)"));

            // A day that does not exist: named beside its field, nothing shown
            duc.open("/nhat-ky?householdId=" + household);
            duc.waitFor(By.id("from"));
            duc.driver.findElement(By.id("from")).sendKeys("31/02/2026");
            submit(duc);
            duc.waitFor(By.cssSelector(".error-summary"));
            assertThat(duc.driver.findElement(By.id("from-error")).getText())
                    .contains("“31/02/2026” không phải một ngày có thật");
            assertThat(duc.driver.findElement(By.id("from")).getDomProperty("value")).isEqualTo("31/02/2026");
            assertThat(duc.driver.getTitle()).startsWith("Lỗi:");
            duc.check("a06-nhat-ky-loi-ngay");
        }
    }

    @Test
    @Order(2)
    void theWardOfficerOfAnotherWardCannotSeeThatHouseholdsAudit() {
        try (PortalBrowser hung = new PortalBrowser(platform.portal(), 1280, 900)) {
            hung.signIn("can-bo-08716", "demo");
            assertThat(hung.driver.findElements(By.linkText("Nhật ký truy cập"))).as("not on the home page").isEmpty();
            hung.open("/nhat-ky?householdId=" + household);
            hung.waitFor(By.tagName("h1"));
            assertThat(hung.text()).contains("Vai trò của bạn không được xem nhật ký truy cập")
                    .doesNotContain("Hoàng Minh Đức").doesNotContain(HEAD);
            assertThat(hung.driver.findElements(By.cssSelector("table"))).isEmpty();
            hung.check("a07-nhat-ky-khong-duoc-xem");

            hung.open("/ho-gia-dinh/" + household);
            hung.waitFor(By.tagName("h1"));
            assertThat(hung.text()).contains("không thuộc đơn vị bạn phụ trách").doesNotContain(HEAD);
            hung.check("a08-ho-phuong-khac");
        }
    }

    /** The filter form's button (not the header's sign-out), and the next page. */
    private static void submit(PortalBrowser browser) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        browser.waitFor(By.tagName("h1"));
    }

    /** The audit table's rows as text, read again (up to 20 s) until one matches. */
    private static List<String> rowsUntil(PortalBrowser browser, java.util.function.Predicate<String> wanted) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> {
            if (rows(browser).stream().anyMatch(wanted)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        return rows(browser);
    }

    private static List<String> rows(PortalBrowser browser) {
        return browser.driver.findElements(By.cssSelector("table tbody tr")).stream().map(WebElement::getText)
                .toList();
    }
}
