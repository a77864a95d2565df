package vn.giamngheo.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker for the local run: one KRaft node that is both broker and controller, in this JVM.
 * Settings from the environment: {@code KAFKA_HOST} (127.0.0.1), {@code KAFKA_PORT} (9092),
 * {@code KAFKA_CONTROLLER_PORT} (9093) and {@code KAFKA_DATA_DIR}. The log in {@code KAFKA_DATA_DIR} is formatted on the
 * first start only (its cluster id kept in {@code cluster.id}); later starts go on from the topics, events and consumer
 * offsets it holds.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    public static void main(String[] args) throws IOException {
        String host = env("KAFKA_HOST", "127.0.0.1");
        String port = env("KAFKA_PORT", "9092");
        String controllerPort = env("KAFKA_CONTROLLER_PORT", "9093");
        Path data = Path.of(env("KAFKA_DATA_DIR", "kafka-data")).toAbsolutePath();
        Files.createDirectories(data);

        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("log.dirs", data.resolve("logs").toString());
        // As in production: topics are created explicitly by the services, never by a first produce or fetch.
        config.setProperty("auto.create.topics.enable", "false");
        config.setProperty("num.partitions", "12");
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        // A development machine: keep a week or 1 GiB per partition, whichever comes first.
        config.setProperty("log.retention.hours", "168");
        config.setProperty("log.retention.bytes", String.valueOf(1L << 30));
        config.setProperty("log.segment.bytes", String.valueOf(64L << 20));

        Path properties = data.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
            config.store(out, "written by deploy/local KafkaBroker");
        }
        Path meta = data.resolve("logs").resolve("meta.properties");
        if (Files.exists(meta)) {
            System.out.println("Kafka: starting on the log in " + data + " (cluster " + clusterId(data) + ")");
        } else {
            // Formatted once; the cluster id is kept beside the log so that a later format (a lost meta.properties)
            // names the same cluster, never a new one the old segments do not belong to.
            String clusterId = clusterId(data);
            int status = kafka.tools.StorageTool.execute(new String[] {"format", "--ignore-formatted",
                    "--cluster-id", clusterId, "--config", properties.toString()},
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("formatting the KRaft storage in " + data + " failed: " + status);
            }
        }
        kafka.Kafka.main(new String[] {properties.toString()});
    }

    /**
     * The cluster id of the log in {@code data}: the formatted log's own, else the one kept from its first format, else
     * a new one (kept from now on).
     */
    private static String clusterId(Path data) throws IOException {
        Path file = data.resolve("cluster.id");
        Path meta = data.resolve("logs").resolve("meta.properties");
        String id;
        if (Files.exists(meta)) {
            Properties formatted = new Properties();
            try (var in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                formatted.load(in);
            }
            id = formatted.getProperty("cluster.id");
        } else if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } else {
            id = Uuid.randomUuid().toString();
        }
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
