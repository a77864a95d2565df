package vn.giamngheo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.platform.deadletters.DeadLetters;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.TestInfrastructure;
import vn.giamngheo.testsupport.TestInfrastructureConfiguration;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * A binding in batch mode on the real broker: the handler gets whole polls, and a poison record — one that cannot
 * be read, or one the handler fails on — goes alone to the dead-letter topic while its neighbours in the same poll
 * are handled.
 */
@SpringBootTest(classes = BatchBindingIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "giamngheo.service-name=platform-batch-it",
        "giamngheo.messaging.consumes=household.events",
        "spring.mongodb.database=platform-batch-it",
        "spring.cloud.function.definition=probeEvents",
        "spring.cloud.stream.bindings.probeEvents-in-0.destination=household.events",
        "spring.cloud.stream.bindings.probeEvents-in-0.group=platform-batch-it",
        "spring.cloud.stream.bindings.probeEvents-in-0.consumer.batch-mode=true",
        "spring.cloud.stream.bindings.probeEvents-in-0.consumer.auto-startup=false",
        "spring.cloud.stream.bindings.probeEvents-in-0.consumer.concurrency=1",
        "spring.cloud.stream.bindings.probeEvents-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.probeEvents-in-0.consumer.back-off-max-interval=200",
        "spring.cloud.stream.kafka.bindings.probeEvents-in-0.consumer.enable-dlq=true",
        "spring.cloud.stream.kafka.bindings.probeEvents-in-0.consumer.dlq-name=household.events.platform-batch-it.dlq"})
@Import(TestInfrastructureConfiguration.class)
class BatchBindingIT {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.HOUSEHOLD_EVENTS, "platform-batch-it");

    /** What the handler saw: each household's deliveries, the batch sizes, and the households it must fail on. */
    static final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    static final List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
    static final Set<String> failOn = ConcurrentHashMap.newKeySet();

    @SpringBootApplication
    static class App {

        @Bean
        BatchEventDispatcher probeEvents(EventMetrics metrics) {
            return BatchEventDispatcher.builder(metrics).on(EventTypes.HOUSEHOLD_REGISTERED).handledBy(events -> {
                batchSizes.add(events.size());
                if (events.stream().anyMatch(e -> failOn.contains(e.subject()))) {
                    throw new IllegalStateException("the store refused household "
                            + events.stream().filter(e -> failOn.contains(e.subject())).findFirst().orElseThrow()
                                    .subject());
                }
                events.forEach(e -> handled.computeIfAbsent(e.subject(), k -> new AtomicInteger()).incrementAndGet());
                return events.stream().map(e -> Outcome.APPLIED).toList();
            });
        }
    }

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    DeadLetters deadLetters;

    @Test
    void aPoisonRecordGoesAloneToTheDeadLetterTopicAndItsNeighboursInThePollAreHandled() {
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        String unreadable = null;
        String refused = null;
        for (int i = 0; i < 40; i++) {
            EventEnvelope<HouseholdRegistered> event = EventFixtures.householdRegistered(EventFixtures.newId(), "08707");
            ProducerRecord<String, byte[]> record = record(event);
            if (i == 13) {
                unreadable = event.subject();
                record.headers().remove(CloudEventHeaders.SUBJECT);
            } else if (i == 27) {
                refused = event.subject();
                failOn.add(refused);
            } else {
                ids.add(event.subject());
            }
            records.add(record);
        }
        send(records);

        start();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(handled).containsKeys(
                ids.toArray(String[]::new)));
        String poison = unreadable;
        String failing = refused;
        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.await(DEAD_LETTERS,
                r -> poison.equals(r.key()) || failing.equals(r.key()), 2, Duration.ofSeconds(60));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(poison, failing);
        ConsumerRecord<String, byte[]> missingHeader = dead.stream().filter(r -> poison.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(TopicProbe.header(missingHeader, "x-exception-message")).contains(CloudEventHeaders.SUBJECT);
        assertThat(TopicProbe.header(missingHeader, "x-original-topic")).isEqualTo(Topics.HOUSEHOLD_EVENTS);
        assertThat(TopicProbe.header(dead.stream().filter(r -> failing.equals(r.key())).findFirst().orElseThrow(),
                "x-exception-message")).contains("the store refused household " + failing);
        // the poll was handled as batches, not one record at a time
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(10);
        // none of the neighbours went to the dead-letter topic
        List<ConsumerRecord<String, byte[]>> all = TopicProbe.during(DEAD_LETTERS, r -> true, Duration.ofSeconds(2));
        assertThat(all).extracting(ConsumerRecord::key).doesNotContainAnyElementsOf(ids);
        assertThat(handled).doesNotContainKeys(poison, failing);
    }

    @Test
    void theDeadLettersAreListedWithTheirErrorAndReplayedIntoTheHandlerOnceTheCauseIsFixed() {
        EventEnvelope<HouseholdRegistered> refusedEvent = EventFixtures.householdRegistered(EventFixtures.newId(),
                "08707");
        EventEnvelope<HouseholdRegistered> unreadableEvent = EventFixtures.householdRegistered(EventFixtures.newId(),
                "08707");
        String refused = refusedEvent.subject();
        String unreadable = unreadableEvent.subject();
        failOn.add(refused);
        ProducerRecord<String, byte[]> withoutTime = record(unreadableEvent);
        withoutTime.headers().remove(CloudEventHeaders.TIME);
        send(List.of(record(refusedEvent), withoutTime));
        start();
        TopicProbe.await(DEAD_LETTERS, r -> refused.equals(r.key()) || unreadable.equals(r.key()), 2,
                Duration.ofSeconds(60));

        List<DeadLetters.Letter> letters = deadLetters.letters("probeEvents", 0, 500);
        DeadLetters.Letter refusedLetter = letters.stream().filter(l -> refused.equals(l.subject())).findFirst()
                .orElseThrow();
        assertThat(refusedLetter.error()).isEqualTo("the store refused household " + refused);
        assertThat(refusedLetter.type()).isEqualTo(EventTypes.HOUSEHOLD_REGISTERED.ceType());
        assertThat(refusedLetter.originalTopic()).isEqualTo(Topics.HOUSEHOLD_EVENTS);
        assertThat(refusedLetter.payload()).contains(refused);
        assertThat(refusedLetter.replay()).isNull();
        assertThat(letters).filteredOn(l -> unreadable.equals(l.key())).singleElement()
                .satisfies(l -> assertThat(l.error()).contains(CloudEventHeaders.TIME));

        // replayed before the fix: it fails again, and says so
        DeadLetters.Replay tooEarly = deadLetters.replay("probeEvents", refusedLetter.partition(),
                refusedLetter.offset(), "quan-tri");
        assertThat(tooEarly.result()).isEqualTo("FAILED");
        assertThat(tooEarly.message()).contains("the store refused household " + refused);
        assertThat(handled).doesNotContainKey(refused);

        // the cause fixed: the replay reaches the handler, and the listing shows it
        failOn.remove(refused);
        assertThat(deadLetters.replay("probeEvents", refusedLetter.partition(), refusedLetter.offset(), "quan-tri")
                .result()).isEqualTo("APPLIED");
        assertThat(handled.get(refused)).hasValue(1);
        assertThat(deadLetters.letters("probeEvents", 0, 500)).filteredOn(l -> refused.equals(l.subject()))
                .singleElement().satisfies(l -> assertThat(l.replay().by()).isEqualTo("quan-tri"));

        // all: the replayed one is not handed over again; the unreadable one still fails, named with its error
        DeadLetters.Result all = deadLetters.replayAll("probeEvents", "quan-tri");
        assertThat(handled.get(refused)).hasValue(1);
        assertThat(all.failed()).anySatisfy(f -> assertThat(f.message()).contains(CloudEventHeaders.TIME));
        assertThat(deadLetters.summaries()).filteredOn(s -> s.binding().equals("probeEvents")).singleElement()
                .satisfies(s -> {
                    assertThat(s.deadLetterTopic()).isEqualTo(DEAD_LETTERS);
                    assertThat(s.held()).isGreaterThanOrEqualTo(2);
                    assertThat(s.replayed()).isGreaterThanOrEqualTo(1);
                    assertThat(s.waiting()).isEqualTo(s.held() - s.replayed());
                });
    }

    private void start() {
        if (bindings.queryState("probeEvents-in-0").stream().noneMatch(b -> b.isRunning())) {
            bindings.changeState("probeEvents-in-0", BindingsLifecycleController.State.STARTED);
        }
    }

    private static ProducerRecord<String, byte[]> record(EventEnvelope<HouseholdRegistered> event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), 0, event.subject(),
                EventCodec.writePayload(event.data()));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        record.headers().add(CloudEventHeaders.ID, bytes(event.id()));
        record.headers().add(CloudEventHeaders.SOURCE, bytes(event.source()));
        record.headers().add(CloudEventHeaders.TYPE, bytes(event.type().ceType()));
        record.headers().add(CloudEventHeaders.SUBJECT, bytes(event.subject()));
        record.headers().add(CloudEventHeaders.TIME, bytes(event.time().toString()));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }
}
