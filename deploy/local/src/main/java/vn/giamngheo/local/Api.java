package vn.giamngheo.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's HTTP API as the demo loader and the benchmark call it: as the city administrator, with a token from
 * the local OpenID Connect provider ({@code AUTH_URL}, client {@code city-admin}, secret {@code GIAMNGHEO_DEMO_SECRET})
 * renewed before it runs out, and again after a 401 (a restarted provider signs with a new key). A read answered 503
 * (a dependency did not answer) is asked again after its {@code Retry-After}, a few times. Any other answer than 2xx
 * is an error naming the call.
 */
public final class Api {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth;
    private final String client;
    private final String secret;
    private volatile String token;
    private volatile long tokenRenewAt;

    /** As the city administrator, at {@code AUTH_URL} with the secret {@code GIAMNGHEO_DEMO_SECRET}. */
    public Api() {
        this(KafkaBroker.env("AUTH_URL", "http://localhost:9000"), "city-admin",
                KafkaBroker.env("GIAMNGHEO_DEMO_SECRET", "demo"));
    }

    /** As the demo client {@code client} of the provider at {@code auth}. */
    public Api(String auth, String client, String secret) {
        this.auth = auth;
        this.client = client;
        this.secret = secret;
    }

    public String get(String url) {
        return send(authorised(url).timeout(Duration.ofSeconds(120)).GET().build());
    }

    public String post(String url, String json) {
        return call("POST", url, "application/json", json);
    }

    /** A call with a body; a review decision of a large ward may take minutes. */
    public String call(String method, String url, String contentType, String body) {
        return send(authorised(url).timeout(Duration.ofSeconds(600)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** The status of a GET, whatever it is. */
    public int status(String url) {
        try {
            return http.send(authorised(url).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return http;
    }

    public HttpRequest.Builder authorised(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token());
    }

    public String send(HttpRequest request) {
        HttpRequest attempt = request;
        boolean renewed = false;
        for (int unavailable = 0; ; ) {
            HttpResponse<String> response = exchange(attempt);
            int status = response.statusCode();
            if (status == 401 && !renewed && attempt.headers().firstValue("Authorization")
                    .filter(a -> a.startsWith("Bearer ")).isPresent()) {
                renewed = true;
                token = null;
                attempt = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                        .header("Authorization", "Bearer " + token()).build();
                continue;
            }
            // Only a read is asked again: a write answered 503 was not completed, but is the caller's to repeat.
            if (status == 503 && request.method().equals("GET") && ++unavailable <= 5) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(5);
                pause(Duration.ofSeconds(Math.min(30, Math.max(1, seconds))));
                continue;
            }
            if (status >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + status + ": "
                        + response.body());
            }
            return response.body();
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code "id"} of an answer. */
    public static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private String token() {
        // Tokens live minutes (a revoked client's last token must not outlive the revocation by long): a long run
        // takes a new one when three quarters of the last one's life has passed.
        if (token == null || System.nanoTime() - tokenRenewAt > 0) {
            synchronized (this) {
                if (token == null || System.nanoTime() - tokenRenewAt > 0) {
                    String basic = Base64.getEncoder().encodeToString((client + ":" + secret)
                            .getBytes(StandardCharsets.UTF_8));
                    String answer = send(HttpRequest.newBuilder(URI.create(auth + "/oauth2/token"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
                    Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
                    if (!m.find()) {
                        throw new IllegalStateException("no access token from " + auth + ": " + answer);
                    }
                    Matcher life = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)").matcher(answer);
                    long seconds = life.find() ? Long.parseLong(life.group(1)) : 60;
                    token = m.group(1);
                    tokenRenewAt = System.nanoTime() + Duration.ofSeconds(seconds).toNanos() * 3 / 4;
                }
            }
        }
        return token;
    }
}
