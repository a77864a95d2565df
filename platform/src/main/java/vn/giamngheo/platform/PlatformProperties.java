package vn.giamngheo.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every service shares; defaults live in each service's {@code application.yml}.
 *
 * @param serviceName the CloudEvents source ({@code /serviceName}) and the {@code service} metric tag
 * @param timeZone    legal dates ("today") are taken in this zone
 * @param messaging   topics, consumer group and the outbox relay
 * @param units       the dated administrative unit files ({@code classpath:} or {@code file:} locations, patterns
 *                    allowed), loaded and checked at start-up: every service decides area access from them
 */
@Validated
@ConfigurationProperties("giamngheo")
public record PlatformProperties(
        @NotBlank String serviceName,
        @NotBlank String timeZone,
        @Valid @NotNull Messaging messaging,
        @NotEmpty List<String> units) {

    /**
     * @param partitions        partitions of every topic this service creates; the key (aggregate id) keeps order
     * @param replicationFactor 1 on the local broker, 3 in production
     * @param consumerGroup     this service's consumer group; also names its dead-letter topics
     * @param consumes          topics this service consumes; each gets a dead-letter topic for the group
     * @param relay             the outbox relay
     * @param instanceId        this replica's id, unique among the replicas of the service and the same across its
     *                          restarts (a StatefulSet pod name: a static member does not leave its group when it
     *                          stops, so a new id per rollout would leave the old one's partitions waiting for the
     *                          session timeout); when set, consumers use static group membership (empty: dynamic)
     */
    public record Messaging(
            @Min(1) @Max(1000) int partitions,
            @Min(1) @Max(5) short replicationFactor,
            @NotBlank String consumerGroup,
            @NotNull List<String> consumes,
            @Valid @NotNull Relay relay,
            @Pattern(regexp = "[A-Za-z0-9._-]{0,160}", message = "may hold only letters, digits, '.', '_' and '-' "
                    + "(Kafka's rule for group.instance.id), at most 160 of them") String instanceId) {
    }

    /**
     * @param sweepInterval how often the relay looks for events left behind by a crash (a write wakes it at once)
     * @param batchSize     aggregates published per round trip
     * @param retryBackoff  wait after a failed publication before trying again
     */
    public record Relay(
            @NotNull Duration sweepInterval,
            @Min(1) @Max(10_000) int batchSize,
            @NotNull Duration retryBackoff) {
    }
}
