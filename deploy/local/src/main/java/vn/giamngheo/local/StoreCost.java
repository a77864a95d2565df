package vn.giamngheo.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the local store costs, run by {@code deploy/local/run store-cost [households]} on a platform it started for
 * this alone. Phase {@code baseline} (the platform empty): the MongoDB process's heap used after a full GC, kept in
 * {@code STORE_COST_BASELINE}. Phase {@code loaded} (after the demo loader): waits until every consumer group has read
 * every event and the topics stopped growing, measures the heap after a full GC again and prints it per household
 * held, the H2 file's size, and the latencies of single calls on the loaded platform — a registration, a read by id,
 * a list of a ward (a MongoDB query by unit) and a search (household-service's index).
 * <p>
 * Environment: {@code STORE_COST_PHASE}, {@code MONGO_PID}, {@code JCMD} (the JDK's jcmd), {@code STORE},
 * {@code MONGO_DATA_DIR}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code HOUSEHOLD_URL}, {@code AUTH_URL}.
 */
public final class StoreCost {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final int WARM_UP = 20;

    private final Api api = new Api();
    private final String base = KafkaBroker.env("HOUSEHOLD_URL", "http://127.0.0.1:8081");

    private StoreCost() {
    }

    public static void main(String[] args) throws Exception {
        StoreCost cost = new StoreCost();
        Path baseline = Path.of(KafkaBroker.env("STORE_COST_BASELINE", "store-cost-baseline"));
        if (KafkaBroker.env("STORE_COST_PHASE", "loaded").equals("baseline")) {
            long used = heapAfterGc();
            Files.writeString(baseline, Long.toString(used), StandardCharsets.UTF_8);
            System.out.printf("Store cost: MongoDB (%s) heap after a full GC, empty platform: %.1f MB%n",
                    KafkaBroker.env("STORE", "?"), used / 1024.0);
            return;
        }
        cost.loaded(Long.parseLong(Files.readString(baseline, StandardCharsets.UTF_8).strip()));
    }

    private void loaded(long baselineKb) throws Exception {
        long settle = System.nanoTime();
        settled();
        System.out.printf("Store cost: every consumer caught up %.1f s after the load%n",
                (System.nanoTime() - settle) / 1e9);
        long households = households("ACTIVE") + households("REMOVED");
        long used = heapAfterGc();
        String store = KafkaBroker.env("STORE", "?");
        System.out.printf("Store cost (%s): %d households held; MongoDB heap after a full GC %.1f MB (empty %.1f MB): "
                + "%.1f KB per household%n", store, households, used / 1024.0, baselineKb / 1024.0,
                (used - baselineKb) / (double) households);
        Path file = Path.of(KafkaBroker.env("MONGO_DATA_DIR", "mongo-data")).resolve(MongoServerMain.FILE);
        if (Files.exists(file)) {
            System.out.printf("Store cost (%s): H2 file %.1f MB: %.1f KB per household on disk%n", store,
                    Files.size(file) / 1048576.0, Files.size(file) / 1024.0 / households);
        }
        List<String> ids = new ArrayList<>();
        latency("registration (POST /api/v1/households)", 200, i -> ids.add(Api.id(api.post(
                base + "/api/v1/households", "{\"unitCode\":\"08716\",\"village\":\"Tổ dân phố Khai Quang "
                        + (1 + i % 9) + "\",\"members\":[{\"fullName\":\"Nguyễn Văn Đo " + i + "\",\"dateOfBirth\":"
                        + "\"1980-01-01\",\"sex\":\"MALE\",\"relationToHead\":\"HEAD\"}]}"))));
        latency("read by id (GET /api/v1/households/{id})", 200, i -> api.get(base + "/api/v1/households/"
                + ids.get(i % ids.size())));
        String[] units = {"08716", "08707", "08710", "08713", "08719", "08722", "08725", "08728", "08731"};
        latency("list of a ward, 50 (GET /api/v1/households?unitCode=…; MongoDB query)", 100, i -> api.get(
                base + "/api/v1/households?unitCode=" + units[i % units.length] + "&size=50"));
        String[] names = {"Nguyễn", "Trần Văn", "Lê Thị", "Phạm", "Hoàng", "Vũ Văn", "Đỗ", "Bùi Thị"};
        latency("search by name (GET /api/v1/households/search?q=…; household-service's index, no MongoDB)", 100, i ->
                api.get(base + "/api/v1/households/search?q=" + java.net.URLEncoder.encode(names[i % names.length],
                        StandardCharsets.UTF_8) + "&size=20"));
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    /** {@code n} calls one after another after {@value #WARM_UP} not counted: mean, p50, p95, max. */
    private static void latency(String what, int n, Call call) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            call.run(i);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.run(WARM_UP + i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        System.out.printf("Store cost (%s): %s, %d calls: mean %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                KafkaBroker.env("STORE", "?"), what, n, mean, ms[n / 2], ms[(int) Math.ceil(n * 0.95) - 1],
                ms[n - 1]);
    }

    private long households(String status) {
        Matcher m = TOTAL.matcher(api.get(base + "/api/v1/households?status=" + status + "&size=1"));
        if (!m.find()) {
            throw new IllegalStateException("no total in household-service's list");
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Until every consumer group has committed the end of every partition it reads and no topic grew for 5 s (the
     * outbox relays and the consumers' own events come after the loader's last call); at most 10 minutes.
     */
    private static void settled() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")))) {
            long deadline = System.nanoTime() + 600_000_000_000L;
            Map<TopicPartition, Long> lastEnds = Map.of();
            long stableSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> committed = new HashMap<>();
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata().get();
                    offsets.forEach((tp, o) -> committed.merge(tp, o == null ? 0 : o.offset(), Math::min));
                }
                Map<TopicPartition, Long> ends = new HashMap<>();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
                long lag = committed.entrySet().stream().mapToLong(e -> ends.get(e.getKey()) - e.getValue()).sum();
                if (!ends.equals(lastEnds) || lag > 0) {
                    stableSince = System.nanoTime();
                    lastEnds = ends;
                } else if (System.nanoTime() - stableSince > 5_000_000_000L) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the consumers did not catch up within 10 minutes");
        }
    }

    /** The MongoDB process's heap in use after a full collection (jcmd GC.run, then GC.heap_info), in KB. */
    private static long heapAfterGc() throws IOException, InterruptedException {
        String pid = KafkaBroker.env("MONGO_PID", "");
        String jcmd = KafkaBroker.env("JCMD", "jcmd");
        // Twice: what the first collection freed is gone for certain by the second.
        jcmd(jcmd, pid, "GC.run");
        jcmd(jcmd, pid, "GC.run");
        String info = jcmd(jcmd, pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap use in " + info);
        }
        return Long.parseLong(m.group(1));
    }

    private static String jcmd(String jcmd, String pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Stream.of(jcmd, pid, command).toList()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(jcmd + " " + pid + " " + command + ": " + out);
        }
        return out;
    }
}
