package vn.giamngheo.platform.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UntilAvailableTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UntilAvailable untilAvailable = new UntilAvailable(
            new DependencyProperties.Backoff(Duration.ofMillis(1), Duration.ofMillis(2)), registry);

    @Test
    void workIsRepeatedUntilTheDatabaseAnswersAndEachWaitIsCounted() {
        AtomicInteger attempts = new AtomicInteger();

        String result = untilAvailable.call("the daily decisions", () -> {
            if (attempts.incrementAndGet() < 10) {
                throw new IllegalStateException("wrapped", new MongoTimeoutException("no server"));
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(untilAvailable.waits(Unavailable.MONGODB)).isEqualTo(9);
        assertThat(registry.get("giamngheo.dependency.waits").tag("dependency", "MongoDB").counter().count())
                .isEqualTo(9);
    }

    @Test
    void anInterruptEndsTheWaitingWithTheLastFailureAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> untilAvailable.run("a consumer that is being stopped", () -> {
                throw new MongoTimeoutException("no server");
            })).isInstanceOf(MongoTimeoutException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
