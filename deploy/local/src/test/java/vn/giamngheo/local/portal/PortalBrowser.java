package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.giamngheo.testsupport.Chromium;

/**
 * A person at the portal in real headless Chromium: signs in on the provider's page, opens pages, and has each page
 * checked as a page (axe-core: no serious or critical violation; no Content-Security-Policy violation) and
 * photographed under target/screenshots.
 */
final class PortalBrowser implements AutoCloseable {

    private static final String AXE = axeSource();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private final String portal;
    private final int width;
    private final int height;

    PortalBrowser(String portal, int width, int height) {
        this.portal = portal;
        this.width = width;
        this.height = height;
        this.driver = Chromium.start(width, height);
    }

    void open(String path) {
        driver.get(portal + path);
    }

    /** Signs in on the provider's page the portal sends a signed-out visitor to. */
    void signIn(String login, String password) {
        open("/");
        waitFor(By.id("ten-dang-nhap"));
        assertThat(driver.getCurrentUrl()).as("a signed-out visitor is sent to the provider").doesNotStartWith(portal);
        driver.findElement(By.id("ten-dang-nhap")).sendKeys(login);
        driver.findElement(By.id("mat-khau")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(portal)
                && !d.findElements(By.tagName("h1")).isEmpty());
    }

    void waitFor(By element) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(element).isEmpty());
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /**
     * The checks every page gets: no serious or critical accessibility violation found by axe-core, no CSP violation;
     * then a full-page screenshot named {@code name}.
     */
    void check(String name) {
        assertThat(Chromium.contentSecurityViolations(driver)).as("CSP violations on %s", name).isEmpty();
        driver.executeScript(AXE);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                """);
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
            String impact = violation.path("impact").asString();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(violation.path("id").asString() + " (" + impact + "): " + violation.path("help").asString()
                        + " at " + targets);
            }
        }
        assertThat(serious).as("serious accessibility violations on %s", name).isEmpty();
        screenshot(name);
    }

    /** The whole page, however long, as a PNG under target/screenshots, at the browser's width. */
    void screenshot(String name) {
        photograph(name, width, false);
    }

    /**
     * The page as a phone of 360 px shows it (reloaded at that width), photographed whole; it must not scroll
     * sideways.
     */
    void atPhoneWidth(String name) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 780,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            driver.navigate().refresh();
            Object overflow = driver.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow).as("%s scrolls sideways at 360 px", name).isEqualTo(false);
            photograph(name, 360, true);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.navigate().refresh();
        }
    }

    private void photograph(String name, int atWidth, boolean mobile) {
        Object full = driver.executeScript("return document.documentElement.scrollHeight;");
        int pageHeight = Math.min(Math.max(((Number) full).intValue(), height), 8000);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", atWidth, "height", pageHeight,
                "deviceScaleFactor", 1, "mobile", mobile));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!mobile) {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String axeSource() {
        try (InputStream in = PortalBrowser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            assertThat(in).as("axe-core in the test resources").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
