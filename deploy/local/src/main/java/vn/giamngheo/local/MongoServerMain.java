package vn.giamngheo.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The local MongoDB: mongo-java-server, a MongoDB wire-protocol server with an in-memory backend, reached by the
 * services through the real MongoDB driver. No transactions, no TTL, non-unique indexes ignored (see stack notes).
 * Settings from the environment: {@code MONGO_HOST} (127.0.0.1) and {@code MONGO_PORT} (27017).
 */
public final class MongoServerMain {

    private MongoServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = KafkaBroker.env("MONGO_HOST", "127.0.0.1");
        int port = Integer.parseInt(KafkaBroker.env("MONGO_PORT", "27017"));
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
        System.out.println("mongo-java-server listening on " + host + ":" + port);
        Thread.currentThread().join();
    }
}
