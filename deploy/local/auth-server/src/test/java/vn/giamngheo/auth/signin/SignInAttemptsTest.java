package vn.giamngheo.auth.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Five wrong passwords in a row lock a login for fifteen minutes; a success in between starts the count again. */
class SignInAttemptsTest {

    Instant now = Instant.parse("2026-12-07T08:00:00Z");
    final SignInAttempts attempts = new SignInAttempts(5, Duration.ofMinutes(15), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theFifthFailureLocksForTheDurationAndThenTheCountStartsAgain() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("can-bo-08707");
        }
        assertThat(attempts.locked("can-bo-08707")).isFalse();

        attempts.failed("Can-Bo-08707 ");
        assertThat(attempts.locked("can-bo-08707")).as("the same login however typed").isTrue();
        assertThat(attempts.locked("can-bo-08716")).isFalse();

        now = now.plus(Duration.ofMinutes(15)).minusSeconds(1);
        assertThat(attempts.locked("can-bo-08707")).isTrue();
        now = now.plusSeconds(1);
        assertThat(attempts.locked("can-bo-08707")).isFalse();
        attempts.failed("can-bo-08707");
        assertThat(attempts.locked("can-bo-08707")).as("one failure after the lock").isFalse();
    }

    @Test
    void aSuccessClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("bhyt");
        }
        attempts.succeeded("bhyt");
        attempts.failed("bhyt");

        assertThat(attempts.locked("bhyt")).isFalse();
    }

    @Test
    void loginsNobodyHasAreLockedTheSameWay() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("khong-co-ai");
        }

        assertThat(attempts.locked("khong-co-ai")).isTrue();
    }
}
