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
        PublicRateLimitFilter limit = new PublicRateLimitFilter(60, 6000, List.of(), clock);
        for (int i = 0; i < 60; i++) {
            assertThat(limit.take("10.0.0.1")).as("call %d", i + 1).isTrue();
        }
        assertThat(limit.take("10.0.0.1")).isFalse();
        assertThat(limit.take("10.0.0.2")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.take("10.0.0.1")).as("one call a second comes back").isTrue();
        assertThat(limit.take("10.0.0.1")).isFalse();
    }

    private static int call(PublicRateLimitFilter limit, String method, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    /** One partner address sends all of BHXH's callbacks: a limit of their own, higher than an anonymous caller's. */
    @Test
    void partnersSignedCallbacksHaveTheirOwnLimit() throws Exception {
        PublicRateLimitFilter limit = new PublicRateLimitFilter(1, 3, List.of("/api/v1/bhxh/card-callbacks"),
                new SettableClock(Instant.parse("2026-11-25T00:00:00Z")));
        assertThat(call(limit, "GET", "/api/v1/units", "10.0.0.9")).isEqualTo(200);
        assertThat(call(limit, "GET", "/api/v1/units", "10.0.0.9")).isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            assertThat(call(limit, "POST", "/api/v1/bhxh/card-callbacks", "10.0.0.9")).isEqualTo(200);
        }
        assertThat(call(limit, "POST", "/api/v1/bhxh/card-callbacks", "10.0.0.9")).isEqualTo(429);
        MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/api/v1/households");
        signedIn.addHeader("Authorization", "Bearer x");
        assertThat(limit.shouldNotFilter(signedIn)).isTrue();
    }

    /** One IPv6 subscriber holds a whole /64: taking a fresh address for each call does not make a fresh client. */
    @Test
    void anIpv6ClientIsCountedByItsNetwork() throws Exception {
        assertThat(ClientKey.of("2001:db8:1:2:aaaa::1")).isEqualTo(ClientKey.of("2001:db8:1:2:bbbb::7"));
        assertThat(ClientKey.of("2001:db8:1:2::1")).isNotEqualTo(ClientKey.of("2001:db8:1:3::1"));
        assertThat(ClientKey.of("10.0.0.1")).isEqualTo("10.0.0.1");
        PublicRateLimitFilter limit = new PublicRateLimitFilter(2, 6000, List.of(),
                new SettableClock(Instant.parse("2026-11-25T00:00:00Z")));
        assertThat(call(limit, "GET", "/api/v1/units", "2001:db8:1:2::1")).isEqualTo(200);
        assertThat(call(limit, "GET", "/api/v1/units", "2001:db8:1:2::2")).isEqualTo(200);
        assertThat(call(limit, "GET", "/api/v1/units", "2001:db8:1:2::3")).isEqualTo(429);
        assertThat(call(limit, "GET", "/api/v1/units", "2001:db8:9:9::1")).isEqualTo(200);
    }

    /** The probe walked around the limit with any Authorization header that was not a bearer token. */
    @Test
    void anAuthorizationHeaderThatIsNotABearerTokenIsStillAnAnonymousCall() {
        PublicRateLimitFilter limit = new PublicRateLimitFilter(1, 6000, List.of(),
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
        return guard("/api/v1/assessments/evaluate", contentType, body);
    }

    private static MockHttpServletResponse guard(String path, String contentType, byte[] body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(contentType);
        request.setContent(body);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new InputGuardFilter(1024, List.of("/api/v1/review-rounds/*/survey-upload")).doFilter(request, response,
                new MockFilterChain());
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
        assertThat(guard("multipart/form-data; boundary=x", big).getStatus()).as("a multipart body anywhere else")
                .isEqualTo(413);
        assertThat(guard("/api/v1/review-rounds/r1/survey-upload", "multipart/form-data; boundary=x", big).getStatus())
                .as("the upload path has the multipart limits").isEqualTo(200);
    }
}
