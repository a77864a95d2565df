package vn.giamngheo.notification.messages;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.giamngheo.notification.outside.RetryPolicy;

/**
 * Messages to households (SMS) and officers (e-mail; the SMTP server is {@code spring.mail.*}). Secrets come from the
 * environment ({@code SMS_GATEWAY_TOKEN}, {@code SMS_CALLBACK_SECRET}).
 *
 * @param templates         the folder of message templates
 * @param fallbackOfficer   where officer e-mail goes when no officer contact covers the unit (the Labour office)
 * @param sweepInterval     how often the store is searched for queued messages this instance was not told about
 *                          (written by another instance or before a restart); those it wrote itself go when due
 */
@Validated
@ConfigurationProperties("notification.messages")
public record MessagingProperties(
        @NotBlank String templates,
        @Valid @NotNull Sms sms,
        @NotBlank String emailFrom,
        @NotBlank String fallbackOfficer,
        @NotNull Duration sweepInterval,
        @Valid @NotNull RetryPolicy retry,
        @Valid @NotNull RetryPolicy.Breaker breaker) {

    /** @param callbackUrl where the gateway posts delivery reports (this service's public address) */
    public record Sms(@NotBlank String baseUrl, @NotBlank String token, @NotBlank String callbackSecret,
            @NotBlank String callbackUrl, @NotNull Duration requestTimeout) {
    }
}
