package vn.giamngheo.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.giamngheo.platform.persistence.Aggregates;

/**
 * An in-memory MongoDB (mongo-java-server) for a store's unit test, with a database and its collections: a field
 * {@code @RegisterExtension final EmbeddedMongo mongo = new EmbeddedMongo();} gives each test its own, shut down after
 * it.
 */
public final class EmbeddedMongo implements AfterEachCallback, AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://"
            + server.bindAndGetConnectionString().replace("mongodb://", ""));
    private final MongoDatabase database = client.getDatabase("t");

    public MongoDatabase database() {
        return database;
    }

    /** The collections of this database, without an outbox or relay (for the collections that cause no events). */
    public Aggregates aggregates() {
        return new Aggregates(database, c -> c, null, null);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
