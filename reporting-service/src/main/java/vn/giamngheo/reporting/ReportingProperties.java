package vn.giamngheo.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param plans     plan files stored at start-up unless a plan with the same id exists
 * @param dashboard the area the public dashboard opens on
 * @param live      how often the live figures are recomputed without a new event (statistics, training, new day)
 * @param streams   how many live streams (server-sent events) are held open
 */
@Validated
@ConfigurationProperties("reporting")
public record ReportingProperties(List<String> plans, @Valid @NotNull Dashboard dashboard,
        @NotNull Duration live, @Valid @NotNull Streams streams) {

    public record Dashboard(@NotEmpty String area) {
    }

    /**
     * Each open stream holds a connection and a place in every pass: a client address may hold {@code perClient} at
     * once (the screens of one office behind one address), the service {@code total}; beyond, a 429 to the newcomer.
     * A comment is sent to every stream each {@code heartbeat}: a client gone without a word is found out, and its
     * place freed, at the latest then (and proxies do not close a quiet stream).
     */
    public record Streams(@Min(1) int perClient, @Min(1) int total, @NotNull Duration heartbeat) {
    }
}
