package vn.giamngheo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, as the portal's user has it: it keeps cookies, follows nothing by itself (each
 * redirect is looked at), and speaks to the provider over real HTTP. Plus the portal's side of the code flow.
 */
final class Browser {

    static final String PORTAL = "portal";
    static final String PORTAL_SECRET = "portal-demo";
    static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/giamngheo";
    static final String POST_LOGOUT_URI = "http://localhost:8080/";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    Browser(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A PKCE pair (RFC 7636): the verifier the portal keeps, the S256 challenge it sends. */
    record Pkce(String verifier, String challenge) {

        static Pkce fresh() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    String authorizeUri(Pkce pkce, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", PORTAL);
        query.put("scope", "openid profile");
        query.put("redirect_uri", REDIRECT_URI);
        query.put("state", state);
        query.put("nonce", "n-" + state);
        if (pkce != null) {
            query.put("code_challenge", pkce.challenge());
            query.put("code_challenge_method", "S256");
        }
        return base + "/oauth2/authorize?" + form(query);
    }

    HttpResponse<String> get(String uri) {
        return send(HttpRequest.newBuilder(absolute(uri)).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> bearer(String uri, String accessToken) {
        return send(HttpRequest.newBuilder(absolute(uri)).header("Authorization", "Bearer " + accessToken).GET()
                .build());
    }

    HttpResponse<String> post(String uri, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(absolute(uri)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    /** The sign-in page's form, filled in and sent with the page's own CSRF token. */
    HttpResponse<String> signIn(String login, String password) {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf(page.body()));
        fields.put("username", login);
        fields.put("password", password);
        return post("/login", fields);
    }

    /** The portal's back-channel call: its code and verifier for tokens, with its client secret. */
    HttpResponse<String> token(Map<String, String> fields) {
        String basic = Base64.getEncoder().encodeToString((PORTAL + ":" + PORTAL_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(absolute("/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    HttpResponse<String> machineToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(absolute("/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page's form carries a CSRF token").isTrue();
        return m.group(1);
    }

    static String location(HttpResponse<?> response) {
        assertThat(response.statusCode()).as("a redirect").isBetween(300, 399);
        return response.headers().firstValue("Location").orElseThrow();
    }

    static Map<String, String> query(String uri) {
        String query = URI.create(uri).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private URI absolute(String uri) {
        return URI.create(uri.startsWith("http") ? uri : base + uri);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
