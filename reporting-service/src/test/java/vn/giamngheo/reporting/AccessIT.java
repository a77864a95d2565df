package vn.giamngheo.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/** The public dashboard is open; figures need a signed-in role; changes need the Labour office or the administrator. */
@ServiceIntegrationTest
class AccessIT {

    @LocalServerPort
    int port;

    int status(String token, String method, String path, String body) {
        return Http.status(token, method, "http://localhost:" + port + path, body);
    }

    @Test
    void rolesPerEndpointGroup() {
        assertThat(status(null, "GET", "/", null)).isEqualTo(200);
        assertThat(status(null, "GET", "/api/v1/dashboard", null)).isEqualTo(200);
        assertThat(status(null, "GET", "/api/v1/areas/243/figures", null)).isEqualTo(401);
        assertThat(status(TestTokens.tampered(), "GET", "/api/v1/areas/243/figures", null)).isEqualTo(401);
        assertThat(status(TestTokens.role("STEERING_VIEWER"), "GET", "/api/v1/areas/243/figures", null))
                .isEqualTo(200);
        assertThat(status(TestTokens.role("STEERING_VIEWER"), "GET", "/api/v1/reports/deprivations.xlsx?area=243",
                null)).isEqualTo(200);
        assertThat(status(TestTokens.role("BHXH_SYSTEM"), "GET", "/api/v1/areas/243/figures", null)).isEqualTo(403);
        assertThat(status(TestTokens.role("STEERING_VIEWER"), "PUT", "/api/v1/plans/x", "{}")).isEqualTo(403);
        assertThat(status(TestTokens.role("WARD_OFFICER", "08707"), "POST", "/api/v1/statistics", "[]"))
                .isEqualTo(403);
        assertThat(status(TestTokens.role("LABOUR_OFFICER", "*"), "POST", "/api/v1/reconciliation", "{}"))
                .isEqualTo(403);
        assertThat(status(TestTokens.role("LABOUR_OFFICER", "*"), "POST", "/api/v1/statistics", "[]"))
                .isEqualTo(400);
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** Every endpoint the service maps, except the open ones and the error and API-document pages, wants a token. */
    @Test
    void everyProtectedEndpointAnswers401WithoutAToken() {
        java.util.Set<String> open = java.util.Set.of("GET /api/v1/dashboard", "GET /api/v1/areas/x/stream");
        var calls = vn.giamngheo.testsupport.Endpoints.withoutToken(port, mappings, open);
        assertThat(calls).hasSizeGreaterThanOrEqualTo(15);
        assertThat(calls).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(401));
    }
}
