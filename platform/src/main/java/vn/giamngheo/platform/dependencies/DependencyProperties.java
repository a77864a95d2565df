package vn.giamngheo.platform.dependencies;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the service waits for MongoDB and Kafka before it tells its caller that they are unavailable, and how it
 * waits for them where there is no caller to tell (event consumers, jobs). Defaults in {@code platform-defaults.yml}.
 *
 * @param retryAfter the {@code Retry-After} of a 503 answered because a dependency is unavailable
 * @param mongodb    the MongoDB client's bounds
 * @param kafka      the bound of a request that asks the broker something while a caller waits (reconciliation)
 * @param backoff    how long consumers and jobs wait for an unavailable dependency before trying again
 */
@Validated
@ConfigurationProperties("giamngheo.dependencies")
public record DependencyProperties(
        @NotNull Duration retryAfter,
        @Valid @NotNull Mongo mongodb,
        @Valid @NotNull Kafka kafka,
        @Valid @NotNull Backoff backoff) {

    /**
     * @param serverSelectionTimeout how long an operation waits for a reachable server: with MongoDB stopped or
     *                               unreachable, a call fails after this
     * @param connectTimeout         opening a connection; also the read bound of the driver's heartbeat, so a
     *                               stalled server is noticed by the monitor after at most a heartbeat plus this
     * @param operationTimeout       the client-side operation timeout (CSOT, {@code timeoutMS}) of every operation:
     *                               selection, connection, every round trip and retries together; with MongoDB
     *                               stalled (sockets open, no answer) a call fails after this
     * @param longOperationTimeout   the bound of the operations named as long: bulk writes of up to 500 aggregates,
     *                               reads that mongo-java-server answers by scanning a whole collection
     * @param healthTimeout          the bound of the health ping, so that {@code /actuator/health} answers promptly
     */
    public record Mongo(
            @NotNull Duration serverSelectionTimeout,
            @NotNull Duration connectTimeout,
            @NotNull Duration operationTimeout,
            @NotNull Duration longOperationTimeout,
            @NotNull Duration healthTimeout) {

        public Mongo {
            requirePositive("operation-timeout", operationTimeout);
            requirePositive("long-operation-timeout", longOperationTimeout);
            requirePositive("health-timeout", healthTimeout);
        }
    }

    /** @param requestTimeout metadata, offsets and group lookups made while a caller waits */
    public record Kafka(@NotNull Duration requestTimeout) {

        public Kafka {
            requirePositive("request-timeout", requestTimeout);
        }
    }

    /**
     * @param initial the first wait after a dependency was found unavailable
     * @param max     the longest wait; it doubles up to this, so work resumes at most this long after the dependency
     *                is back
     */
    public record Backoff(@NotNull Duration initial, @NotNull Duration max) {

        public Backoff {
            requirePositive("backoff.initial", initial);
            requirePositive("backoff.max", max);
        }
    }

    private static void requirePositive(String name, Duration value) {
        // Zero would switch the driver's operation timeout off (and a cursor's timeout mode then fails).
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
