package vn.giamngheo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;

/**
 * The walking skeleton end to end, on the real launcher: {@code deploy/local/run start} brings up the broker, Mongo
 * and the four service jars on spare ports; a household registered over HTTP reaches every service; a duplicated
 * delivery changes no count; {@code deploy/local/run stop} leaves no process behind.
 */
class LocalPlatformIT {

    private static final Path REPO = Path.of(System.getenv().getOrDefault("GIAMNGHEO_REPO", "../..")).toAbsolutePath();
    private static final Path RUN_DIR = REPO.resolve("deploy/local/target/e2e-run");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static final List<Long> STARTED = new ArrayList<>();

    @BeforeAll
    static void startThePlatform() throws Exception {
        for (String name : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "BHXH_SIM_PORT", "HOUSEHOLD_PORT",
                "POLICY_PORT", "NOTIFICATION_PORT", "REPORTING_PORT")) {
            PORTS.put(name, freePort());
        }
        Process start = launcher("start");
        assertThat(start.waitFor(6, TimeUnit.MINUTES)).as("deploy/local/run start finished").isTrue();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(start.exitValue()).as(output).isZero();
        assertThat(output).contains("Giảm Nghèo platform is running");
        assertThat(output).containsPattern("Demo city loaded: 1[45][0-9] households");
        try (var pids = Files.list(RUN_DIR.resolve("pids"))) {
            for (Path pid : pids.toList()) {
                STARTED.add(Long.parseLong(Files.readString(pid).strip()));
            }
        }
        assertThat(STARTED).as("kafka, mongo, the BHXH simulator and four services").hasSize(7);
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        Process stop = launcher("stop");
        assertThat(stop.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(stop.exitValue()).isZero();
        for (long pid : STARTED) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d is still running after stop", pid).isFalse();
        }
    }

    @Test
    void aRegisteredHouseholdReachesEveryServiceAndADuplicateDeliveryChangesNoCount() throws Exception {
        long before = households("08716");

        HttpResponse<String> created = post(url("HOUSEHOLD_PORT", "/api/v1/households"), """
                {"unitCode":"08716","village":"Tổ dân phố Khai Quang 2","members":[
                  {"fullName":"Lê Văn Dũng","dateOfBirth":"1980-05-05","sex":"MALE","relationToHead":"HEAD"},
                  {"fullName":"Phạm Thị Em","dateOfBirth":"1983-07-07","sex":"FEMALE","relationToHead":"SPOUSE"}]}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> households("08716") == before + 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                get(url("POLICY_PORT", "/api/v1/households/" + id)).statusCode() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                get(url("NOTIFICATION_PORT", "/api/v1/households/" + id + "/events")).statusCode() == 200);

        ConsumerRecord<String, byte[]> record = firstRecordKeyed(id);
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.HOUSEHOLD_REGISTERED.ceType());
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);

        double duplicatesBefore = duplicates();
        redeliver(record);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(households("08716")).isEqualTo(before + 1);
        assertThat(get(url("NOTIFICATION_PORT", "/api/v1/households/" + id + "/events")).body())
                .containsOnlyOnce("\"eventId\"");
    }

    @Test
    void theDemoCityHasClassesDecidedByTheEnd2022Review() throws Exception {
        HttpResponse<String> above = get(url("HOUSEHOLD_PORT", "/api/v1/households?class=ABOVE&size=1"));

        assertThat(Long.parseLong(field(above.body(), "total"))).isGreaterThan(100);
        String anyone = field(above.body(), "id");
        assertThat(get(url("HOUSEHOLD_PORT", "/api/v1/households/" + anyone + "/classes")).body())
                .contains("\"effectiveDate\":\"2022-01-01\"");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() throws Exception {
        long before = households("08707");

        HttpResponse<String> response = post(url("HOUSEHOLD_PORT", "/api/v1/households"),
                "{\"unitCode\":\"08710\",\"village\":\"Tổ 1\",\"members\":[{\"fullName\":\"A\","
                        + "\"dateOfBirth\":\"1970-01-01\",\"sex\":\"MALE\",\"relationToHead\":\"HEAD\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"unitCode\"");
        assertThat(households("08707")).isEqualTo(before);
    }

    private static Process launcher(String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(REPO.resolve("deploy/local/run").toString(), command)
                .redirectErrorStream(true);
        PORTS.forEach((name, port) -> builder.environment().put(name, String.valueOf(port)));
        builder.environment().put("GIAMNGHEO_RUN_DIR", RUN_DIR.toString());
        // The reactor built the jars just before this test; never start a nested build from inside it.
        builder.environment().put("GIAMNGHEO_NO_BUILD", "1");
        // A small demo city, so that the loader is exercised too.
        builder.environment().put("GIAMNGHEO_DEMO_HOUSEHOLDS", "150");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String url(String service, String path) {
        return "http://127.0.0.1:" + PORTS.get(service) + path;
    }

    private static long households(String unit) throws Exception {
        return Long.parseLong(field(get(url("REPORTING_PORT", "/api/v1/areas/" + unit + "/summary")).body(),
                "households"));
    }

    /** household.registered events reporting-service has recognised as already applied. */
    private static double duplicates() throws Exception {
        Matcher m = Pattern.compile("giamngheo_events_duplicate_total\\{[^}]*type=\"vn\\.giamngheo\\.household"
                + "\\.registered\\.v1\"[^}]*} ([0-9.E]+)").matcher(get(url("REPORTING_PORT", "/actuator/prometheus")).body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String bootstrap() {
        return "127.0.0.1:" + PORTS.get("KAFKA_PORT");
    }

    private static ConsumerRecord<String, byte[]> firstRecordKeyed(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.HOUSEHOLD_EVENTS));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }

    /** The same record again, byte for byte: what an at-least-once relay does after a crash. */
    private static void redeliver(ConsumerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
            record.headers().forEach(h -> copy.headers().add(h));
            producer.send(copy).get();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
