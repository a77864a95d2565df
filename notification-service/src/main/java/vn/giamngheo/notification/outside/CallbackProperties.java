package vn.giamngheo.notification.outside;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Signed callbacks from BHXH and the SMS gateway.
 *
 * @param tolerance a callback signed longer ago than this, or this far ahead of this server's clock, is refused; the
 *                  signatures seen are remembered for twice as long, so a replay inside the window is recognised
 *                  even by an instance whose clock is a little behind
 */
@Validated
@ConfigurationProperties("notification.callbacks")
public record CallbackProperties(@NotNull Duration tolerance) {

    public CallbackProperties {
        if (tolerance != null && (tolerance.isNegative() || tolerance.isZero())) {
            throw new IllegalArgumentException("notification.callbacks.tolerance must be positive; was " + tolerance);
        }
    }
}
