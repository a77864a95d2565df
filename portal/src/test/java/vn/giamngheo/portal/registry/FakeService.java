package vn.giamngheo.portal.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service as the registry forms see it over HTTP, for the portal's unit tests: each "METHOD /path" answers what the
 * test set, and every request is kept (with its token and body) so that a test can say what was sent, or that nothing
 * was. Anything not set is a 404 problem, as the services answer. Public: the portal's other packages' page tests use it.
 */
public final class FakeService {

    record Answer(int status, String contentType, byte[] body) {
    }

    /** @param query the raw query string, null when none */
    public record Request(String method, String path, String query, String authorization, String contentType,
            byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A URL where nothing listens: a service that is down. */
    public static String down() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeService json(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, status < 400 ? "application/json"
                : "application/problem+json", json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public FakeService bytes(String method, String path, String contentType, byte[] body) {
        answers.put(method + " " + path, new Answer(200, contentType, body));
        return this;
    }

    /** A 400 problem naming one field, as the platform's services answer. */
    public FakeService refuse(String method, String path, String field, String reason) {
        return json(method, path, 400, """
                {"status":400,"detail":"%s: %s","errors":[{"field":"%s","reason":"%s"}]}"""
                .formatted(field, reason, field, reason));
    }

    /** The changes (anything but GET) received, oldest first. */
    public List<Request> changes() {
        return requests.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    /** Every request received, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        answers.clear();
        requests.clear();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404,
                "application/problem+json", "{\"status\":404,\"detail\":\"not found\"}".getBytes(StandardCharsets.UTF_8)));
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            exchange.getResponseBody().write(answer.body());
        }
        exchange.close();
    }
}
