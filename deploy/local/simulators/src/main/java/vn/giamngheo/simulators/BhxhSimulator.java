package vn.giamngheo.simulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
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
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vietnam Social Security's card service as the platform sees it, on loopback: {@code POST /api/cards/batch} takes a
 * list of up to {@value #MAX_BATCH} requests to issue or cancel health-insurance cards ({@code {"requests": [...]}},
 * bearer token; BHXH exchanges lists of people with the commune) and answers 202 with each request's state
 * ({@code {"results": [...]}}, in the list's order), a longer list 413; {@code POST /api/cards} takes one request
 * ({@code Idempotency-Key} header). Each request is idempotent by its {@code requestId}; after a delay BHXH issues each
 * card and calls the request's {@code callbackUrl} with {@code X-Signature-Timestamp: <Unix seconds>}
 * and {@code X-BHXH-Signature: sha256=<HMAC of "<timestamp>.<body>">}, signed again for each attempt. {@code GET /api/cards/{requestId}} answers the state for polling. A share of calls fails (503 or a
 * timeout); {@link #setDown(boolean)} makes every call fail. A repeated idempotency key never issues twice.
 * {@code GET /admin/log} lists what it received. {@code PUT /admin/refusals/{personId}} with {@code {"reason": "…"}}
 * makes BHXH refuse every new request for that person (accepted, then called back {@code REJECTED} with the reason,
 * as BHXH does for a person its registry cannot match) until {@code DELETE /admin/refusals/{personId}};
 * {@code GET /admin/refusals} lists them. A request already received keeps the answer it got.
 */
public final class BhxhSimulator implements AutoCloseable {

    /** @param failureShare share of calls that fail; {@code timeoutShare} of those time out instead of answering 503 */
    public record Settings(int port, String token, String callbackSecret, Duration issueDelay, double failureShare,
            double timeoutShare, Duration timeout, long seed) {
    }

    /** One card request as received; {@code calls} counts the deliveries of the same idempotency key. */
    public static final class Card {
        final String requestId;
        final String kind;
        final String personId;
        final String callbackUrl;
        final LocalDate validFrom;
        final int sharePercent;
        /** When the request was first received (epoch milliseconds): the benchmark's card latency ends here. */
        final long receivedAt = System.currentTimeMillis();
        volatile String status = "ACCEPTED";
        volatile String cardNumber;
        /** Why BHXH refused it (status REJECTED); null otherwise. */
        volatile String reason;
        final AtomicInteger calls = new AtomicInteger(1);
        final AtomicInteger callbacks = new AtomicInteger();

        Card(String requestId, String kind, String personId, String callbackUrl, LocalDate validFrom, int share) {
            this.requestId = requestId;
            this.kind = kind;
            this.personId = personId;
            this.callbackUrl = callbackUrl;
            this.validFrom = validFrom;
            this.sharePercent = share;
        }
    }

    /** The most requests one call to {@code POST /api/cards/batch} may carry. */
    public static final int MAX_BATCH = 500;
    private static final List<String> FIELDS = List.of("requestId", "kind", "personId", "validFrom", "callbackUrl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final HttpServer server;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Card> cards = new ConcurrentHashMap<>();
    /** Person id → the reason BHXH gives for refusing their new requests. */
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final RandomGenerator random;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean down;

    public BhxhSimulator(Settings settings) throws IOException {
        this.settings = settings;
        this.random = new java.util.SplittableRandom(settings.seed());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/cards", this::cards);
        server.createContext("/admin/log", this::log);
        server.createContext("/admin/refusals", this::refusals);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** While down, every call answers 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** Until {@link #accept(String)}, every new request for {@code personId} is refused with {@code reason}. */
    public void refuse(String personId, String reason) {
        refusals.put(personId, reason);
    }

    /** New requests for {@code personId} are issued again. */
    public void accept(String personId) {
        refusals.remove(personId);
    }

    /** Calls received, including failed and repeated ones. */
    public int calls() {
        return calls.get();
    }

    /** Cards issued (each request at most once). */
    public long issued() {
        return cards.values().stream().filter(c -> c.status.equals("ISSUED")).count();
    }

    /** How many times the request with this id was delivered to us; 0 if never accepted. */
    public int deliveries(String requestId) {
        Card card = cards.get(requestId);
        return card == null ? 0 : card.calls.get();
    }

    private void cards(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + settings.token()).equals(auth)) {
                respond(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET") && path.startsWith("/api/cards/")) {
                Card card = cards.get(path.substring("/api/cards/".length()));
                if (card == null) {
                    respond(exchange, 404, Map.of("error", "unknown request"));
                } else {
                    respond(exchange, 200, state(card));
                }
                return;
            }
            boolean batch = path.equals("/api/cards/batch");
            if (!exchange.getRequestMethod().equals("POST") || !(batch || path.equals("/api/cards"))) {
                respond(exchange, 405, Map.of("error", "POST /api/cards/batch, POST /api/cards or GET "
                        + "/api/cards/{requestId}"));
                return;
            }
            if (down || random.nextDouble() < settings.failureShare()) {
                failures.incrementAndGet();
                if (!down && random.nextDouble() < settings.timeoutShare()) {
                    sleep(settings.timeout());
                    respond(exchange, 504, Map.of("error", "timed out"));
                } else {
                    respond(exchange, 503, Map.of("error", "service unavailable"));
                }
                return;
            }
            if (batch) {
                batch(exchange);
                return;
            }
            JsonNode body = Exchanges.readIdempotent(exchange, "requestId", FIELDS);
            if (body != null) {
                respond(exchange, 202, state(receive(body)));
            }
        }
    }

    /** {@code {"requests": [...]}}, 1 to {@value #MAX_BATCH}: each received as by {@code POST /api/cards}. */
    private void batch(HttpExchange exchange) throws IOException {
        JsonNode requests;
        try (var in = exchange.getRequestBody()) {
            requests = JSON.readTree(in.readAllBytes()).path("requests");
        } catch (RuntimeException e) {
            respond(exchange, 400, Map.of("error", "body is not JSON"));
            return;
        }
        if (!requests.isArray() || requests.isEmpty()) {
            respond(exchange, 400, Map.of("error", "requests: a list of 1 to " + MAX_BATCH + " card requests"));
            return;
        }
        if (requests.size() > MAX_BATCH) {
            respond(exchange, 413, Map.of("error", "at most " + MAX_BATCH + " requests a call; this one had "
                    + requests.size() + ": send the others in another call"));
            return;
        }
        for (int i = 0; i < requests.size(); i++) {
            JsonNode request = requests.get(i);
            List<String> missing = FIELDS.stream().filter(field -> !request.hasNonNull(field)).toList();
            if (!missing.isEmpty()) {
                respond(exchange, 400, Map.of("error", "requests[" + i + "]: missing " + missing));
                return;
            }
        }
        List<ObjectNode> results = new java.util.ArrayList<>(requests.size());
        requests.forEach(request -> results.add(state(receive(request))));
        respond(exchange, 202, Map.of("results", results));
    }

    /** A request received: new ones are issued (or refused) after the delay; a repeated one is counted. */
    private Card receive(JsonNode body) {
        String key = body.get("requestId").asString();
        Card created = new Card(key, body.get("kind").asString(), body.get("personId").asString(),
                body.get("callbackUrl").asString(), LocalDate.parse(body.get("validFrom").asString()),
                body.path("sharePercent").asInt(100));
        Card card = cards.putIfAbsent(key, created);
        if (card != null) {
            card.calls.incrementAndGet();
            return card;
        }
        created.reason = refusals.get(created.personId);
        scheduler.schedule(() -> complete(created), settings.issueDelay().toMillis(), TimeUnit.MILLISECONDS);
        return created;
    }

    private void complete(Card card) {
        if (card.reason != null) {
            card.status = "REJECTED";
        } else if (card.kind.equals("CANCEL")) {
            card.status = "CANCELLED";
        } else {
            card.cardNumber = cardNumber(card);
            card.status = "ISSUED";
        }
        callBack(card, 1);
    }

    /** Calls back, retrying a few times; the platform also polls, so a lost callback is not fatal. */
    private void callBack(Card card, int attempt) {
        try {
            card.callbacks.incrementAndGet();
            if (Exchanges.postSigned(client, card.callbackUrl, "X-BHXH-Signature", settings.callbackSecret(),
                    state(card))) {
                return;
            }
        } catch (IOException e) {
            // retried below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt < 5) {
            scheduler.schedule(() -> callBack(card, attempt + 1), 500L * attempt, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The signature BHXH (and the SMS gateway) put on a callback: HMAC-SHA256 of {@code "<timestamp>.<body>"} with
     * {@code secret}, in lower-case hex; {@code timestamp} (Unix seconds) goes in {@code X-Signature-Timestamp}.
     */
    public static String sign(String secret, long timestamp, byte[] body) {
        return Exchanges.sign(secret, timestamp, body);
    }

    /** A card number in BHXH's shape: group (HN poor, CN near-poor, GD household), level, province 25, 10 digits. */
    private static String cardNumber(Card card) {
        String group = card.sharePercent >= 100 ? "HN" : card.sharePercent >= 70 ? "CN" : "GD";
        long digits = Math.floorMod((long) card.personId.hashCode() * 31 + card.requestId.hashCode(), 10_000_000_000L);
        return group + (card.sharePercent >= 100 ? "2" : "3") + "25" + String.format("%010d", digits);
    }

    private static ObjectNode state(Card card) {
        ObjectNode node = JSON.createObjectNode();
        node.put("requestId", card.requestId);
        node.put("kind", card.kind);
        node.put("status", card.status);
        if (card.cardNumber != null) {
            node.put("cardNumber", card.cardNumber);
            node.put("validFrom", card.validFrom.toString());
            node.put("validTo", card.validFrom.plusYears(1).minusDays(1).toString());
        }
        if (card.status.equals("REJECTED")) {
            node.put("reason", card.reason);
        }
        return node;
    }

    private void log(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("calls", calls.get());
            log.put("failures", failures.get());
            log.put("requests", cards.values().stream().map(c -> Map.of("requestId", c.requestId, "kind", c.kind,
                    "status", c.status, "deliveries", c.calls.get(), "callbacks", c.callbacks.get(),
                    "receivedAt", c.receivedAt)).toList());
            respond(exchange, 200, log);
        }
    }

    /** {@code PUT /admin/refusals/{personId}} {@code {"reason"}}, {@code DELETE /admin/refusals/{personId}}, GET. */
    private void refusals(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String personId = path.startsWith("/admin/refusals/") ? path.substring("/admin/refusals/".length()) : "";
            switch (exchange.getRequestMethod()) {
                case "GET" -> respond(exchange, 200, Map.copyOf(refusals));
                case "PUT" -> {
                    String reason;
                    try (var in = exchange.getRequestBody()) {
                        reason = Exchanges.JSON.readTree(in.readAllBytes()).path("reason").asString("");
                    } catch (RuntimeException notJson) {
                        reason = "";
                    }
                    if (personId.isBlank() || reason.isBlank()) {
                        respond(exchange, 400, Map.of("error", "PUT /admin/refusals/{personId} {\"reason\": \"…\"}"));
                        return;
                    }
                    refuse(personId, reason);
                    respond(exchange, 200, Map.of("personId", personId, "reason", reason));
                }
                case "DELETE" -> {
                    accept(personId);
                    respond(exchange, 200, Map.of("personId", personId));
                }
                default -> respond(exchange, 405, Map.of("error", "GET, PUT or DELETE"));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        Exchanges.respond(exchange, status, body);
    }

    private static void sleep(Duration duration) {
        Exchanges.sleep(duration);
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
        BhxhSimulator simulator = new BhxhSimulator(new Settings(
                Integer.parseInt(env.getOrDefault("BHXH_SIM_PORT", "9300")),
                env.getOrDefault("BHXH_TOKEN", "local-bhxh-token"),
                env.getOrDefault("BHXH_CALLBACK_SECRET", "local-bhxh-callback-secret"),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("BHXH_SIM_DELAY_MS", "1500"))),
                Double.parseDouble(env.getOrDefault("BHXH_SIM_FAILURE_SHARE", "0.1")),
                Double.parseDouble(env.getOrDefault("BHXH_SIM_TIMEOUT_SHARE", "0.3")),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("BHXH_SIM_TIMEOUT_MS", "3000"))),
                Long.parseLong(env.getOrDefault("BHXH_SIM_SEED", "42"))));
        System.out.println("BHXH simulator listening on " + simulator.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }
}
