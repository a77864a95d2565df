package vn.giamngheo.notification.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.notification.outside.RetryPolicy;
import vn.giamngheo.simulators.BhxhSimulator;

/** Requests go to BHXH as lists: up to 500 in one call, each answered on its own; a longer list is refused. */
class BhxhClientTest {

    private final BhxhSimulator bhxh = new BhxhSimulator(new BhxhSimulator.Settings(0, "token", "secret",
            Duration.ofMinutes(10), 0, 0, Duration.ofMillis(100), 1));
    private final BhxhClient client = new BhxhClient(new BhxhProperties(bhxh.baseUrl(), "token", "secret",
            "http://127.0.0.1:1/callbacks", Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(1),
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 3),
            new RetryPolicy.Breaker(5, Duration.ofSeconds(1))), () -> "http://127.0.0.1:1/callbacks");

    BhxhClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        bhxh.close();
    }

    private static List<CardRequest> requests(int count) {
        Instant now = Instant.now();
        return IntStream.range(0, count).mapToObj(i -> CardRequest.requested(CardRequest.id("d-" + i, 1), "ISSUE",
                "h-" + i, "p-" + i, "d-" + i, 100, LocalDate.parse("2026-12-01"), now).after()).toList();
    }

    @Test
    void fiveHundredRequestsGoInOneCallAndEachIsAnswered() {
        List<CardRequest> requests = requests(BhxhClient.MAX_BATCH);

        List<BhxhClient.Answer> answers = client.send(requests);

        assertThat(bhxh.calls()).isEqualTo(1);
        assertThat(answers).hasSize(500).allSatisfy(a -> assertThat(a).isInstanceOfSatisfying(
                BhxhClient.Answer.Accepted.class, accepted -> assertThat(accepted.card().status())
                        .isEqualTo("ACCEPTED")));
        for (CardRequest request : requests) {
            assertThat(bhxh.deliveries(request.bhxhKey())).isEqualTo(1);
        }
        // The same list again (a retry after a lost answer): each request received once more, none issued twice.
        client.send(requests.subList(0, 2));
        assertThat(bhxh.deliveries(requests.getFirst().bhxhKey())).isEqualTo(2);
        assertThat(bhxh.deliveries(requests.get(2).bhxhKey())).isEqualTo(1);
    }

    @Test
    void aListOfFiveHundredAndOneIsRefusedWithAClearError() throws Exception {
        assertThatThrownBy(() -> client.send(requests(501))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BHXH takes 1 to 500 requests a call, not 501");
        assertThat(bhxh.calls()).isZero();

        // BHXH itself refuses such a call, and says why.
        StringBuilder body = new StringBuilder("{\"requests\":[");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            items.add("{\"requestId\":\"r-" + i + "\",\"kind\":\"ISSUE\",\"personId\":\"p-" + i
                    + "\",\"validFrom\":\"2026-12-01\",\"callbackUrl\":\"http://127.0.0.1:1/\"}");
        }
        body.append(String.join(",", items)).append("]}");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(bhxh.baseUrl()
                    + "/api/cards/batch")).header("Authorization", "Bearer token")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("at most 500 requests a call; this one had 501");
        }
        assertThat(bhxh.deliveries("r-0")).isZero();
    }
}
