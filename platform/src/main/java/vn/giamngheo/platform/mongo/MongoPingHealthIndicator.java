package vn.giamngheo.platform.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB health by {@code ping} on the service's own database. Boot's indicator sends {@code hello}, which
 * mongo-java-server (the local stack) does not implement; {@code ping} works on it and on MongoDB 7 alike. Give it
 * the database with the health bound ({@link MongoTimeouts#forHealth}): a stalled database then makes the health DOWN
 * within that bound instead of holding the caller.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    public MongoPingHealthIndicator(MongoDatabase database) {
        super("MongoDB ping failed");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
