package vn.giamngheo.notification.outside;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.giamngheo.testsupport.SettableClock;

class CircuitBreakerTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T00:00:00Z"));

    @Test
    void opensAfterTheThresholdLetsOneTrialThroughAfterTheWaitAndClosesOnSuccess() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.failed();
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();

        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).as("one trial at a time").isFalse();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aSuccessResetsTheCountOfFailuresInARow() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(1), clock);
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        var retry = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 10);
        assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(retry.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.backoff(60)).isEqualTo(Duration.ofSeconds(30));
    }
}
