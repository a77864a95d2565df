package vn.giamngheo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.giamngheo.testsupport.SettableClock;

class EdgeFiltersTest {

    private static String operator(String json) {
        return InputGuardFilter.operatorKey(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMongoOperatorAnywhereInTheBodyIsFoundWithItsPath() {
        assertThat(operator("{\"unitCode\":{\"$gt\":\"\"}}")).isEqualTo("/unitCode/$gt");
        assertThat(operator("{\"members\":[{\"fullName\":\"A\"},{\"$where\":\"1\"}]}")).isEqualTo("/members/1/$where");
        assertThat(operator("{\"note\":\"giá $5, {\\\"$gt\\\": 1}\",\"price\":\"$\"}")).isNull();
        assertThat(operator("not json")).isNull();
    }

    @Test
    void eachAddressHasItsOwnBucketThatRefillsWithTime() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-25T00:00:00Z"));
        PublicRateLimitFilter limit = new PublicRateLimitFilter(60, List.of(), clock);
        for (int i = 0; i < 60; i++) {
            assertThat(limit.take("10.0.0.1")).as("call %d", i + 1).isTrue();
        }
        assertThat(limit.take("10.0.0.1")).isFalse();
        assertThat(limit.take("10.0.0.2")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.take("10.0.0.1")).as("one call a second comes back").isTrue();
        assertThat(limit.take("10.0.0.1")).isFalse();
    }

    @Test
    void partnersSignedCallbacksAreNotCountedAsAnonymousCalls() {
        PublicRateLimitFilter limit = new PublicRateLimitFilter(1, List.of("/api/v1/bhxh/card-callbacks"),
                new SettableClock(Instant.parse("2026-11-25T00:00:00Z")));
        MockHttpServletRequest callback = new MockHttpServletRequest("POST", "/api/v1/bhxh/card-callbacks");
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/api/v1/units");
        MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/api/v1/households");
        signedIn.addHeader("Authorization", "Bearer x");
        assertThat(limit.shouldNotFilter(callback)).isTrue();
        assertThat(limit.shouldNotFilter(signedIn)).isTrue();
        assertThat(limit.shouldNotFilter(anonymous)).isFalse();
    }

    /** The probe walked around the limit with any Authorization header that was not a bearer token. */
    @Test
    void anAuthorizationHeaderThatIsNotABearerTokenIsStillAnAnonymousCall() {
        PublicRateLimitFilter limit = new PublicRateLimitFilter(1, List.of(),
                new SettableClock(Instant.parse("2026-11-25T00:00:00Z")));
        for (String header : List.of("Basic YWRtaW46YWRtaW4=", "x", "Bearer", "Bearer ", "Token abc", "Digest a=1")) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/assessments/evaluate");
            request.addHeader("Authorization", header);
            assertThat(limit.shouldNotFilter(request)).as(header).isFalse();
        }
        MockHttpServletRequest lowerCase = new MockHttpServletRequest("GET", "/api/v1/households");
        lowerCase.addHeader("Authorization", "bearer eyJ.x.y");
        assertThat(limit.shouldNotFilter(lowerCase)).isTrue();
    }

    private static MockHttpServletResponse guard(String contentType, byte[] body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/assessments/evaluate");
        request.setContentType(contentType);
        request.setContent(body);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new InputGuardFilter(1024).doFilter(request, response, new MockFilterChain());
        return response;
    }

    /** The probe sent an 8 MiB body as application/merge-patch+json and it was read whole, operators and all. */
    @Test
    void everyJsonTypeAndEveryOtherBodyAreBoundedAndJsonIsCheckedForOperators() throws Exception {
        byte[] big = ("{\"village\":\"" + "x".repeat(4096) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/json", "application/json;charset=UTF-8", "application/merge-patch+json",
                "application/problem+json; charset=utf-8", "APPLICATION/VND.API+JSON", "text/csv", "text/plain",
                "application/octet-stream", "application/x-www-form-urlencoded")) {
            assertThat(guard(type, big).getStatus()).as(type).isEqualTo(413);
        }
        byte[] operator = "{\"unitCode\":{\"$gt\":\"\"}}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/json", "application/merge-patch+json", "application/vnd.x+json")) {
            MockHttpServletResponse refused = guard(type, operator);
            assertThat(refused.getStatus()).as(type).isEqualTo(400);
            assertThat(refused.getContentAsString()).contains("/unitCode/$gt");
        }
        assertThat(guard("text/csv", "year,unitCode\n2026,$gt".getBytes(StandardCharsets.UTF_8)).getStatus())
                .isEqualTo(200);
        assertThat(guard("multipart/form-data; boundary=x", big).getStatus()).as("uploads have their own limit")
                .isEqualTo(200);
    }
}
