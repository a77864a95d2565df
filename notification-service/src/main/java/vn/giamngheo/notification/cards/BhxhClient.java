package vn.giamngheo.notification.cards;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The HTTP calls to BHXH's card service: JSON, a bearer token, the request id as idempotency key. */
final class BhxhClient {

    /** What BHXH answered. {@code card} is set when it says the card is issued already. */
    sealed interface Answer {
        record Accepted(Card card) implements Answer {
        }

        /** Worth trying again: 5xx, 429, a timeout, a refused connection. */
        record Transient(String reason) implements Answer {
        }

        /** BHXH refused the request (4xx): retrying the same request cannot help. */
        record Refused(String reason) implements Answer {
        }
    }

    /** @param status ACCEPTED, ISSUED, CANCELLED or REJECTED */
    record Card(String status, String cardNumber, LocalDate validFrom, LocalDate validTo, String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BhxhProperties properties;
    private final java.util.function.Supplier<String> callbackUrl;
    private final HttpClient http;

    BhxhClient(BhxhProperties properties, java.util.function.Supplier<String> callbackUrl) {
        this.properties = properties;
        this.callbackUrl = callbackUrl;
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
    }

    Answer send(CardRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", request.bhxhKey());
        body.put("kind", request.kind());
        body.put("personId", request.personId());
        body.put("householdId", request.householdId());
        body.put("validFrom", request.validFrom().toString());
        body.put("sharePercent", request.sharePercent());
        body.put("callbackUrl", callbackUrl.get());
        return call(HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/api/cards"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", request.bhxhKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    Answer status(CardRequest request) {
        return call(HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/api/cards/"
                + URLEncoder.encode(request.bhxhKey(), StandardCharsets.UTF_8))).GET());
    }

    private Answer call(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = http.send(builder.timeout(properties.requestTimeout())
                    .header("Authorization", "Bearer " + properties.token()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer.Accepted(card(JSON.readTree(response.body())));
            }
            String reason = "BHXH answered HTTP " + status;
            return status == 429 || status >= 500 ? new Answer.Transient(reason) : new Answer.Refused(reason);
        } catch (HttpTimeoutException e) {
            return new Answer.Transient("BHXH did not answer within " + properties.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Answer.Transient("BHXH unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Transient("interrupted");
        } catch (RuntimeException e) {
            return new Answer.Transient("BHXH answered something unreadable: " + e.getMessage());
        }
    }

    /** Reads a card state ({@code requestId, status, cardNumber, validFrom, validTo, reason}). */
    static Card card(JsonNode node) {
        return new Card(node.path("status").asString("ACCEPTED"), text(node, "cardNumber"),
                date(node, "validFrom"), date(node, "validTo"), text(node, "reason"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asString()) : null;
    }
}
