package vn.giamngheo.platform.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.cursor.TimeoutMode;
import java.util.concurrent.TimeUnit;
import org.bson.conversions.Bson;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;
import vn.giamngheo.platform.dependencies.DependencyProperties;

/**
 * The MongoDB client's bounds, set once for every service, and the explicit longer bound of the operations that are
 * long by nature.
 *
 * <p>Each operation is bounded by the driver's client-side operation timeout ({@code timeoutMS}), not by a socket
 * read timeout: it covers the whole operation (server selection, connection checkout, every round trip and the
 * driver's own retry), so a stalled server fails a call after one bound and not after one bound per round trip and
 * retry; the driver sends the remaining time to the server as {@code maxTimeMS}, so a real MongoDB also stops work
 * nobody waits for; and it can be raised per collection ({@link #forLongOperations}), which a socket timeout of the
 * whole client cannot. The driver still calls this API experimental: it is used here and in no service directly.
 *
 * <p>A find keeps the bound for its whole cursor by default, which would cut off a scan whose length depends on the
 * data (a daily job over every household, a start-up load): such reads use {@link #scan}, which bounds each batch.
 */
public class MongoTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final DependencyProperties.Mongo config;

    public MongoTimeouts(DependencyProperties.Mongo config) {
        this.config = config;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        config.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(
                        (int) config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .timeout(config.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After Boot's customizer, which applies the connection string: the platform's settings are the ones in force. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * {@code collection} with the long bound, for bulk writes of many aggregates and for reads that mongo-java-server
     * answers by scanning a collection (filters and sorts on fields without a unique index).
     */
    public <T> MongoCollection<T> forLongOperations(MongoCollection<T> collection) {
        return collection.withTimeout(config.longOperationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    public MongoDatabase forLongOperations(MongoDatabase database) {
        return database.withTimeout(config.longOperationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code database} with the short bound of a health check. */
    public MongoDatabase forHealth(MongoDatabase database) {
        return database.withTimeout(config.healthTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A find over as many documents as the data holds: its bound applies to each batch the cursor fetches, not to
     * the whole iteration. Without a client-side timeout (a bare client in a unit test) it is a plain find.
     */
    public static <T> FindIterable<T> scan(MongoCollection<T> collection, Bson filter) {
        FindIterable<T> find = collection.find(filter);
        return collection.getTimeout(TimeUnit.MILLISECONDS) == null ? find : find.timeoutMode(TimeoutMode.ITERATION);
    }
}
