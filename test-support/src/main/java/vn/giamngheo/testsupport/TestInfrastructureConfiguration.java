package vn.giamngheo.testsupport;

import com.mongodb.ConnectionString;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Points a service under test at the JVM's broker and Mongo; import it into {@code @SpringBootTest}s. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructureConfiguration {

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails() {
        String servers = TestInfrastructure.kafkaBootstrapServers();
        return () -> List.of(servers.split(","));
    }

    /** The key the service's token decoder trusts instead of fetching the issuer's key set (see TestTokens). */
    @Bean
    RSAPublicKey trustedTokenKey() {
        return TestTokens.publicKey();
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails() {
        ConnectionString connection = new ConnectionString(TestInfrastructure.mongoConnectionString());
        return () -> connection;
    }
}
