package vn.giamngheo.policy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.platform.dependencies.DependencyProperties;
import vn.giamngheo.platform.mongo.MongoTimeouts;

/** The household's new decisions are written in two round trips; a replay writes nothing twice. */
class DecisionStoreTest {

    private MongoServer server;
    private MongoClient client;
    private DecisionStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        store = new DecisionStore(client.getDatabase("t"), new MongoTimeouts(new DependencyProperties.Mongo(
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(1))));
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

    private static Map.Entry<BenefitDecision, List<Document>> withEvent(BenefitDecision d) {
        return Map.entry(d, List.of(new Document("eventId", "e-" + d.id())));
    }

    @Test
    void newDecisionsAreWrittenAndListedAndThoseThatExistStayAsTheyWere() {
        assertThat(store.insertAll("H1", List.of(withEvent(decision("H1", "P1", "first")))))
                .containsExactly("HEALTH_INSURANCE_PREMIUM:P1:2026-01-01");

        List<String> written = store.insertAll("H1", List.of(withEvent(decision("H1", "P1", "again")),
                withEvent(decision("H1", "P2", "new")), withEvent(decision("H1", "P3", "new"))));

        assertThat(written).containsExactly("HEALTH_INSURANCE_PREMIUM:P2:2026-01-01",
                "HEALTH_INSURANCE_PREMIUM:P3:2026-01-01");
        assertThat(store.ofHousehold("H1")).extracting(BenefitDecision::personId, BenefitDecision::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P1", "first"),
                        org.assertj.core.groups.Tuple.tuple("P2", "new"),
                        org.assertj.core.groups.Tuple.tuple("P3", "new"));
        assertThat(store.ofHousehold("H2")).isEmpty();
        assertThat(store.insertAll("H1", List.of())).isEmpty();
    }
}
