package vn.giamngheo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Real headless Chromium for page tests: Debian's {@code chromium} and {@code chromium-driver} (installed by .ci/run). */
public final class Chromium {

    private static final String CHROMIUM = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A new headless browser with its own profile, {@code width} × {@code height} pixels; quit it when done. */
    public static ChromeDriver start(int width, int height) {
        assertThat(new File(CHROMIUM)).as("Chromium at %s (Debian packages chromium and chromium-driver; "
                + ".ci/run installs them)", CHROMIUM).canRead();
        assertThat(new File(CHROMEDRIVER)).as("ChromeDriver at %s", CHROMEDRIVER).canRead();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        // Installed before any page script runs (and outside the page's Content-Security-Policy), so that even a
        // violation by the first inline script or style is seen.
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
                    e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':'
                    + e.lineNumber));
                """));
        return browser;
    }

    /**
     * The Content-Security-Policy violations of the page open in {@code browser} (a browser from {@link #start}):
     * each directive and what it blocked where. An empty list means the page ran as its policy allows.
     */
    @SuppressWarnings("unchecked")
    public static List<String> contentSecurityViolations(ChromeDriver browser) {
        Object seen = browser.executeScript("return window.__cspViolations;");
        assertThat(seen).as("the violation recorder is installed in the page").isNotNull();
        return List.copyOf((List<String>) seen);
    }
}
