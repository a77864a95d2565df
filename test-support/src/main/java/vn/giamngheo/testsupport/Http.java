package vn.giamngheo.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests, as any outside caller would use the API. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, String contentType, String body) {

        /** This response, after checking its status (the body is shown when it differs). */
        public Response expectStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    /** Requests are made as the city administrator unless {@link #as} says otherwise. */
    private static final String ADMIN = TestTokens.cityAdmin();
    private static final ThreadLocal<String> TOKEN = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> ANONYMOUS = ThreadLocal.withInitial(() -> false);

    private Http() {
    }

    /** Makes the requests of {@code call} with {@code token} (null: with no token at all). */
    public static <T> T as(String token, java.util.function.Supplier<T> call) {
        String before = TOKEN.get();
        boolean anonymousBefore = ANONYMOUS.get();
        TOKEN.set(token);
        ANONYMOUS.set(token == null);
        try {
            return call.get();
        } finally {
            TOKEN.set(before);
            ANONYMOUS.set(anonymousBefore);
        }
    }

    /** The status of one call as {@code token} (null: without a token): GET, POST or PUT with a JSON body. */
    public static int status(String token, String method, String url, String body) {
        return as(token, () -> switch (method) {
            case "GET" -> get(url);
            case "PUT" -> put(url, body);
            case "POST" -> post(url, body);
            default -> throw new IllegalArgumentException(method);
        }).status();
    }

    private static HttpRequest.Builder signed(HttpRequest.Builder request) {
        if (!ANONYMOUS.get()) {
            request.header("Authorization", "Bearer " + (TOKEN.get() == null ? ADMIN : TOKEN.get()));
        }
        return request;
    }

    public static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static Response post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A POST of a body of any type, e.g. {@code text/csv}. */
    public static Response post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A POST of bytes of any type, e.g. an Excel workbook. */
    public static Response post(String url, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public static Response put(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A multipart/form-data upload of one file, as a browser form sends it. */
    public static Response upload(String url, String field, String filename, byte[] content) {
        String boundary = "----giamngheo" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The raw bytes of a GET, e.g. a downloaded spreadsheet. */
    public static byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(signed(HttpRequest.newBuilder(URI.create(url))).GET()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(signed(request).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
