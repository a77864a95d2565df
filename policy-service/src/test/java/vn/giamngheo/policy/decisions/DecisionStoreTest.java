package vn.giamngheo.policy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.platform.PlatformProperties;
import vn.giamngheo.platform.dependencies.DependencyProperties;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;

/** The household's new decisions are written in two round trips; a replay writes nothing twice. */
class DecisionStoreTest {

    private MongoServer server;
    private MongoClient client;
    private DecisionStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        MongoDatabase database = client.getDatabase("t");
        OutboxRelay relay = new OutboxRelay(database, new MockProducer<>(),
                new PlatformProperties.Relay(Duration.ofMillis(300), 100, Duration.ofMillis(200)),
                new EventMetrics(new SimpleMeterRegistry()));
        store = new DecisionStore(new Aggregates(database, c -> c, new Outbox("/policy-test", Clock.systemUTC()),
                relay), database, new MongoTimeouts(new DependencyProperties.Mongo(Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(1))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static BenefitDecision decision(String householdId, String personId, String reason) {
        LocalDate on = LocalDate.parse("2026-01-01");
        Entitlement share = new Entitlement("PREMIUM_SHARE", 100, null, null, null, null);
        return new BenefitDecision(BenefitDecision.id("HEALTH_INSURANCE_PREMIUM", personId, on), householdId,
                personId, "HEALTH_INSURANCE_PREMIUM", "v1", "BHXH", on, null, BenefitDecision.Status.ACTIVE, share,
                reason, null, List.of(new BenefitDecision.Change(on, "v1", share)), 1);
    }

    /** A new decision with its {@code benefit.granted}. */
    private static Change<BenefitDecision> withEvent(BenefitDecision d) {
        return Change.create(d, List.of(new Change.Event<>(EventTypes.BENEFIT_GRANTED, new BenefitGranted(d.id(), 1,
                d.policyCode(), d.policyVersion(), d.department(), d.householdId(), d.personId(), d.validFrom(), null,
                d.entitlement(), d.reason()))));
    }

    @Test
    void newDecisionsAreWrittenAndListedAndThoseThatExistStayAsTheyWere() {
        assertThat(store.write(List.of(withEvent(decision("H1", "P1", "first")))).applied())
                .containsExactly("HEALTH_INSURANCE_PREMIUM:P1:2026-01-01");

        List<String> written = store.write(List.of(withEvent(decision("H1", "P1", "again")),
                withEvent(decision("H1", "P2", "new")), withEvent(decision("H1", "P3", "new")))).applied();

        assertThat(written).containsExactly("HEALTH_INSURANCE_PREMIUM:P2:2026-01-01",
                "HEALTH_INSURANCE_PREMIUM:P3:2026-01-01");
        assertThat(store.ofHousehold("H1")).extracting(BenefitDecision::personId, BenefitDecision::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P1", "first"),
                        org.assertj.core.groups.Tuple.tuple("P2", "new"),
                        org.assertj.core.groups.Tuple.tuple("P3", "new"));
        assertThat(store.ofHousehold("H2")).isEmpty();
        assertThat(store.write(List.of()).applied()).isEmpty();
    }
}
