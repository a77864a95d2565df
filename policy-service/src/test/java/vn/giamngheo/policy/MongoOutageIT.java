package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestInfrastructure;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * MongoDB stopped for 20 s under a running policy-service (issue 20): callers get a 503 with {@code Retry-After}
 * within 3 s instead of waiting, liveness stays UP, an event that arrives meanwhile is applied once the database is
 * back instead of being dead-lettered, and a write refused during the outage left nothing behind and succeeds once
 * when sent again.
 */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
class MongoOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(3);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    /** A call as an outside client makes it, with the time it took to answer. */
    private record Answer(int status, HttpResponse<String> response, Duration took) {

        JsonNode json() {
            return JsonMapper.shared().readTree(response.body());
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Answer call(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer asAdmin(String method, String path, String json) {
        return call(method, path, json, TestTokens.cityAdmin());
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    private JsonNode decisionsOf(String householdId) {
        return asAdmin("GET", "/api/v1/households/" + householdId + "/decisions", null).json();
    }

    private static long ofPolicy(JsonNode decisions, String policyCode) {
        long count = 0;
        for (JsonNode d : decisions) {
            if (d.toString().contains("\"policyCode\":\"" + policyCode + "\"")) {
                count++;
            }
        }
        return count;
    }

    private static void assertUnavailableProblem(Answer answer) {
        assertThat(answer.status()).as("status of %s", answer.response().uri()).isEqualTo(503);
        assertThat(answer.took()).as("time to answer %s", answer.response().uri()).isLessThan(ANSWER_BOUND);
        assertThat(answer.response().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().get("detail").asString()).contains("MongoDB did not answer in time");
    }

    @Test
    void withMongoDbStoppedCallsAre503sLivenessStaysUpAndNothingIsLostOrHalfWritten() {
        clock.setToday(LocalDate.parse("2025-12-31"));
        String household = EventFixtures.newId();
        publish(EventFixtures.householdRegistered(household, "08707"));
        publish(EventFixtures.householdReclassified(household, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.parse("2025-03-25"), LocalDate.parse("2025-04-01")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> decisionsOf(household).size() >= 7);
        int decisionsBefore = decisionsOf(household).size();
        JsonNode pupilBefore = asAdmin("GET", "/api/v1/households/" + household, null).json().get("members").get(2);
        String pupil = pupilBefore.get("personId").asString();
        String facts = """
                {"from": "2025-09-05", "members": [{"personId": "%s", "schooling": "LOWER_SECONDARY",
                  "publicSchool": true, "hasPension": false, "disability": "NONE"}]}""".formatted(pupil);
        String arrivedDuringOutage = EventFixtures.newId();
        EventEnvelope<HouseholdRegistered> registration = EventFixtures.householdRegistered(arrivedDuringOutage,
                "08716");
        List<String> livenessFailures = new CopyOnWriteArrayList<>();

        Instant stopped = Instant.now();
        TestInfrastructure.stopMongo();
        try {
            assertUnavailableProblem(asAdmin("GET", "/api/v1/households/" + household, null));
            assertUnavailableProblem(asAdmin("PUT", "/api/v1/households/" + household + "/facts", facts));

            Answer readiness = call("GET", "/actuator/health/readiness", null, null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.took()).isLessThan(ANSWER_BOUND);
            Answer health = call("GET", "/actuator/health", null, null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.took()).isLessThan(ANSWER_BOUND);

            publish(registration);

            // Long enough for the binder to have used up its three attempts several times over.
            Awaitility.await().atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Answer liveness = call("GET", "/actuator/health/liveness", null, null);
                if (liveness.status() != 200 || !liveness.response().body().contains("\"UP\"")
                        || liveness.took().compareTo(ANSWER_BOUND) > 0) {
                    livenessFailures.add(liveness.status() + " after " + liveness.took().toMillis() + " ms: "
                            + liveness.response().body());
                }
                return Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0;
            });
            assertUnavailableProblem(asAdmin("GET", "/api/v1/households/" + household + "/decisions", null));
        } finally {
            TestInfrastructure.startMongo();
        }
        assertThat(livenessFailures).as("liveness answers during the outage").isEmpty();

        // The event that came during the outage is applied, whole, and was never dead-lettered.
        JsonNode view = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> asAdmin("GET", "/api/v1/households/" + arrivedDuringOutage, null),
                answer -> answer.status() == 200).json();
        assertThat(view.get("unitCode").asString()).isEqualTo("08716");
        assertThat(view.get("members")).hasSize(registration.data().members().size());
        assertThat(TopicProbe.during(Topics.deadLetter(Topics.HOUSEHOLD_EVENTS, "policy-service"),
                TopicProbe.key(arrivedDuringOutage), Duration.ofSeconds(3))).isEmpty();

        // The refused write left nothing: no facts, no study-cost decision. Sent again, it is applied once.
        assertThat(asAdmin("GET", "/api/v1/households/" + household, null).json().get("members").get(2))
                .isEqualTo(pupilBefore);
        assertThat(decisionsOf(household)).hasSize(decisionsBefore);
        assertThat(ofPolicy(decisionsOf(household), "STUDY_COST_SUPPORT")).isZero();
        assertThat(asAdmin("PUT", "/api/v1/households/" + household + "/facts", facts).status()).isEqualTo(200);
        assertThat(asAdmin("PUT", "/api/v1/households/" + household + "/facts", facts).status()).isEqualTo(200);
        assertThat(decisionsOf(household)).hasSize(decisionsBefore + 1);
        assertThat(ofPolicy(decisionsOf(household), "STUDY_COST_SUPPORT")).isEqualTo(1);
        // The outbox relay, which failed its rounds during the outage, publishes the new decision by itself.
        assertThat(TopicProbe.await(Topics.BENEFIT_EVENTS, TopicProbe.key("STUDY_COST_SUPPORT:" + pupil + ":2025-09-05"),
                1, Duration.ofSeconds(30))).isNotEmpty();
    }
}
