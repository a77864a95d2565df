package vn.giamngheo.local.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The raw limits of the same broker and database server the platform runs on, measured in the same run: what a
 * plain client gets from them with nothing else to do. The platform's figures are reported as shares of these.
 */
final class RawLimits {

    record Kafka(int records, int recordBytes, double producePerSecond, double consumePerSecond) {
    }

    record Mongo(int documents, int documentBytes, double bulkInsertPerSecond, int upserts, int threads,
            double upsertPerSecond) {
    }

    private RawLimits() {
    }

    /**
     * Produces {@code records} records of {@code recordBytes} to a fresh topic with the platform's producer settings
     * (acks=all, idempotent, 12 partitions, keyed), then consumes them all; the topic is deleted afterwards.
     */
    static Kafka kafka(String bootstrap, int records, int recordBytes, int partitions) throws Exception {
        String topic = "bench.raw." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            try {
                byte[] value = new byte[recordBytes];
                Arrays.fill(value, (byte) 'x');
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                p.put(ProducerConfig.ACKS_CONFIG, "all");
                p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                long start = System.nanoTime();
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                        new ByteArraySerializer())) {
                    for (int i = 0; i < records; i++) {
                        producer.send(new ProducerRecord<>(topic, "household-" + (i % 50_000), value));
                    }
                    producer.flush();
                }
                double produce = records / seconds(start);
                Properties c = new Properties();
                c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
                start = System.nanoTime();
                int seen = 0;
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    List<TopicPartition> parts = new ArrayList<>();
                    for (int i = 0; i < partitions; i++) {
                        parts.add(new TopicPartition(topic, i));
                    }
                    consumer.assign(parts);
                    consumer.seekToBeginning(parts);
                    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while (seen < records && System.nanoTime() < deadline) {
                        seen += consumer.poll(Duration.ofMillis(200)).count();
                    }
                }
                if (seen < records) {
                    throw new IllegalStateException("consumed " + seen + " of " + records + " records in 2 minutes");
                }
                return new Kafka(records, recordBytes, produce, records / seconds(start));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    /**
     * Bulk-inserts {@code documents} documents of about {@code documentBytes} (batches of 1,000), then upserts
     * {@code upserts} single documents by {@code _id} from {@code threads} threads; in a scratch database dropped
     * afterwards.
     */
    static Mongo mongo(String uri, int documents, int documentBytes, int upserts, int threads) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase("bench_raw_" + UUID.randomUUID().toString().substring(0, 8));
            try {
                MongoCollection<Document> docs = db.getCollection("documents");
                String filler = "x".repeat(Math.max(0, documentBytes - 100));
                long start = System.nanoTime();
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < documents; i++) {
                    batch.add(new Document("_id", "doc-" + i).append("unitCode", "08707").append("n", i)
                            .append("filler", filler));
                    if (batch.size() == 1_000) {
                        docs.insertMany(batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    docs.insertMany(batch);
                }
                double insert = documents / seconds(start);
                MongoCollection<Document> upserted = db.getCollection("upserts");
                AtomicInteger next = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                start = System.nanoTime();
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        futures.add(pool.submit(() -> {
                            for (int i = next.getAndIncrement(); i < upserts; i = next.getAndIncrement()) {
                                String id = "doc-" + (i % (upserts / 2 + 1));
                                upserted.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                                        .append("n", i).append("filler", filler), new ReplaceOptions().upsert(true));
                            }
                        }));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                return new Mongo(documents, documentBytes, insert, upserts, threads, upserts / seconds(start));
            } finally {
                db.drop();
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
