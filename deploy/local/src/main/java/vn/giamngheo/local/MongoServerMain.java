package vn.giamngheo.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local MongoDB: mongo-java-server, a MongoDB wire-protocol server reached by the services through the real MongoDB
 * driver. No transactions, no TTL, non-unique indexes ignored (see stack notes). Two backends:
 * <ul>
 * <li>{@code disk} (the default of {@code deploy/local/run}): H2's MVStore, one file {@code mongo.mv.db} in
 * {@code MONGO_DATA_DIR}, found again at the next start. MVStore commits in the background at most a second after a
 * write and on shutdown; a {@code kill -9} can lose that last second, a {@code stop} loses nothing.</li>
 * <li>{@code memory}: every document in this JVM's heap, gone when it ends (tests and the benchmark).</li>
 * </ul>
 * Settings from the environment: {@code MONGO_HOST} (127.0.0.1), {@code MONGO_PORT} (27017), {@code MONGO_STORE}
 * ({@code memory} unless {@code disk}), {@code MONGO_DATA_DIR} and {@code MONGO_H2_CACHE_MB} (the MVStore page cache, 16,
 * H2's own default) for {@code disk}.
 */
public final class MongoServerMain {

    /** The store's file in the data folder. */
    static final String FILE = "mongo.mv.db";

    private MongoServerMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        String host = KafkaBroker.env("MONGO_HOST", "127.0.0.1");
        int port = Integer.parseInt(KafkaBroker.env("MONGO_PORT", "27017"));
        String store = KafkaBroker.env("MONGO_STORE", "memory");
        MongoBackend backend = switch (store) {
            case "memory" -> new MemoryBackend();
            case "disk" -> {
                Path data = Path.of(KafkaBroker.env("MONGO_DATA_DIR", "mongo-data")).toAbsolutePath();
                Files.createDirectories(data);
                // MVStore's page cache holds pages with their documents deserialized, and counts them by an
                // estimate: bounded here, it is what the store keeps in the heap, whatever the data's size.
                int cacheMb = Integer.parseInt(KafkaBroker.env("MONGO_H2_CACHE_MB", "16"));
                yield new H2Backend(new MVStore.Builder().fileName(data.resolve(FILE).toString())
                        .cacheSize(cacheMb).open());
            }
            default -> throw new IllegalArgumentException("MONGO_STORE is memory or disk, not " + store);
        };
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        // shutdown() closes the backend too: H2 writes what it has not committed yet and closes its file.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
        System.out.println("mongo-java-server listening on " + host + ":" + port + " (" + backend + ")");
        Thread.currentThread().join();
    }
}
