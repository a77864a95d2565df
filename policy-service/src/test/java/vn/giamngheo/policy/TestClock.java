package vn.giamngheo.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock, which a test can set to any day: the daily job and "today" checks follow it. Shared by every
 * policy integration test (one Spring context); a test that sets it calls {@link #reset()} when done.
 */
public final class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    /** From now on, it is 09:00 on {@code day}. */
    public void setToday(LocalDate day) {
        fixed = day.atTime(9, 0).atZone(ZONE).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }
}
