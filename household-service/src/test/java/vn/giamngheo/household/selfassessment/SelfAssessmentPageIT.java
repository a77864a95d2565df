package vn.giamngheo.household.selfassessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.household.registry.Sex;
import vn.giamngheo.testsupport.Chromium;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/** The public self-assessment page in real headless Chromium, checked against the evaluate API. */
@ServiceIntegrationTest
class SelfAssessmentPageIT {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() {
        browser = Chromium.start(1000, 1400);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openThePage() {
        browser.get("http://localhost:" + port + "/tu-danh-gia");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("input[name=indicator]"), 5));
    }

    private void answer(String unitName, String members, String annualIncome, List<String> indicators) {
        new Select(browser.findElement(By.id("unitCode"))).selectByVisibleText(unitName);
        browser.findElement(By.id("memberCount")).clear();
        browser.findElement(By.id("memberCount")).sendKeys(members);
        browser.findElement(By.id("annualIncome")).clear();
        browser.findElement(By.id("annualIncome")).sendKeys(annualIncome);
        for (String code : indicators) {
            browser.findElement(By.id("q-" + code)).click();
        }
        browser.findElement(By.id("submit")).click();
    }

    private JsonNode api(String unitCode, String members, String annualIncome, List<String> indicators) {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        return Http.post("http://localhost:" + port + "/api/v1/assessments/evaluate",
                "{\"referenceDate\":\"" + today + "\",\"unitCode\":\"" + unitCode + "\",\"annualIncomeVnd\":"
                        + annualIncome + ",\"memberCount\":" + members + ",\"deprivedIndicators\":["
                        + String.join(",", indicators.stream().map(c -> "\"" + c + "\"").toList()) + "]}").json();
    }

    @Test
    void aPoorHouseholdSeesTheSameClassAndReasonsAsTheApiGives() throws Exception {
        List<String> indicators = List.of("HEALTH_INSURANCE", "SANITATION", "DRINKING_WATER");

        answer("Phường Vĩnh Yên", "4", "90000000", indicators);

        WebElement heading = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("classification")));
        JsonNode expected = api("08707", "4", "90000000", indicators);
        assertThat(heading.getDomAttribute("data-class")).isEqualTo(expected.get("classification").asString())
                .isEqualTo("POOR");
        assertThat(heading.getText()).isEqualTo("Kết quả: Hộ nghèo");
        assertThat(browser.findElements(By.cssSelector("#reasons li")).stream()
                .map(li -> li.getDomAttribute("data-code")).toList())
                .containsExactlyInAnyOrderElementsOf(indicators);
        assertThat(browser.findElement(By.id("why")).getText()).isEqualTo(expected.get("explanation")
                .get(expected.get("explanation").size() - 1).asString());
        Path shot = Path.of("target", "self-assessment-poor.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void thePageRunsUnderAStrictContentSecurityPolicyAndSendsNoReferrer() throws Exception {
        HttpResponse<Void> page;
        try (HttpClient client = HttpClient.newHttpClient()) {
            page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tu-danh-gia")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                        "frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        // The questions came from the page's script (openThePage waits for them); a result and an error render too.
        answer("Phường Vĩnh Yên", "4", "90000000", List.of("HEALTH_INSURANCE"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("classification")));
        assertThat(Chromium.contentSecurityViolations(browser)).isEmpty();
    }

    @Test
    void aHouseholdAboveTheLineIsToldSo() {
        answer("Phường Vĩnh Phúc", "3", "150000000", List.of("TELECOM"));

        WebElement heading = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("classification")));
        assertThat(heading.getDomAttribute("data-class"))
                .isEqualTo(api("08716", "3", "150000000", List.of("TELECOM")).get("classification").asString())
                .isEqualTo("ABOVE");
    }

    /** The online requests of 08707 awaiting verification, as the commune's officers see them. */
    private List<JsonNode> awaitingIn08707() {
        return Http.get("http://localhost:" + port + "/api/v1/review-requests?unitCode=08707&status="
                + "AWAITING_VERIFICATION").expectStatus(200).json().valueStream().toList();
    }

    /** After a result, the request's fields: the unit is the one of the self-assessment. */
    private void fillRequest(String headName, String village, String citizenId) {
        WebElement name = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("req-headName")));
        assertThat(new Select(browser.findElement(By.id("req-unitCode"))).getFirstSelectedOption().getText())
                .isEqualTo("Phường Vĩnh Yên");
        name.sendKeys(headName);
        browser.findElement(By.id("req-village")).sendKeys(village);
        browser.findElement(By.id("req-citizenId")).sendKeys(citizenId);
        browser.findElement(By.id("req-phone")).sendKeys("0912 345 678");
        browser.findElement(By.id("req-consent")).click();
    }

    @Test
    void aHouseholdSendsAReviewRequestFromThePageOnAPhoneAndIsGivenItsReceipt() throws Exception {
        browser.manage().window().setSize(new Dimension(360, 1400));
        try {
            answer("Phường Vĩnh Yên", "4", "90000000", List.of("HEALTH_INSURANCE", "SANITATION", "DRINKING_WATER"));
            assertThat(browser.findElement(By.id("privacy")).getText()).contains("số định danh cá nhân",
                    "xác minh", "bị xóa", "Ai được xem");
            String village = "Thôn Gò " + System.nanoTime() % 100_000;
            fillRequest("Hoàng Thị Lan", village, Households.newCitizenId(Sex.FEMALE, LocalDate.parse("1980-05-05")));
            browser.findElement(By.id("request-submit")).click();

            WebElement number = new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-number")));
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertThat(number.getText()).matches("TD-08707-" + today.format(DateTimeFormatter.ofPattern("yyMM"))
                    + "-\\d{4}");
            JsonNode stored = awaitingIn08707().stream()
                    .filter(r -> r.get("receiptNumber").asString().equals(number.getText())).findFirst().orElseThrow();
            assertThat(stored.get("headName").asString()).isEqualTo("Hoàng Thị Lan");
            assertThat(stored.get("village").asString()).isEqualTo(village);
            assertThat(stored.get("form").asString()).isEqualTo("FORM_01");
            DateTimeFormatter vn = DateTimeFormatter.ofPattern("dd/MM/yyyy");
            assertThat(browser.findElement(By.id("receipt-review")).getText())
                    .contains(LocalDate.parse(stored.get("reviewStartsOn").asString()).format(vn));
            assertThat(browser.findElement(By.id("receipt-due")).getText())
                    .contains(LocalDate.parse(stored.get("dueBy").asString()).format(vn));
            // Usable on a phone: nothing wider than the screen.
            assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(((Number) browser.executeScript("return window.innerWidth")).intValue());
            assertThat(Chromium.contentSecurityViolations(browser)).isEmpty();
            Files.write(Path.of("target", "self-assessment-request-360.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(new Dimension(1000, 1400));
        }
    }

    @Test
    void aBadCitizenIdIsShownBesideItsFieldAndNothingIsSent() throws Exception {
        answer("Phường Vĩnh Yên", "4", "90000000", List.of("HEALTH_INSURANCE"));
        String village = "Thôn Đá " + System.nanoTime() % 100_000;
        // 12 digits, but 999 is no province's code: the service says so, and the page says it beside the field.
        fillRequest("Hoàng Văn Nam", village, "999068001234");
        browser.findElement(By.id("request-submit")).click();

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("err-citizenId")));
        assertThat(error.getText()).contains("mã tỉnh");
        WebElement field = browser.findElement(By.id("req-citizenId"));
        assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getDomAttribute("aria-describedby")).contains("err-citizenId");
        assertThat(browser.findElement(By.id("err-headName")).isDisplayed()).isFalse();
        assertThat(awaitingIn08707()).noneMatch(r -> village.equals(r.get("village").asString()));

        // Too short: said before anything is sent; so is the missing consent.
        field.clear();
        field.sendKeys("02608");
        browser.findElement(By.id("req-consent")).click();
        browser.findElement(By.id("request-submit")).click();
        assertThat(browser.findElement(By.id("err-citizenId")).getText()).isEqualTo(
                "Số định danh cá nhân phải gồm đúng 12 chữ số.");
        assertThat(browser.findElement(By.id("err-consent")).isDisplayed()).isTrue();
        assertThat(awaitingIn08707()).noneMatch(r -> village.equals(r.get("village").asString()));
        assertThat(browser.findElements(By.id("receipt-number"))).isEmpty();
        Files.write(Path.of("target", "self-assessment-request-errors.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void missingAnswersAreExplainedNextToNothingStored() {
        new Select(browser.findElement(By.id("unitCode"))).selectByVisibleText("Phường Vĩnh Yên");
        browser.findElement(By.id("annualIncome")).sendKeys("50000000");
        browser.findElement(By.id("submit")).click();

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".errors li")));
        assertThat(error.getDomAttribute("data-field")).isEqualTo("memberCount");
    }
}
