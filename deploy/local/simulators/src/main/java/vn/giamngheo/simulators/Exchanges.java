package vn.giamngheo.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What the simulators share: JSON answers, signed callbacks, pauses. */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Reads a JSON request that must name {@code fields} and carry an {@code Idempotency-Key} header equal to its
     * {@code idField}; answers 400 and returns null when it does not.
     */
    static JsonNode readIdempotent(HttpExchange exchange, String idField, List<String> fields) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readAllBytes());
        } catch (RuntimeException e) {
            respond(exchange, 400, Map.of("error", "body is not JSON"));
            return null;
        }
        List<String> missing = fields.stream().filter(field -> !body.hasNonNull(field)).toList();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || !missing.isEmpty() || !key.equals(body.path(idField).asString())) {
            respond(exchange, 400, Map.of("error", key == null ? "Idempotency-Key header is required"
                    : !missing.isEmpty() ? "missing " + missing : "Idempotency-Key differs from " + idField));
            return null;
        }
        return body;
    }

    /** HMAC-SHA256 of {@code "<timestamp>.<body>"} with {@code secret}, in lower-case hex. */
    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * POSTs a JSON body signed now ({@code X-Signature-Timestamp} and {@code header}); true when the receiver answered
     * 2xx. Each call signs afresh, so a retry is not mistaken for a replay.
     */
    static boolean postSigned(HttpClient client, String url, String header, String secret, Object body)
            throws IOException, InterruptedException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        long now = Instant.now().getEpochSecond();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Signature-Timestamp", Long.toString(now))
                .header(header, "sha256=" + sign(secret, now, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() < 300;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
