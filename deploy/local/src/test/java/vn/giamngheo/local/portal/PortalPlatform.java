package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.ObjectMapper;

/**
 * The platform every portal journey runs on: started once by the real launcher ({@code deploy/local/run start} on
 * spare ports, 200 demo households) for all the journey classes of a test run, and stopped when the run ends. With
 * {@code PORTAL_IT_ATTACH=1} and the port variables and {@code GIAMNGHEO_RUN_DIR} of a platform started by hand, the
 * journeys use that one and leave it running.
 */
final class PortalPlatform implements AutoCloseable {

    /** On a journey class: the shared platform is running before its {@code @BeforeAll} methods. */
    static final class Running implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            // In the root store, so that JUnit closes (stops) it once, after the last class of the run.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(PortalPlatform.class, key -> shared(), PortalPlatform.class);
        }
    }

    private static final Path REPO = Path.of(System.getenv().getOrDefault("GIAMNGHEO_REPO", "../..")).toAbsolutePath();
    private static final boolean ATTACHED = System.getenv("PORTAL_IT_ATTACH") != null;
    private static final String[] PORT_NAMES = {"KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "BHXH_SIM_PORT",
            "SMS_SIM_PORT", "MAIL_SMTP_PORT", "MAIL_HTTP_PORT", "HOUSEHOLD_PORT", "POLICY_PORT", "NOTIFICATION_PORT",
            "REPORTING_PORT", "AUTH_PORT", "PORTAL_PORT"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PortalPlatform shared;
    /** Why the shared platform did not start: the later journey classes of the run fail at once with it. */
    private static RuntimeException failedToStart;

    private final Map<String, Integer> ports;
    private final Path runDir;
    /** What the launcher printed when it started the platform; null when attached to one started by hand. */
    private final String startOutput;

    private PortalPlatform(Map<String, Integer> ports, Path runDir, String startOutput) {
        this.ports = ports;
        this.runDir = runDir;
        this.startOutput = startOutput;
    }

    /** The platform of this test run, started on first use. */
    static synchronized PortalPlatform shared() {
        if (failedToStart != null) {
            throw new IllegalStateException("the platform did not start for an earlier journey of this run",
                    failedToStart);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                failedToStart = new java.io.UncheckedIOException(e);
                throw failedToStart;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failedToStart = new IllegalStateException(e);
                throw failedToStart;
            } catch (RuntimeException | AssertionError e) {
                failedToStart = new IllegalStateException("the platform did not start", e);
                throw e;
            }
        }
        return shared;
    }

    private static PortalPlatform start() throws IOException, InterruptedException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : PORT_NAMES) {
            ports.put(name, ATTACHED ? Integer.parseInt(System.getenv(name)) : vn.giamngheo.local.SparePorts.next());
        }
        if (ATTACHED) {
            return new PortalPlatform(ports, Path.of(System.getenv("GIAMNGHEO_RUN_DIR")), null);
        }
        PortalPlatform platform = new PortalPlatform(ports, REPO.resolve("deploy/local/target/portal-run"), null);
        // The platform keeps its data between runs (issue 26): the journeys begin on an empty one.
        Process reset = platform.launcher("reset", "--yes");
        assertThat(reset.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(reset.exitValue()).isZero();
        Process start = platform.launcher("start");
        // The launcher bounds each process's start by GIAMNGHEO_START_TIMEOUT; the demo load comes after it.
        long bound = Long.parseLong(System.getenv().getOrDefault("GIAMNGHEO_START_TIMEOUT", "240")) + 300;
        boolean finished = start.waitFor(bound, TimeUnit.SECONDS);
        // read before anything is destroyed: the launcher's own words are the failure's explanation
        String output = finished ? new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
        if (!finished || start.exitValue() != 0) {
            // Whatever did start must not outlive the run (the next run would find it "already running").
            start.destroyForcibly();
            platform.launcher("stop").waitFor(2, TimeUnit.MINUTES);
        }
        assertThat(finished).as("deploy/local/run start finished within %d s", bound).isTrue();
        assertThat(start.exitValue()).as(output).isZero();
        return new PortalPlatform(ports, platform.runDir, output);
    }

    @Override
    public void close() throws Exception {
        if (startOutput != null) {
            Process stop = launcher("stop");
            assertThat(stop.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    int port(String name) {
        return ports.get(name);
    }

    String portal() {
        return "http://localhost:" + port("PORTAL_PORT");
    }

    /** The repository the platform was built from (its standards' files, for what the journeys expect). */
    static Path repo() {
        return REPO;
    }

    Path runDir() {
        return runDir;
    }

    /** What the launcher printed on start; null when the journeys are attached to a platform started by hand. */
    String startOutput() {
        return startOutput;
    }

    /** A token of the demo administrator (client credentials), for what the journeys check behind the pages. */
    String adminToken() throws IOException, InterruptedException {
        return token("city-admin");
    }

    /** A token of a demo machine client ({@code chairman-04891}, …: client credentials, secret "demo"). */
    String token(String client) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((client + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port("AUTH_PORT") + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private Process launcher(String... command) throws IOException {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(
                REPO.resolve("deploy/local/run").toString()));
        line.addAll(java.util.List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        ports.forEach((name, port) -> builder.environment().put(name, String.valueOf(port)));
        builder.environment().put("GIAMNGHEO_RUN_DIR", runDir.toString());
        builder.environment().put("GIAMNGHEO_NO_BUILD", "1");
        // Enough households for both wards and a search with many results, and quick to load.
        builder.environment().put("GIAMNGHEO_DEMO_HOUSEHOLDS", "200");
        return builder.start();
    }

}
