package vn.giamngheo.notification.outside;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** Exponential backoff for calls to the outside: initial, doubled each time up to max; given up after maxAttempts. */
public record RetryPolicy(@NotNull Duration initialBackoff, @NotNull Duration maxBackoff, @Min(1) int maxAttempts) {

    public Duration backoff(int attempts) {
        long millis = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Open after {@code failureThreshold} failures in a row; try one call again after {@code openFor}. */
    public record Breaker(@Min(1) int failureThreshold, @NotNull Duration openFor) {
    }
}
