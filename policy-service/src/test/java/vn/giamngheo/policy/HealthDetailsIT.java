package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/** Health for everyone, its details (disk path, database, consumer groups) only for the platform and the admin. */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
class HealthDetailsIT {

    @LocalServerPort
    int port;

    private Http.Response health(String path, String token) {
        return Http.as(token, () -> Http.get("http://localhost:" + port + path));
    }

    /** The status, and at the root the names of the probe groups; no component, no detail. */
    private static void assertStatusOnly(String path, Http.Response response) {
        assertThat(response.json().get("status").asString()).as(path).isEqualTo("UP");
        assertThat(response.json().propertyNames()).as(path).isSubsetOf("status", "groups");
        assertThat(response.body()).as(path).doesNotContain("policy", "path", "diskSpace", "mongo", "binders");
    }

    @Test
    void anAnonymousCallerSeesTheStatusOnly() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertStatusOnly(path, health(path, null).expectStatus(200));
        }
    }

    @Test
    void aSignedInCallerWithoutThePlatformOrAdminRoleSeesTheStatusOnly() {
        assertStatusOnly("/actuator/health", health("/actuator/health", TestTokens.role("WARD_OFFICER", "08707"))
                .expectStatus(200));
    }

    @Test
    void thePlatformsOwnServicesAndTheCityAdministratorSeeEveryComponent() {
        for (String token : List.of(TestTokens.role("PLATFORM_SERVICE", "*"), TestTokens.cityAdmin())) {
            JsonNode components = health("/actuator/health", token).expectStatus(200).json().get("components");

            assertThat(components.get("mongo").get("details").get("database").asString()).isEqualTo("policy");
            assertThat(components.get("diskSpace").get("details").has("path")).isTrue();
            assertThat(components.has("binders")).isTrue();
        }
        JsonNode readiness = health("/actuator/health/readiness", TestTokens.role("PLATFORM_SERVICE", "*"))
                .expectStatus(200).json().get("components");
        assertThat(readiness.propertyNames()).containsExactlyInAnyOrder("mongo", "readinessState");
    }
}
