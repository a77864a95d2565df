package vn.giamngheo.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.reporting.facts.FactStore.Kind;

/** A fact is recorded in one round trip; what it answers is what is stored; a repeated sequence changes nothing. */
class FactStoreTest {

    private MongoServer server;
    private MongoClient client;
    private FactStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        store = new FactStore(client.getDatabase("t"), "");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static Document fact(String kind, String on) {
        return new Document("kind", kind).append("on", on);
    }

    private List<Document> stored(Kind kind) {
        List<Document> all = new ArrayList<>();
        store.forEach(kind, all::add);
        return all;
    }

    @Test
    void theAnsweredDocumentIsTheStoredOneAfterEachFactInAnyOrder() {
        Document first = store.record(Kind.HOUSEHOLD, "H1", "H1", 2, fact("ASSESSED", "2026-10-15")).orElseThrow();
        assertThat(stored(Kind.HOUSEHOLD)).containsExactly(first);

        Document second = store.record(Kind.HOUSEHOLD, "H1", "H1", 1, fact("REGISTERED", "2021-12-01")).orElseThrow();

        assertThat(stored(Kind.HOUSEHOLD)).containsExactly(second);
        assertThat(second.get(FactStore.FACTS, Document.class)).containsOnlyKeys("1", "2");
        assertThat(second.getString(FactStore.HOUSEHOLD_ID)).isEqualTo("H1");
    }

    @Test
    void aRepeatedSequenceIsADuplicateAndTheFirstFactStays() {
        store.record(Kind.CARD, "R1", "H1", 3, fact("ISSUED", "2026-12-01")).orElseThrow();

        assertThat(store.record(Kind.CARD, "R1", "H1", 3, fact("ISSUED", "2026-12-01"))).isEmpty();
        assertThat(store.record(Kind.CARD, "R1", "H1", 3, fact("ISSUED", "2026-12-04"))).isEmpty();

        assertThat(stored(Kind.CARD)).singleElement().satisfies(doc -> assertThat(
                doc.get(FactStore.FACTS, Document.class).get("3", Document.class).getString("on"))
                .isEqualTo("2026-12-01"));
    }
}
