package vn.giamngheo.platform.dependencies;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.Optional;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A failure that says nothing about the request or the event, only that MongoDB or Kafka did not answer in time: the
 * same work can succeed later unchanged. A caller is answered 503 with {@code Retry-After}; a consumer waits and tries
 * again instead of counting the failure toward dead-lettering; a job tries again.
 *
 * @param dependency "MongoDB" or "Kafka", as an operator names them
 * @param cause      the failure as the client library reported it
 */
public record Unavailable(String dependency, Throwable cause) {

    public static final String MONGODB = "MongoDB";
    public static final String KAFKA = "Kafka";

    /** The unavailable dependency behind {@code failure} (itself or any cause), if that is what it is. */
    public static Optional<Unavailable> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String dependency = dependency(t);
            if (dependency != null) {
                return Optional.of(new Unavailable(dependency, t));
            }
        }
        return Optional.empty();
    }

    public static boolean isCause(Throwable failure) {
        return of(failure).isPresent();
    }

    private static String dependency(Throwable t) {
        if (t instanceof DependencyUnavailableException known) {
            return known.dependency();
        }
        // Server selection and the client-side operation timeout (a subclass), a socket that failed or timed out,
        // a pool cleared after the server failed, the server's own time limit, a replica set between primaries.
        if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                || t instanceof MongoConnectionPoolClearedException || t instanceof MongoExecutionTimeoutException
                || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
            return MONGODB;
        }
        if (t instanceof TimeoutException) {
            return KAFKA;
        }
        return null;
    }

    /** One line for a log: which dependency and what its client said, without the stack. */
    public String summary() {
        return dependency + " unavailable (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
}
