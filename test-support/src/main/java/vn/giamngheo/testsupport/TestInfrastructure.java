package vn.giamngheo.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one switch between real infrastructure in containers and real infrastructure in this JVM. Where a Docker engine
 * answers, Testcontainers' Kafka and MongoDB; otherwise a real KRaft broker (spring-kafka-test) and mongo-java-server
 * (the MongoDB wire protocol, spoken to by the real driver). Either way one broker and one Mongo per test JVM.
 * {@code -Dgiamngheo.test.infrastructure=embedded|containers} forces a side.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static String kafka;
    private static String mongo;
    private static Boolean containers;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = useContainers() ? startKafkaContainer() : startEmbeddedKafka();
        }
        return kafka;
    }

    public static synchronized String mongoConnectionString() {
        if (mongo == null) {
            mongo = useContainers() ? startMongoContainer() : startMongoJavaServer();
        }
        return mongo;
    }

    public static synchronized boolean useContainers() {
        if (containers == null) {
            String forced = System.getProperty("giamngheo.test.infrastructure", "");
            containers = switch (forced) {
                case "containers" -> true;
                case "embedded" -> false;
                default -> DockerClientFactory.instance().isDockerAvailable();
            };
            log.info("Integration tests use {}", containers ? "Testcontainers (Docker)" : "an in-JVM KRaft broker and mongo-java-server");
        }
        return containers;
    }

    private static String startEmbeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // As in production: a topic nobody created explicitly must not appear with one partition.
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker.getBrokersAsString();
    }

    private static String startMongoJavaServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    private static String startKafkaContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        return container.getBootstrapServers();
    }

    private static String startMongoContainer() {
        MongoDBContainer container = new MongoDBContainer("mongo:7.0");
        container.start();
        return container.getConnectionString();
    }
}
