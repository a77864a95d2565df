package vn.giamngheo.platform.dependencies;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work again, after a growing pause, for as long as it fails only because a dependency is {@link Unavailable}:
 * for work that has no caller to answer 503 to (an event being consumed, a nightly job). Any other failure is thrown
 * at once. The work must be safe to repeat, as every consumer and job of the platform is (design §4).
 *
 * <p>There is no limit on the attempts: a database that is down for an hour delays the work by an hour, it does not
 * turn it into a dead letter. Only an interrupt of the waiting thread ends the waiting; the last failure is then
 * thrown with the interrupt flag set.
 */
public class UntilAvailable {

    private static final Logger log = LoggerFactory.getLogger(UntilAvailable.class);

    private final DependencyProperties.Backoff config;
    private final MeterRegistry registry;

    public UntilAvailable(DependencyProperties.Backoff config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** @param what the work, for the log line ("household.registered 1f0c… for policy-service") */
    public <T> T call(String what, Supplier<T> work) {
        Duration backoff = config.initial();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                Optional<Unavailable> unavailable = Unavailable.of(e);
                if (unavailable.isEmpty()) {
                    throw e;
                }
                waited(unavailable.get().dependency()).increment();
                log.warn("{}: {}; trying again in {} ms (attempt {}), it is not counted as a failure of the work",
                        what, unavailable.get().summary(), backoff.toMillis(), attempt);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.max()) > 0 ? config.max()
                        : backoff.multipliedBy(2);
            }
        }
    }

    public void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    /** How many times work waited for {@code dependency} ({@code giamngheo_dependency_waits_total}). */
    public double waits(String dependency) {
        return waited(dependency).count();
    }

    private Counter waited(String dependency) {
        return Counter.builder("giamngheo.dependency.waits").tag("dependency", dependency)
                .description("Times work paused because a dependency was unavailable").register(registry);
    }
}
