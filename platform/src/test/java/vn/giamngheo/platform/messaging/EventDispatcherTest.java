package vn.giamngheo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.InvalidEventException;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.platform.dependencies.DependencyProperties;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.dependencies.UntilAvailable;
import vn.giamngheo.testsupport.SampleMessages;

class EventDispatcherTest {

    private static final String REGISTERED = EventTypes.HOUSEHOLD_REGISTERED.ceType();

    private final EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
    private final List<EventEnvelope<HouseholdRegistered>> handled = new ArrayList<>();
    private final EventDispatcher dispatcher = EventDispatcher.builder(metrics)
            .on(EventTypes.HOUSEHOLD_REGISTERED, event -> {
                handled.add(event);
                return handled.size() == 1 ? Outcome.APPLIED : Outcome.DUPLICATE;
            })
            .build();

    @Test
    void theHandlerReceivesTheEnvelopeRebuiltFromTheHeadersAndPayload() {
        dispatcher.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));

        assertThat(handled).containsExactly(Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED));
        assertThat(metrics.count("giamngheo.events.consumed", REGISTERED)).isEqualTo(1);
        assertThat(metrics.count("giamngheo.events.duplicate", REGISTERED)).isZero();
    }

    @Test
    void duplicatesAreCountedAsConsumedAndAsDuplicates() {
        dispatcher.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));
        dispatcher.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));

        assertThat(metrics.count("giamngheo.events.consumed", REGISTERED)).isEqualTo(2);
        assertThat(metrics.count("giamngheo.events.duplicate", REGISTERED)).isEqualTo(1);
    }

    @Test
    void typesThisServiceDoesNotHandleAreSkippedNotFailed() {
        dispatcher.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REMOVED));
        dispatcher.accept(MessageBuilder.withPayload("{}".getBytes())
                .setHeader(CloudEventHeaders.TYPE, "vn.giamngheo.household.invented.v7").build());

        assertThat(handled).isEmpty();
        assertThat(metrics.count("giamngheo.events.ignored", EventTypes.HOUSEHOLD_REMOVED.ceType())).isEqualTo(1);
        assertThat(metrics.count("giamngheo.events.ignored", "vn.giamngheo.household.invented.v7")).isEqualTo(1);
    }

    @Test
    void anEventWithoutATypeIsInvalid() {
        assertThatThrownBy(() -> dispatcher.accept(MessageBuilder.withPayload("{}".getBytes()).build()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void anEventWithoutAnIdIsInvalid() {
        var sample = SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED);
        var withoutId = MessageBuilder.fromMessage(sample).removeHeader(CloudEventHeaders.ID).build();

        assertThatThrownBy(() -> dispatcher.accept(withoutId))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_id");
        assertThat(handled).isEmpty();
    }

    @Test
    void headersAlreadyMappedToStringsAreReadToo() {
        var sample = Samples.envelope(EventTypes.HOUSEHOLD_REGISTERED);
        var message = MessageBuilder.withPayload(Samples.payloadBytes(EventTypes.HOUSEHOLD_REGISTERED))
                .setHeader(CloudEventHeaders.ID, sample.id())
                .setHeader(CloudEventHeaders.SOURCE, sample.source())
                .setHeader(CloudEventHeaders.TYPE, REGISTERED)
                .setHeader(CloudEventHeaders.SUBJECT, sample.subject())
                .setHeader(CloudEventHeaders.TIME, sample.time().toString())
                .build();

        dispatcher.accept(message);

        assertThat(handled).containsExactly(sample);
    }

    @Test
    void aBindingWaitsOutAnUnavailableDatabaseInsteadOfFailingTheEvent() {
        AtomicInteger attempts = new AtomicInteger();
        UntilAvailable untilAvailable = untilAvailable();
        EventDispatcher binding = EventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, event -> {
                    if (attempts.incrementAndGet() <= 4) {
                        throw new MongoTimeoutException("Timed out while waiting for a server");
                    }
                    return Outcome.APPLIED;
                })
                .build().waitingWhileUnavailable(untilAvailable);

        binding.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));

        // More attempts than the binder's three, none of them seen by the binder.
        assertThat(attempts).hasValue(5);
        assertThat(untilAvailable.waits(Unavailable.MONGODB)).isEqualTo(4);
        assertThat(metrics.count("giamngheo.events.consumed", REGISTERED)).isEqualTo(1);
    }

    @Test
    void aBindingDoesNotWaitForAnEventThatFailsForAnyOtherReason() {
        AtomicInteger attempts = new AtomicInteger();
        EventDispatcher binding = EventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, event -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("a rule this event breaks");
                })
                .build().waitingWhileUnavailable(untilAvailable());

        assertThatThrownBy(() -> binding.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aDispatcherBuiltForAReplayLetsTheUnavailableDatabaseReachItsCaller() {
        EventDispatcher replay = EventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, event -> {
                    throw new MongoTimeoutException("Timed out while waiting for a server");
                })
                .build();

        assertThatThrownBy(() -> replay.accept(SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED)))
                .isInstanceOf(MongoTimeoutException.class);
    }

    private static UntilAvailable untilAvailable() {
        return new UntilAvailable(new DependencyProperties.Backoff(Duration.ofMillis(1), Duration.ofMillis(4)),
                new SimpleMeterRegistry());
    }
}
