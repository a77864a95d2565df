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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The HTTP calls to BHXH's card service: JSON, a bearer token; requests go as lists of up to {@value #MAX_BATCH}
 * (BHXH exchanges lists of people with the commune), each idempotent by its request id.
 */
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

    /** The most requests BHXH takes in one call. */
    static final int MAX_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BhxhProperties properties;
    private final java.util.function.Supplier<String> callbackUrl;
    private final HttpClient http;

    BhxhClient(BhxhProperties properties, java.util.function.Supplier<String> callbackUrl) {
        this.properties = properties;
        this.callbackUrl = callbackUrl;
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
    }

    /**
     * Sends the list in one call.
     *
     * @return the answer for each request, in the list's order: what BHXH says of it when it took the list, else the
     *         call's failure (the same for all)
     * @throws IllegalArgumentException for more than {@value #MAX_BATCH} requests (BHXH would refuse the call)
     */
    List<Answer> send(List<CardRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("BHXH takes 1 to " + MAX_BATCH + " requests a call, not "
                    + requests.size());
        }
        String callback = callbackUrl.get();
        List<Map<String, Object>> list = new ArrayList<>(requests.size());
        for (CardRequest request : requests) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestId", request.bhxhKey());
            body.put("kind", request.kind());
            body.put("personId", request.personId());
            body.put("householdId", request.householdId());
            body.put("validFrom", request.validFrom().toString());
            body.put("sharePercent", request.sharePercent());
            body.put("callbackUrl", callback);
            list.add(body);
        }
        Map<String, Card> listed = new HashMap<>();
        Answer call = call(HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/api/cards/batch"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("requests", list)))),
                node -> {
                    node.path("results").forEach(r -> listed.put(r.path("requestId").asString(), card(r)));
                    return new Answer.Accepted(null);
                });
        if (!(call instanceof Answer.Accepted)) {
            return requests.stream().map(r -> call).toList();
        }
        return requests.stream().<Answer>map(r -> {
            Card card = listed.get(r.bhxhKey());
            return card == null ? new Answer.Transient("BHXH's answer did not list " + r.bhxhKey())
                    : new Answer.Accepted(card);
        }).toList();
    }

    Answer status(CardRequest request) {
        return call(HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/api/cards/"
                + URLEncoder.encode(request.bhxhKey(), StandardCharsets.UTF_8))).GET(),
                node -> new Answer.Accepted(card(node)));
    }

    private Answer call(HttpRequest.Builder builder, java.util.function.Function<JsonNode, Answer> accepted) {
        try {
            HttpResponse<byte[]> response = http.send(builder.timeout(properties.requestTimeout())
                    .header("Authorization", "Bearer " + properties.token()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return accepted.apply(JSON.readTree(response.body()));
            }
            String reason = "BHXH answered HTTP " + status + error(response.body());
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

    /** BHXH's {@code error}, if its answer names one. */
    private static String error(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.isString() ? ": " + error.asString() : "";
        } catch (RuntimeException notJson) {
            return "";
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
