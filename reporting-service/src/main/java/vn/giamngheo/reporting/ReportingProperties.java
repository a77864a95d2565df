package vn.giamngheo.reporting;

import jakarta.validation.Valid;
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
 */
@Validated
@ConfigurationProperties("reporting")
public record ReportingProperties(List<String> plans, @Valid @NotNull Dashboard dashboard,
        @NotNull Duration live) {

    public record Dashboard(@NotEmpty String area) {
    }
}
