package vn.giamngheo.testsupport;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
    /** The embedded Mongo: its data outlives a stop ({@link #stopMongo}), its port is kept for the restart. */
    private static MongoBackend mongoBackend;
    private static MongoServer mongoServer;
    private static int mongoPort;
    private static MongoDBContainer mongoContainer;

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

    /**
     * Makes MongoDB unavailable to everything in this JVM until {@link #startMongo}: the embedded server stops
     * listening and closes every connection (clients fail fast, then wait for server selection), keeping its data;
     * a container is paused (connections stay open and nothing answers). Call {@link #startMongo} in a {@code finally}
     * block: the other tests of the JVM share this database.
     */
    public static synchronized void stopMongo() {
        mongoConnectionString();
        if (mongoContainer != null) {
            mongoContainer.getDockerClient().pauseContainerCmd(mongoContainer.getContainerId()).exec();
            return;
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
            mongoServer = null;
            log.warn("MongoDB stopped for a test (port {} refuses connections)", mongoPort);
        }
    }

    /** MongoDB back on the same address with the same data. */
    public static synchronized void startMongo() {
        if (mongoContainer != null) {
            mongoContainer.getDockerClient().unpauseContainerCmd(mongoContainer.getContainerId()).exec();
            return;
        }
        if (mongoServer == null && mongoBackend != null) {
            mongoServer = new MongoServer(mongoBackend);
            mongoServer.bind("127.0.0.1", mongoPort);
            log.warn("MongoDB started again on port {}", mongoPort);
        }
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
        mongoBackend = keptOnShutdown(new MemoryBackend());
        mongoServer = new MongoServer(mongoBackend);
        InetSocketAddress address = mongoServer.bind();
        mongoPort = address.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (TestInfrastructure.class) {
                if (mongoServer != null) {
                    mongoServer.shutdownNow();
                }
            }
        }));
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** A server's shutdown closes (empties) its backend; the data must survive a stop and start of the server. */
    private static MongoBackend keptOnShutdown(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String startKafkaContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        return container.getBootstrapServers();
    }

    private static String startMongoContainer() {
        mongoContainer = new MongoDBContainer("mongo:7.0");
        mongoContainer.start();
        return mongoContainer.getConnectionString();
    }
}
