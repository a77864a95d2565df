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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
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
