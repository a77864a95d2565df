package vn.giamngheo.portal.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import vn.giamngheo.portal.PortalProperties;

/**
 * How each way a service can fail reaches a page: a real HTTP server plays the service (answers, refusals, silence),
 * and a closed port plays one that is down.
 */
class ServiceClientTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private ServiceClient client;
    private String seenAuthorization;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", e -> {
            seenAuthorization = e.getRequestHeaders().getFirst("Authorization");
            answer(e, 200, "application/json", "{\"name\":\"Phường Vĩnh Phúc\"}");
        });
        server.createContext("/forbidden", e -> answer(e, 403, "application/problem+json",
                "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Household h1 is outside your units\"}"));
        server.createContext("/missing", e -> answer(e, 404, "application/problem+json", "{\"status\":404}"));
        server.createContext("/invalid", e -> answer(e, 400, "application/problem+json",
                "{\"status\":400,\"detail\":\"Invalid request\",\"errors\":[{\"field\":\"q\",\"reason\":\"too long\"}]}"));
        server.createContext("/expired", e -> answer(e, 401, "application/problem+json", "{\"status\":401}"));
        server.createContext("/broken", e -> answer(e, 500, "text/plain", "boom"));
        server.createContext("/silent", e -> {
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            answer(e, 200, "application/json", "{}");
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        client = clientFor(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    record Unit(String name) {
    }

    @Test
    void relaysThePersonsTokenAndReadsTheAnswer() {
        Unit unit = client.get(Service.HOUSEHOLD, u -> u.path("/ok").build(), Unit.class, "the-token");
        assertThat(unit.name()).isEqualTo("Phường Vĩnh Phúc");
        assertThat(seenAuthorization).isEqualTo("Bearer the-token");
    }

    @Test
    void eachRefusalBecomesAKindAPageCanExplain() {
        assertThat(problem("/forbidden")).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ServiceProblem.Kind.NOT_ALLOWED);
            assertThat(p.status()).isEqualTo(403);
            assertThat(p.getMessage()).contains("outside your units");
        });
        assertThat(problem("/missing").kind()).isEqualTo(ServiceProblem.Kind.NOT_FOUND);
        assertThat(problem("/expired").kind()).isEqualTo(ServiceProblem.Kind.SIGN_IN_AGAIN);
        assertThat(problem("/broken").kind()).isEqualTo(ServiceProblem.Kind.UNAVAILABLE);
        ServiceProblem invalid = problem("/invalid");
        assertThat(invalid.kind()).isEqualTo(ServiceProblem.Kind.REFUSED);
        assertThat(invalid.errors()).containsExactly(new ServiceProblem.FieldError("q", "too long"));
    }

    /** The fake never answers until the test ends: only the read timeout can end the call. */
    @Test
    @Timeout(30)
    void aServiceThatDoesNotAnswerInTimeIsUnavailableAfterTheReadTimeout() {
        ServiceProblem silent = problem("/silent");
        assertThat(silent.kind()).isEqualTo(ServiceProblem.Kind.UNAVAILABLE);
        assertThat(silent.status()).isZero();
    }

    @Test
    void aServiceThatIsDownIsUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ServiceClient down = clientFor(URI.create("http://127.0.0.1:" + closed));
        Section<Unit> section = down.section(Service.POLICY, u -> u.path("/ok").build(),
                ParameterizedTypeReference.forType(Unit.class), "t");
        assertThat(section.ok()).isFalse();
        assertThat(section.problem().kind()).isEqualTo(ServiceProblem.Kind.UNAVAILABLE);
        assertThat(section.problem().service()).isEqualTo(Service.POLICY);
        assertThat(section.problem().messageKey()).isEqualTo("problem.UNAVAILABLE");
    }

    private ServiceProblem problem(String path) {
        try {
            client.get(Service.HOUSEHOLD, u -> u.path(path).build(), Map.class, "t");
        } catch (ServiceProblem p) {
            return p;
        }
        throw new AssertionError(path + " did not fail");
    }

    private static ServiceClient clientFor(URI base) {
        PortalProperties properties = new PortalProperties(
                new PortalProperties.SignIn(URI.create("http://localhost:9000"), null, "portal", "s"),
                new PortalProperties.Services(base, base, base, base),
                new PortalProperties.Timeouts(Duration.ofMillis(500), Duration.ofMillis(700)));
        return new ServiceClient(RestClient.builder(), properties);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
