package vn.giamngheo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 26: the local platform keeps its data. On the real launcher ({@code deploy/local/run start} on spare ports, the
 * default on-disk store, a small demo), a household is registered and decided poor through the API, with its
 * policy decisions, its three card requests issued by the BHXH simulator and its SMS; the whole platform is stopped
 * and started again on the same data folder; then the household, its decisions, its card requests and its messages
 * are all still there, unchanged, the demo is not loaded a second time, and an event produced after the restart is
 * processed by every service.
 */
class RestartKeepsDataIT {

    private static final Path REPO = Path.of(System.getenv().getOrDefault("GIAMNGHEO_REPO", "../..")).toAbsolutePath();
    private static final Path RUN_DIR = REPO.resolve("deploy/local/target/restart-run");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long START_TIMEOUT = Long.parseLong(System.getenv().getOrDefault("GIAMNGHEO_START_TIMEOUT",
            "240"));
    private static Api admin;
    private static Api chairman;
    private static boolean running;

    @BeforeAll
    static void sparePorts() throws IOException {
        for (String name : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "BHXH_SIM_PORT", "SMS_SIM_PORT",
                "MAIL_SMTP_PORT", "MAIL_HTTP_PORT", "HOUSEHOLD_PORT", "POLICY_PORT", "NOTIFICATION_PORT",
                "REPORTING_PORT", "AUTH_PORT", "PORTAL_PORT")) {
            PORTS.put(name, SparePorts.next());
        }
        // A data folder of this run's own: the first start is a first start.
        FileSystemUtils.deleteRecursively(RUN_DIR);
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        if (running) {
            stop();
        }
    }

    @Test
    void aHouseholdItsDecisionsCardsAndMessagesSurviveAStopAndStartAndTheDemoIsLoadedOnce() throws Exception {
        long began = System.nanoTime();
        String first = start();
        assertThat(first).contains("Data: " + RUN_DIR.resolve("data") + " (a first start: empty)")
                .containsPattern("Demo city loaded: [0-9]+ households");
        assertThat(Files.readString(RUN_DIR.resolve("data/demo.state"))).startsWith("loaded 40 households");
        long demo = households();
        assertThat(demo).isBetween(36L, 44L);
        long firstStarted = System.nanoTime();

        String id = registerAndDecidePoor();
        JsonNode household = json(admin.get(url("HOUSEHOLD_PORT", "/api/v1/households/" + id)));
        JsonNode classes = json(admin.get(url("HOUSEHOLD_PORT", "/api/v1/households/" + id + "/classes")));
        JsonNode decisions = json(admin.get(url("POLICY_PORT", "/api/v1/households/" + id + "/decisions")));
        List<String> cardRequests = ids(admin.get(url("NOTIFICATION_PORT", "/api/v1/card-requests?householdId=" + id)));
        List<String> messages = ids(admin.get(url("NOTIFICATION_PORT", "/api/v1/messages?householdId=" + id)));
        JsonNode ward = json(admin.get(url("REPORTING_PORT", "/api/v1/areas/08716/figures"))).get("households");
        assertThat(messages).as("the household's messages").isNotEmpty();

        long stopping = System.nanoTime();
        stop();
        long stopped = System.nanoTime();
        String second = start();
        long restarted = System.nanoTime();

        assertThat(second).contains("kept from the last run").contains("Demo city already loaded (loaded 40 households")
                .doesNotContain("Demo city loaded:");
        assertThat(households()).as("the demo's households and the one registered, each once").isEqualTo(demo + 1);
        assertThat(json(admin.get(url("HOUSEHOLD_PORT", "/api/v1/households/" + id)))).isEqualTo(household);
        assertThat(json(admin.get(url("HOUSEHOLD_PORT", "/api/v1/households/" + id + "/classes")))).isEqualTo(classes);
        assertThat(json(admin.get(url("POLICY_PORT", "/api/v1/households/" + id + "/decisions")))).isEqualTo(decisions);
        assertThat(ids(admin.get(url("NOTIFICATION_PORT", "/api/v1/card-requests?householdId=" + id))))
                .isEqualTo(cardRequests);
        assertThat(ids(admin.get(url("NOTIFICATION_PORT", "/api/v1/messages?householdId=" + id)))).isEqualTo(messages);
        assertThat(json(admin.get(url("REPORTING_PORT", "/api/v1/areas/08716/figures"))).get("households"))
                .isEqualTo(ward);
        // The search index was kept with the store (or rebuilt from it): the household is found by name.
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> admin.get(url("HOUSEHOLD_PORT",
                "/api/v1/households/search?q=Giang%20Văn%20Bền")).contains(id));

        // Events after the restart go on from the kept offsets: a new household reaches policy and reporting.
        String after = Api.id(admin.post(url("HOUSEHOLD_PORT", "/api/v1/households"), """
                {"unitCode":"08716","village":"Tổ dân phố Khai Quang 3","members":[
                  {"fullName":"Trịnh Văn Sáu","dateOfBirth":"1981-01-01","sex":"MALE","relationToHead":"HEAD"}]}
                """));
        Awaitility.await().atMost(WAIT).until(() -> admin.status(url("POLICY_PORT", "/api/v1/households/" + after))
                == 200);
        long wardBefore = sum(ward);
        Awaitility.await().atMost(WAIT).until(() -> sum(json(admin.get(url("REPORTING_PORT",
                "/api/v1/areas/08716/figures"))).get("households")) == wardBefore + 1);
        System.out.printf("restart e2e: first start with a 40-household demo %d s, the household decided with its "
                + "cards and SMS %d s, stop %d s, second start %d s, whole test %d s%n",
                (firstStarted - began) / 1_000_000_000, (stopping - firstStarted) / 1_000_000_000,
                (stopped - stopping) / 1_000_000_000, (restarted - stopped) / 1_000_000_000,
                (System.nanoTime() - began) / 1_000_000_000);
    }

    /** A household of three registered in 08716, made poor by a monthly review; its cards and SMS awaited. */
    private static String registerAndDecidePoor() throws Exception {
        String id = Api.id(admin.post(url("HOUSEHOLD_PORT", "/api/v1/households"), """
                {"unitCode":"08716","village":"Tổ dân phố Khai Quang 4","members":[
                  {"fullName":"Giang Văn Bền","dateOfBirth":"1979-02-02","sex":"MALE","relationToHead":"HEAD",
                   "citizenId":"026079005678"},
                  {"fullName":"Đỗ Thị Thơm","dateOfBirth":"1982-03-03","sex":"FEMALE","relationToHead":"SPOUSE"},
                  {"fullName":"Giang Minh Tú","dateOfBirth":"2014-04-04","sex":"MALE","relationToHead":"CHILD"}]}
                """));
        Awaitility.await().atMost(WAIT).until(() -> admin.status(url("NOTIFICATION_PORT", "/api/v1/households/" + id
                + "/events")) == 200);
        admin.call("PUT", url("NOTIFICATION_PORT", "/api/v1/contacts/households/" + id), "application/json",
                "{\"phone\":\"0912 678 999\"}");
        String round = Api.id(admin.post(url("HOUSEHOLD_PORT", "/api/v1/review-rounds"),
                "{\"unitCode\":\"08716\",\"kind\":\"MONTHLY\",\"referenceDate\":\"2026-11-02\"}"));
        String steps = url("HOUSEHOLD_PORT", "/api/v1/review-rounds/" + round);
        admin.post(steps + "/surveys", "{\"householdId\":\"" + id + "\",\"monthlyIncomePerCapitaVnd\":1500000,"
                + "\"deprivedIndicators\":[\"HEALTH_INSURANCE\",\"SANITATION\",\"DRINKING_WATER\"]}");
        admin.post(steps + "/village-meeting", "{\"date\":\"2026-11-03\",\"participants\":12,\"votes\":[{"
                + "\"householdId\":\"" + id + "\",\"agreeing\":11}]}");
        admin.post(steps + "/posting", "{\"startDate\":\"2026-11-04\"}");
        chairman.post(steps + "/decision", "{\"number\":\"212/QĐ-UBND\",\"date\":\"2026-11-12\","
                + "\"signerRole\":\"COMMUNE_CHAIRMAN\",\"effectiveDate\":\"2026-11-12\"}");
        // Three cards issued (policy's decisions show them) and the SMS about the decision sent.
        Awaitility.await().atMost(WAIT).until(() -> {
            JsonNode requests = json(admin.get(url("NOTIFICATION_PORT", "/api/v1/card-requests?householdId=" + id)));
            return requests.size() == 3 && requests.findValuesAsString("status").stream().allMatch("ISSUED"::equals);
        });
        Awaitility.await().atMost(WAIT).until(() -> {
            int issued = 0;
            for (JsonNode view : json(admin.get(url("POLICY_PORT", "/api/v1/households/" + id + "/decisions")))) {
                if (view.path("card").path("status").asString("").equals("ISSUED")) {
                    issued++;
                }
            }
            return issued == 3;
        });
        Awaitility.await().atMost(WAIT).until(() -> json(admin.get(url("SMS_SIM_PORT", "/admin/log")))
                .get("messages").findValuesAsString("to").contains("+84912678999"));
        Awaitility.await().atMost(WAIT).until(() -> !ids(admin.get(url("NOTIFICATION_PORT",
                "/api/v1/messages?householdId=" + id))).isEmpty());
        return id;
    }

    private static String start() throws Exception {
        Process start = launcher("start");
        long bound = START_TIMEOUT + 300;
        boolean finished = start.waitFor(bound, TimeUnit.SECONDS);
        running = true;
        assertThat(finished).as("deploy/local/run start finished within %d s", bound).isTrue();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(start.exitValue()).as(output).isZero();
        assertThat(output).contains("Giảm Nghèo platform is running");
        // The provider makes a new signing key at each start: new tokens.
        String auth = url("AUTH_PORT", "");
        admin = new Api(auth, "city-admin", "demo");
        chairman = new Api(auth, "chairman-08716", "demo");
        return output;
    }

    private static void stop() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(RUN_DIR.resolve("pids"))) {
            for (Path pid : files.toList()) {
                pids.add(Long.parseLong(Files.readString(pid).strip()));
            }
        }
        Process stop = launcher("stop");
        assertThat(stop.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(stop.exitValue()).isZero();
        running = false;
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d is still running after stop", pid).isFalse();
        }
    }

    private static Process launcher(String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(REPO.resolve("deploy/local/run").toString(), command)
                .redirectErrorStream(true);
        PORTS.forEach((name, port) -> builder.environment().put(name, String.valueOf(port)));
        builder.environment().put("GIAMNGHEO_RUN_DIR", RUN_DIR.toString());
        builder.environment().remove("GIAMNGHEO_STORE");
        builder.environment().put("GIAMNGHEO_NO_BUILD", "1");
        builder.environment().put("GIAMNGHEO_DEMO_HOUSEHOLDS", "40");
        return builder.start();
    }

    private static String url(String port, String path) {
        return "http://127.0.0.1:" + PORTS.get(port) + path;
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** The ids of a list, sorted. */
    private static List<String> ids(String body) {
        return List.copyOf(new TreeSet<>(json(body).findValuesAsString("id")));
    }

    /** Households household-service holds, active or removed. */
    private static long households() {
        long total = 0;
        for (String status : List.of("ACTIVE", "REMOVED")) {
            total += json(admin.get(url("HOUSEHOLD_PORT", "/api/v1/households?status=" + status + "&size=1")))
                    .get("total").asLong();
        }
        return total;
    }

    private static long sum(JsonNode counts) {
        long n = 0;
        for (JsonNode c : counts) {
            n += c.asLong();
        }
        return n;
    }
}
