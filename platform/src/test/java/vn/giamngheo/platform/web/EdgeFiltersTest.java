package vn.giamngheo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
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
}
