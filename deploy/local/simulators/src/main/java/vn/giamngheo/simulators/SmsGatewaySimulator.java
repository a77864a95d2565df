package vn.giamngheo.simulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;

/**
 * An SMS gateway (brand-name SMS, as the telecom operators offer it) on loopback. {@code POST /api/sms} takes
 * {@code messageId, to, text, callbackUrl} with a bearer token and an {@code Idempotency-Key} equal to the message id,
 * answers 202, and after a delay posts a delivery report ({@code DELIVERED}, or {@code UNDELIVERED} for numbers ending
 * in 0000) to the callback with {@code X-Signature-Timestamp: <Unix seconds>} and
 * {@code X-SMS-Signature: sha256=<HMAC of "<timestamp>.<body>">}, signed again for each attempt. A share of calls fails with 503;
 * a repeated key is never sent twice. {@code GET /admin/log} lists every message with its text.
 */
public final class SmsGatewaySimulator implements AutoCloseable {

    public record Settings(int port, String token, String callbackSecret, Duration deliveryDelay,
            double failureShare, long seed) {
    }

    /** One SMS as received; {@code calls} counts deliveries of the same idempotency key. */
    public static final class Sms {
        private final String messageId;
        private final String to;
        private final String text;
        private final Instant receivedAt = Instant.now();
        private final AtomicInteger calls = new AtomicInteger(1);
        private volatile String status = "ACCEPTED";

        Sms(String messageId, String to, String text) {
            this.messageId = messageId;
            this.to = to;
            this.text = text;
        }

        public String messageId() {
            return messageId;
        }

        public String to() {
            return to;
        }

        public String text() {
            return text;
        }

        public Instant receivedAt() {
            return receivedAt;
        }

        /** How many times the gateway was asked to send this message. */
        public int calls() {
            return calls.get();
        }

        /** ACCEPTED, then DELIVERED or UNDELIVERED. */
        public String status() {
            return status;
        }
    }

    private final Settings settings;
    private final HttpServer server;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Sms> messages = new ConcurrentHashMap<>();
    private final RandomGenerator random;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;

    public SmsGatewaySimulator(Settings settings) throws IOException {
        this.settings = settings;
        this.random = new java.util.SplittableRandom(settings.seed());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/sms", this::sms);
        server.createContext("/admin/log", this::log);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** While down, every call answers 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** The messages accepted, each once, in no particular order. */
    public List<Sms> received() {
        return List.copyOf(messages.values());
    }

    private void sms(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            if (!("Bearer " + settings.token()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                Exchanges.respond(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/api/sms")) {
                Exchanges.respond(exchange, 405, Map.of("error", "POST /api/sms"));
                return;
            }
            if (down || random.nextDouble() < settings.failureShare()) {
                Exchanges.respond(exchange, 503, Map.of("error", "service unavailable"));
                return;
            }
            JsonNode body = Exchanges.readIdempotent(exchange, "messageId", List.of("messageId", "to", "text",
                    "callbackUrl"));
            if (body == null) {
                return;
            }
            String key = body.get("messageId").asString();
            String to = body.get("to").asString();
            if (!to.matches("\\+84\\d{9}")) {
                Exchanges.respond(exchange, 400, Map.of("error", "to must be +84 and 9 digits"));
                return;
            }
            Sms created = new Sms(key, to, body.get("text").asString());
            Sms sms = messages.putIfAbsent(key, created);
            if (sms != null) {
                sms.calls.incrementAndGet();
            } else {
                sms = created;
                String callbackUrl = body.get("callbackUrl").asString();
                scheduler.schedule(() -> report(created, callbackUrl, 1), settings.deliveryDelay().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            Exchanges.respond(exchange, 202, Map.of("messageId", key, "status", sms.status));
        }
    }

    /** The delivery report, retried a few times. */
    private void report(Sms sms, String callbackUrl, int attempt) {
        sms.status = sms.to.endsWith("0000") ? "UNDELIVERED" : "DELIVERED";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", sms.messageId());
        body.put("status", sms.status);
        body.put("at", Instant.now().toString());
        if (sms.status.equals("UNDELIVERED")) {
            body.put("reason", "the handset did not answer within the validity period");
        }
        try {
            if (Exchanges.postSigned(client, callbackUrl, "X-SMS-Signature", settings.callbackSecret(), body)) {
                return;
            }
        } catch (IOException e) {
            // retried below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt < 5) {
            scheduler.schedule(() -> report(sms, callbackUrl, attempt + 1), 500L * attempt, TimeUnit.MILLISECONDS);
        }
    }

    private void log(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("calls", calls.get());
            log.put("messages", messages.values().stream()
                    .sorted(java.util.Comparator.comparing(Sms::receivedAt))
                    .map(m -> Map.of("messageId", m.messageId(), "to", m.to(), "text", m.text(),
                            "status", m.status(), "deliveries", m.calls(),
                            "receivedAt", m.receivedAt().toString()))
                    .toList());
            Exchanges.respond(exchange, 200, log);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        client.close();
    }

    /** Runs on its own: settings from the environment (see deploy/local/run). */
    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        SmsGatewaySimulator simulator = new SmsGatewaySimulator(new Settings(
                Integer.parseInt(env.getOrDefault("SMS_SIM_PORT", "9301")),
                env.getOrDefault("SMS_GATEWAY_TOKEN", "local-sms-token"),
                env.getOrDefault("SMS_CALLBACK_SECRET", "local-sms-callback-secret"),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("SMS_SIM_DELAY_MS", "500"))),
                Double.parseDouble(env.getOrDefault("SMS_SIM_FAILURE_SHARE", "0.05")),
                Long.parseLong(env.getOrDefault("SMS_SIM_SEED", "7"))));
        System.out.println("SMS gateway simulator listening on " + simulator.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }
}
