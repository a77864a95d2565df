package vn.giamngheo.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import vn.giamngheo.simulators.BhxhSimulator;

/**
 * A callback as BHXH or the SMS gateway sends it: the body, the time it was signed at and the signature over both.
 * Posting the same instance twice is a replay; signing the same body again is a sender's own retry.
 */
record SignedCallback(byte[] body, long signedAt, String signature) {

    static SignedCallback sign(String secret, String body, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new SignedCallback(bytes, at.getEpochSecond(),
                "sha256=" + BhxhSimulator.sign(secret, at.getEpochSecond(), bytes));
    }

    /** Posts it with {@code signatureHeader} and {@code X-Signature-Timestamp}; the HTTP status. */
    int post(String url, String signatureHeader) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(signatureHeader, signature).header("X-Signature-Timestamp", Long.toString(signedAt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
