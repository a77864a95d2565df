package vn.giamngheo.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.giamngheo.platform.dependencies.DependencyProperties;

class MongoTimeoutsTest {

    private final MongoTimeouts timeouts = new MongoTimeouts(new DependencyProperties.Mongo(Duration.ofSeconds(2),
            Duration.ofMillis(1500), Duration.ofMillis(2500), Duration.ofMinutes(2), Duration.ofSeconds(1)));

    private MongoClientSettings settings(String connectionString) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString));
        timeouts.customize(builder);
        return builder.build();
    }

    @Test
    void everyOperationIsBoundedAndTheConnectionStringCannotLiftTheBounds() {
        MongoClientSettings settings = settings(
                "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=30000&connectTimeoutMS=10000&timeoutMS=0");

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(settings.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2500);
    }

    @Test
    void longOperationsGetTheLongBoundHealthTheShortOneAndScansABoundPerBatch() {
        try (MongoClient client = MongoClients.create(settings("mongodb://127.0.0.1:1"))) {
            var collection = client.getDatabase("t").getCollection("households");

            assertThat(collection.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2500);
            assertThat(timeouts.forLongOperations(collection).getTimeout(TimeUnit.SECONDS)).isEqualTo(120);
            assertThat(timeouts.forLongOperations(client.getDatabase("t")).getTimeout(TimeUnit.SECONDS)).isEqualTo(120);
            assertThat(timeouts.forHealth(client.getDatabase("t")).getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1000);
            // Nothing is sent until the cursor is iterated: building the scan must not fail.
            assertThat(MongoTimeouts.scan(collection, new Document())).isNotNull();
        }
    }

    @Test
    void aScanWorksOnAClientWithoutOperationTimeout() {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:1")) {
            assertThat(MongoTimeouts.scan(client.getDatabase("t").getCollection("c"), new Document())).isNotNull();
        }
    }
}
