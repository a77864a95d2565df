package vn.giamngheo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.InvalidEventException;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.platform.dependencies.DependencyProperties;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.dependencies.UntilAvailable;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.SampleMessages;

class BatchEventDispatcherTest {

    private static final String REGISTERED = EventTypes.HOUSEHOLD_REGISTERED.ceType();
    private static final String REMOVED = EventTypes.HOUSEHOLD_REMOVED.ceType();

    private final EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
    private final List<List<String>> calls = new ArrayList<>();
    private final Set<String> refused = new java.util.HashSet<>();

    /** Applies a household's first registration, answers a duplicate for any later one; refuses the marked ones. */
    private final BatchEventDispatcher dispatcher = BatchEventDispatcher.builder(metrics)
            .on(EventTypes.HOUSEHOLD_REGISTERED, EventTypes.HOUSEHOLD_RECLASSIFIED)
            .handledBy(events -> {
                calls.add(events.stream().map(EventEnvelope::subject).toList());
                events.stream().filter(e -> refused.contains(e.subject())).findFirst().ifPresent(e -> {
                    throw new IllegalStateException("refused " + e.subject());
                });
                Set<String> seen = new java.util.HashSet<>();
                return events.stream().map(e -> seen.add(e.subject()) ? Outcome.APPLIED : Outcome.DUPLICATE).toList();
            });

    private static Message<byte[]> registered(String id) {
        return SampleMessages.of(EventFixtures.householdRegistered(id, "08707"));
    }

    @Test
    void theHandlerGetsThePollsEventsInOrderAndEachOutcomeIsCounted() {
        dispatcher.accept(SampleMessages.batch(registered("a"), registered("b"), registered("a"),
                SampleMessages.of(EventFixtures.householdRemoved("c", 2))));

        assertThat(calls).containsExactly(List.of("a", "b", "a"));
        assertThat(metrics.count("giamngheo.events.consumed", REGISTERED)).isEqualTo(3);
        assertThat(metrics.count("giamngheo.events.duplicate", REGISTERED)).isEqualTo(1);
        assertThat(metrics.count("giamngheo.events.ignored", REMOVED)).isEqualTo(1);
    }

    @Test
    void anUnreadableRecordEndsTheBatchWhereItStandsAfterTheRecordsBeforeItAreHandled() {
        Message<byte[]> withoutSubject = MessageBuilder.fromMessage(registered("x"))
                .removeHeader(CloudEventHeaders.SUBJECT).build();

        assertThatThrownBy(() -> dispatcher.accept(SampleMessages.batch(registered("a"), registered("b"),
                withoutSubject, registered("c"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(InvalidEventException.class)
                            .hasMessageContaining(CloudEventHeaders.SUBJECT);
                });
        assertThat(calls).containsExactly(List.of("a", "b"));
    }

    @Test
    void aHandlerThatFailsOnTheBatchIsGivenTheEventsOneAtATimeToNameTheOneThatFails() {
        refused.add("c");

        assertThatThrownBy(() -> dispatcher.accept(SampleMessages.batch(registered("a"),
                SampleMessages.of(EventFixtures.householdRemoved("z", 2)), registered("b"), registered("c"),
                registered("d"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    // the index in the poll, the ignored record counted
                    assertThat(e.getIndex()).isEqualTo(3);
                    assertThat(e.getCause()).hasMessage("refused c");
                });
        assertThat(calls).containsExactly(List.of("a", "b", "c", "d"), List.of("a"), List.of("b"), List.of("c"));
        assertThat(metrics.count("giamngheo.events.consumed", REGISTERED)).isEqualTo(2);
    }

    @Test
    void headersTheBinderLeftAsKafkaHeadersAreReadToo() {
        Message<byte[]> record = registered("a");
        RecordHeaders headers = new RecordHeaders();
        record.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                headers.add(name, bytes);
            }
        });
        dispatcher.accept(MessageBuilder.withPayload(List.of(record.getPayload()))
                .setHeader(KafkaHeaders.NATIVE_HEADERS, List.of(headers)).build());

        assertThat(calls).containsExactly(List.of("a"));
    }

    @Test
    void aBindingWaitsOutAnUnavailableStoreAndThenHandlesTheWholeBatch() {
        AtomicInteger attempts = new AtomicInteger();
        BatchEventDispatcher binding = BatchEventDispatcher.builder(metrics).on(EventTypes.HOUSEHOLD_REGISTERED)
                .handledBy(events -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new MongoTimeoutException("Timed out while waiting for a server");
                    }
                    return events.stream().map(e -> Outcome.APPLIED).toList();
                })
                .waitingWhileUnavailable(new UntilAvailable(new DependencyProperties.Backoff(Duration.ofMillis(1),
                        Duration.ofMillis(2)), new SimpleMeterRegistry()));

        binding.accept(SampleMessages.batch(registered("a"), registered("b")));

        assertThat(attempts).hasValue(3);
        assertThat(metrics.count("giamngheo.events.consumed", REGISTERED)).isEqualTo(2);
    }

    @Test
    void withoutWaitingAnUnavailableStoreIsThrownAsItIsNotAsAPoisonRecord() {
        BatchEventDispatcher replay = BatchEventDispatcher.builder(metrics).on(EventTypes.HOUSEHOLD_REGISTERED)
                .handledBy(events -> {
                    throw new MongoTimeoutException("Timed out while waiting for a server");
                });

        assertThatThrownBy(() -> replay.accept(SampleMessages.batch(registered("a"), registered("b"))))
                .isInstanceOf(MongoTimeoutException.class)
                .satisfies(e -> assertThat(Unavailable.of(e)).isPresent());
    }

    @Test
    void theSameHandlerBoundOneRecordAtATime() {
        EventDispatcher perRecord = dispatcher.perRecord();

        perRecord.accept(registered("a"));
        perRecord.accept(SampleMessages.of(EventFixtures.householdRemoved("z", 2)));

        assertThat(calls).containsExactly(List.of("a"));
        assertThat(metrics.count("giamngheo.events.consumed", REGISTERED)).isEqualTo(1);
        assertThat(metrics.count("giamngheo.events.ignored", REMOVED)).isEqualTo(1);
    }
}
