package vn.giamngheo.platform.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class UnavailableTest {

    private static final ServerAddress MONGO = new ServerAddress("127.0.0.1", 27017);

    @Test
    void theDriversSelectionSocketAndOperationTimeoutsMeanMongoDbIsUnavailable() {
        assertThat(Unavailable.of(new MongoTimeoutException("Timed out while waiting for a server")))
                .map(Unavailable::dependency).contains(Unavailable.MONGODB);
        assertThat(Unavailable.of(new MongoOperationTimeoutException("Operation exceeded the timeout limit")))
                .map(Unavailable::dependency).contains(Unavailable.MONGODB);
        assertThat(Unavailable.of(new MongoSocketOpenException("Exception opening socket", MONGO, new IOException())))
                .map(Unavailable::dependency).contains(Unavailable.MONGODB);
        assertThat(Unavailable.of(new MongoSocketReadTimeoutException("Timeout while receiving message", MONGO,
                new SocketTimeoutException()))).map(Unavailable::dependency).contains(Unavailable.MONGODB);
    }

    @Test
    void itIsFoundBehindAWrappingException() {
        assertThat(Unavailable.isCause(new IllegalStateException("loading failed",
                new MongoTimeoutException("Timed out while waiting for a server")))).isTrue();
    }

    @Test
    void aBrokerThatDoesNotAnswerIsKafkaUnavailable() {
        assertThat(Unavailable.of(new org.apache.kafka.common.errors.TimeoutException("Timeout expired")))
                .map(Unavailable::dependency).contains(Unavailable.KAFKA);
        assertThat(Unavailable.of(new DependencyUnavailableException(Unavailable.KAFKA, "offsets not read",
                new TimeoutException()))).map(Unavailable::dependency).contains(Unavailable.KAFKA);
    }

    @Test
    void anAnswerFromTheDatabaseOrABugIsNotUnavailability() {
        MongoWriteException duplicate = new MongoWriteException(new WriteError(11000, "E11000 duplicate key",
                new BsonDocument()), MONGO, java.util.Set.of());
        assertThat(Unavailable.of(duplicate)).isEmpty();
        assertThat(Unavailable.of(new IllegalArgumentException("unitCode is missing"))).isEmpty();
        // A timeout of the JDK alone says nothing about which dependency it was.
        assertThat(Unavailable.of(new TimeoutException())).isEmpty();
    }
}
