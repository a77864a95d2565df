package vn.giamngheo.notification.cards;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How this service reaches Vietnam Social Security's card service. Secrets come from the environment
 * ({@code BHXH_TOKEN}, {@code BHXH_CALLBACK_SECRET}).
 *
 * @param callbackUrl     where BHXH calls back when a card is issued (this service's public address)
 * @param requestTimeout  a call that takes longer counts as failed and is retried
 * @param pollAfter       an accepted request without a callback after this long is asked about
 */
@Validated
@ConfigurationProperties("notification.bhxh")
public record BhxhProperties(
        @NotBlank String baseUrl,
        @NotBlank String token,
        @NotBlank String callbackSecret,
        @NotBlank String callbackUrl,
        @NotNull Duration requestTimeout,
        @NotNull Duration pollAfter,
        @Valid @NotNull Retry retry,
        @Valid @NotNull Breaker breaker) {

    /** Exponential backoff: initial, doubled each time up to max; FAILED after maxAttempts. */
    public record Retry(@NotNull Duration initialBackoff, @NotNull Duration maxBackoff, @Min(1) int maxAttempts) {

        Duration backoff(int attempts) {
            long millis = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempts - 1));
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }

    /** Open after {@code failureThreshold} failures in a row; try one call again after {@code openFor}. */
    public record Breaker(@Min(1) int failureThreshold, @NotNull Duration openFor) {
    }
}
