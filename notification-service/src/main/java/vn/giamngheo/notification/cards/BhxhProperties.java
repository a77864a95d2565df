package vn.giamngheo.notification.cards;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.giamngheo.notification.outside.RetryPolicy;

/**
 * How this service reaches Vietnam Social Security's card service. Secrets come from the environment
 * ({@code BHXH_TOKEN}, {@code BHXH_CALLBACK_SECRET}).
 *
 * @param callbackUrl     where BHXH calls back when a card is issued (this service's public address)
 * @param requestTimeout  a call that takes longer counts as failed and is retried
 * @param pollAfter       an accepted request without a callback after this long is asked about
 * @param sweepInterval   how often the store is searched for requests this instance was not told about (written by
 *                        another instance or before a restart); those it wrote itself are sent when due
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
        @NotNull Duration sweepInterval,
        @Valid @NotNull RetryPolicy retry,
        @Valid @NotNull RetryPolicy.Breaker breaker) {
}
