package vn.giamngheo.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.platform.PlatformProperties;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;
import vn.giamngheo.platform.outbox.RelayFixtures;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.TestInfrastructure;
import vn.giamngheo.testsupport.TopicProbe;

/** The aggregate collection against the test Mongo (and, for publication, the test broker), without Spring. */
class AggregateCollectionIT {

    /** A small aggregate: a value and a version; the document also keeps a log the record does not read. */
    record Counter(String id, long version, int value) {

        Change<Counter> set(int newValue) {
            return Change.update(version, new Counter(id, version + 1, newValue));
        }

        Change<Counter> setAnnounced(int newValue) {
            return Change.update(version, new Counter(id, version + 1, newValue), List.of(removed(id, version + 1)));
        }
    }

    static final Codec<Counter> CODEC = Codec.of(Counter::id,
            c -> new Document("_id", c.id()).append("version", c.version()).append("value", c.value()),
            d -> new Counter(d.getString("_id"), d.getLong("version"), d.getInteger("value")), Set.of("log"));

    private final List<CommandStartedEvent> commands = new CopyOnWriteArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(TestInfrastructure.mongoConnectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.add(event);
                }
            }).build());
    private final MongoDatabase database = client.getDatabase("platform-test");
    private final String name = "counters_" + EventFixtures.newId().replace("-", "");
    private final MongoCollection<Document> raw = database.getCollection(name);
    private final OutboxRelay relay = new OutboxRelay(database, RelayFixtures.producer(),
            new PlatformProperties.Relay(Duration.ofMillis(300), 100, Duration.ofMillis(200)),
            new EventMetrics(new SimpleMeterRegistry()));
    private final Aggregates aggregates = new Aggregates(database, c -> c,
            new Outbox("/platform-test", Clock.systemUTC()), relay);
    private final AggregateCollection<Counter> counters = aggregates.withOutbox(name, CODEC);

    @BeforeAll
    static void topics() throws Exception {
        RelayFixtures.householdTopic();
    }

    @AfterEach
    void close() {
        relay.stop();
        client.close();
    }

    private static Change.Event<HouseholdRemoved> removed(String id, long sequence) {
        return new Change.Event<>(EventTypes.HOUSEHOLD_REMOVED,
                new HouseholdRemoved(id, sequence, "TEST-" + sequence, LocalDate.parse("2026-11-24")));
    }

    private Counter created(int value) {
        Counter counter = new Counter(EventFixtures.newId(), 1, value);
        assertThat(counters.insertIfAbsent(counter)).isTrue();
        return counter;
    }

    private int stored(String id) {
        return raw.find(Filters.eq("_id", id)).first().getInteger("value");
    }

    private long commands(String name) {
        return commands.stream().filter(c -> c.getCommandName().equals(name)).count();
    }

    @Test
    void aBulkWritesEveryChangeWhoseVersionHeldAndReportsEachConflict() {
        Counter a = created(1);
        Counter b = created(1);
        Counter c = created(1);
        // Someone else changes b after it was read at version 1.
        assertThat(counters.apply(b.set(50))).isTrue();
        Counter existing = created(7);
        Counter taken = new Counter(existing.id(), 1, 99);

        AggregateCollection.Result result = counters.applyAll(List.of(a.set(2), b.set(2), c.set(2),
                Change.create(taken)));

        assertThat(result.applied()).containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(result.conflicted()).containsExactlyInAnyOrder(b.id(), taken.id());
        assertThat(stored(a.id())).isEqualTo(2);
        assertThat(stored(b.id())).as("the conflicting change wrote nothing").isEqualTo(50);
        assertThat(stored(c.id())).isEqualTo(2);
        assertThat(stored(existing.id())).as("an insert of an existing id wrote nothing").isEqualTo(7);
        assertThat(counters.find(b.id())).contains(new Counter(b.id(), 2, 50));
    }

    @Test
    void aSingleChangeOnAStaleVersionIsRefused() {
        Counter a = created(1);
        assertThat(counters.apply(a.set(2))).isTrue();
        assertThat(counters.apply(a.set(3))).as("decided on version 1, which moved on").isFalse();
        assertThat(stored(a.id())).isEqualTo(2);
    }

    @Test
    void insertingTheSameRecordTwiceKeepsOneDocument() {
        Counter first = new Counter(EventFixtures.newId(), 1, 1);
        assertThat(counters.insertIfAbsent(first)).isTrue();
        assertThat(counters.insertIfAbsent(new Counter(first.id(), 1, 2))).isFalse();
        assertThat(raw.countDocuments(Filters.eq("_id", first.id()))).isEqualTo(1);
        assertThat(stored(first.id())).isEqualTo(1);
    }

    @Test
    void decideAllReloadsAndDecidesAgainOnlyWhatConflicted() {
        List<Counter> all = IntStream.range(0, 5).mapToObj(i -> created(i)).toList();
        Counter raced = all.get(2);
        List<String> decided = new ArrayList<>();
        AggregateCollection.Result result = counters.decideAll(all.stream().map(Counter::id).toList(), (id, current) -> {
            decided.add(id);
            if (id.equals(raced.id()) && current.version() == 1) {
                // Another writer gets in between this read and the bulk write.
                assertThat(counters.apply(current.set(100))).isTrue();
            }
            return Optional.of(current.set(current.value() + 1));
        }, 3);

        assertThat(result.applied()).hasSize(5);
        assertThat(result.conflicted()).isEmpty();
        assertThat(decided).as("only the conflicted one is decided again").hasSize(6);
        assertThat(stored(raced.id())).as("decided again on the other writer's state").isEqualTo(101);
        assertThat(stored(all.get(4).id())).isEqualTo(5);
    }

    @Test
    void theStateAndItsEventsAreOneWriteAndTheRelayPublishesThemInAggregateOrder() {
        Counter a = created(0);
        Counter b = created(0);
        AggregateCollection.Result first = counters.applyAll(List.of(a.setAnnounced(1), b.setAnnounced(1)));
        assertThat(first.applied()).hasSize(2);
        Document written = raw.find(Filters.eq("_id", a.id())).first();
        assertThat(written.getInteger("value")).isEqualTo(1);
        assertThat(written.getList(Outbox.FIELD, Document.class)).singleElement()
                .satisfies(e -> assertThat(e.getLong("sequence")).isEqualTo(2));
        Counter a2 = counters.find(a.id()).orElseThrow();
        assertThat(counters.apply(a2.setAnnounced(2).appending("log", "second"))).isTrue();
        Counter a3 = counters.find(a.id()).orElseThrow();
        assertThat(counters.applyAll(List.of(a3.setAnnounced(3))).applied()).containsExactly(a.id());
        assertThat(raw.find(Filters.eq("_id", a.id())).first().getList("log", String.class)).containsExactly("second");

        relay.start();

        List<ConsumerRecord<String, byte[]>> records = TopicProbe.await(Topics.HOUSEHOLD_EVENTS,
                TopicProbe.key(a.id()), 3, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> EventCodec.readPayload(r.value(), EventTypes.HOUSEHOLD_REMOVED).sequence())
                .containsExactly(2L, 3L, 4L);
        TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(b.id()), 1, Duration.ofSeconds(20));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> raw.countDocuments(
                Filters.exists(Outbox.FIELD + ".0")) == 0);
    }

    @Test
    void loadAllIsOneQueryAndABulkOfUpdatesIsOneWrite() {
        List<Counter> all = IntStream.range(0, 40).mapToObj(i -> created(i)).toList();
        commands.clear();

        Map<String, Counter> loaded = counters.loadAll(all.stream().map(Counter::id).toList());

        assertThat(loaded).hasSize(40);
        assertThat(loaded.get(all.get(7).id())).isEqualTo(all.get(7));
        assertThat(commands("find")).isEqualTo(1);

        commands.clear();
        AggregateCollection.Result result = counters.applyAll(loaded.values().stream().map(c -> c.set(-1)).toList());
        assertThat(result.applied()).hasSize(40);
        assertThat(commands("update")).isEqualTo(1);
        assertThat(commands("find")).as("nothing conflicted: nothing is read back").isZero();
    }
}
