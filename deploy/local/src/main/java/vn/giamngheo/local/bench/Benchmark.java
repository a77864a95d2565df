package vn.giamngheo.local.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.giamngheo.local.Api;
import vn.giamngheo.local.Population;
import vn.giamngheo.local.Population.Home;
import vn.giamngheo.local.HouseholdFlows;

/**
 * The platform's benchmark (issue 9): a synthetic population registered through household-service, a full annual
 * review decided for every ward at once and followed through all four services, then a steady load of decided
 * households for latency; with the raw limits of the same Kafka broker and MongoDB server, and the CPU and peak memory
 * of every local process. Prints a table and writes JSON. Run it with {@code deploy/local/benchmark}; the settings
 * are environment variables (see that script).
 *
 * <p>Rerunning on the same data: the registered households are remembered per seed and size under the run folder;
 * a second run against the same stack reuses them, decides the same answers again and checks that the figures did
 * not move, then asks reporting for a reconciliation.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLASSES = List.of("POOR", "NEAR_POOR", "MIDDLE", "ABOVE");
    /**
     * The annual review of the benchmark: the 2026 review of the communes and wards in force since 2025-07-01, which
     * makes the 2027 lists (its decision takes effect on 1 January 2027).
     */
    private static final HouseholdFlows.Dates ANNUAL = new HouseholdFlows.Dates(LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 15), LocalDate.of(2027, 1, 1));
    /** The monthly reviews of the steady phase: households falling into poverty after the annual review. */
    private static final HouseholdFlows.Dates MONTHLY = new HouseholdFlows.Dates(LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 16));

    private final Map<String, String> env;
    private final String household;
    private final String reporting;
    private final String notification;
    private final String bhxh;
    private final String bootstrap;
    private final String mongo;
    private final Path runDir;
    private final String sizeName;
    /** Where the households live; the communes (wards) that review them since 2025; the areas compared on a rerun. */
    private final Population.Place place;
    private final List<String> wards;
    private final List<String> areas;
    private final int size;
    private final long seed;
    private final int rate;
    private final int steadySeconds;
    private final int roundSize;
    private final int parallelism;
    private final Api api = new Api();
    private final ProcessStats processes;
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();

    private Benchmark(Map<String, String> env) {
        this.env = env;
        this.household = env("HOUSEHOLD_URL", "http://127.0.0.1:8081");
        this.reporting = env("REPORTING_URL", "http://127.0.0.1:8084");
        this.notification = env("NOTIFICATION_URL", "http://127.0.0.1:8083");
        this.bhxh = env("BHXH_SIM_URL", "http://127.0.0.1:9300");
        this.bootstrap = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        this.mongo = env("MONGODB_URI", "mongodb://127.0.0.1:27017");
        this.runDir = Path.of(env("GIAMNGHEO_RUN_DIR", ".run"));
        this.sizeName = env("BENCH_SIZE", "city");
        Integer named = Population.SIZES.get(sizeName);
        this.size = named != null ? named : positive("BENCH_SIZE", sizeName);
        this.place = Population.place(sizeName);
        this.wards = place.units().stream().map(Population.Unit::ward2025).distinct().toList();
        List<String> compared = new ArrayList<>(List.of(place.area()));
        compared.addAll(wards);
        this.areas = List.copyOf(compared);
        this.seed = Long.parseLong(env("BENCH_SEED", "2026"));
        this.rate = positive("BENCH_RATE", env("BENCH_RATE", "500"));
        this.steadySeconds = positive("BENCH_STEADY_SECONDS", env("BENCH_STEADY_SECONDS", "20"));
        this.roundSize = positive("BENCH_ROUND_SIZE", env("BENCH_ROUND_SIZE", "50"));
        this.parallelism = positive("BENCH_PARALLELISM", env("BENCH_PARALLELISM", "16"));
        this.processes = new ProcessStats(runDir);
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark;
        try {
            benchmark = new Benchmark(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            benchmark.run();
        } catch (Exception e) {
            // What was measured so far is still printed and written, with the failure.
            benchmark.result.put("failure", String.valueOf(e));
            benchmark.table.add(new String[] {"FAILED", String.valueOf(e), ""});
            benchmark.print(benchmark.perProcess(Map.of()));
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        HouseholdFlows flow = new HouseholdFlows(api, household, pool);
        result.put("startedAt", Instant.now().toString());
        result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version"), "java",
                System.getProperty("java.version")));
        result.put("settings", new LinkedHashMap<>(Map.of("size", sizeName, "place", place.name(), "households", size,
                "seed", seed,
                "steadyRatePerSecond", rate, "steadySeconds", steadySeconds, "roundSize", roundSize,
                "kafka", bootstrap, "mongodb", mongo.replaceAll("//[^@/]*@", "//***@"))));
        Map<String, ProcessStats.Sample> atStart = processes.sample();

        // 1. The raw limits of the same broker and database, before the platform gets busy.
        step("raw limits of Kafka and MongoDB");
        RawLimits.Kafka kafka = RawLimits.kafka(bootstrap, intEnv("BENCH_RAW_RECORDS", 200_000), 700, 12);
        RawLimits.Mongo mongoRaw = RawLimits.mongo(mongo, intEnv("BENCH_RAW_DOCUMENTS", 50_000), 1_000,
                intEnv("BENCH_RAW_UPSERTS", 20_000), 8);
        result.put("raw", Map.of("kafka", kafka, "mongodb", mongoRaw));
        row("Raw Kafka produce (700 B, acks=all, idempotent)", kafka.producePerSecond(), "records/s");
        row("Raw Kafka consume", kafka.consumePerSecond(), "records/s");
        row("Raw MongoDB bulk insert (1 KB, batches of 1000)", mongoRaw.bulkInsertPerSecond(), "docs/s");
        row("Raw MongoDB single-document upsert (8 threads)", mongoRaw.upsertPerSecond(), "docs/s");

        // 2. The population: the annual review's households, and a cohort that falls into poverty afterwards.
        int cohortSize = rate * steadySeconds;
        List<Home> homes = new Population(seed, place).generate(size);
        Population cohortPopulation = new Population(seed + 1, place);
        List<Home> cohort = cohortPopulation.generate(cohortSize);
        step("registration of " + (homes.size() + cohort.size()) + " households");
        Map<String, ProcessStats.Sample> beforeRegistration = processes.sample();
        Path ids = runDir.resolve("bench").resolve("households-" + seed + "-" + size + "-" + cohortSize + ".ids");
        boolean rerun = reuse(ids, homes, cohort);
        Map<String, Object> registration = new LinkedHashMap<>();
        if (rerun) {
            registration.put("reused", homes.size() + cohort.size());
            table.add(new String[] {"Registration", "reused " + (homes.size() + cohort.size())
                    + " households of the previous run", ""});
        } else {
            List<Home> all = new ArrayList<>(homes);
            all.addAll(cohort);
            // One by one as a ward officer registers (the first 2,000), then the rest as imports of 500.
            int single = Math.min(2_000, all.size());
            long start = System.nanoTime();
            flow.parallel(all.subList(0, single), home -> home.id = Api.id(api.post(household + "/api/v1/households",
                    home.registrationJson(place.registeredOn()))));
            double singleSeconds = (System.nanoTime() - start) / 1e9;
            long importStart = System.nanoTime();
            flow.importAll(all.subList(single, all.size()), place.registeredOn(), 4);
            double importSeconds = (System.nanoTime() - importStart) / 1e9;
            int imported = all.size() - single;
            Files.createDirectories(ids.getParent());
            Files.write(ids, all.stream().map(h -> h.id).toList());
            registration.put("singleHouseholds", single);
            registration.put("singlePerSecond", single / singleSeconds);
            registration.put("importedHouseholds", imported);
            registration.put("importPerSecond", imported / importSeconds);
            registration.put("importShareOfRawBulkInsert", imported / importSeconds / mongoRaw.bulkInsertPerSecond());
            row("Registration one by one (HTTP, " + parallelism + " clients)", single / singleSeconds, "households/s");
            if (imported > 0) {
                table.add(new String[] {"Registration by import (500 a call, 4 clients)", String.format(
                        "%,.0f households/s", imported / importSeconds), String.format("%.1f %% of raw bulk insert",
                        100 * imported / importSeconds / mongoRaw.bulkInsertPerSecond())});
            }
        }
        registration.put("cpuSeconds", ProcessStats.cpuBetween(beforeRegistration, processes.sample()));
        result.put("registration", registration);
        Map<String, Object> before = rerun ? figures() : null;

        // 3. The annual review: surveys and meetings, then the decision for every ward at once, followed through.
        step("annual review: surveys and meetings of " + homes.size() + " households");
        Map<String, String> rounds = new LinkedHashMap<>();
        long surveyStart = System.nanoTime();
        Random votes = new Random(seed);
        for (String ward : wards) {
            List<Home> inWard = homes.stream().filter(h -> h.unit.ward2025().equals(ward)).toList();
            rounds.put(ward, flow.prepare(ward, "ANNUAL", ANNUAL, inWard, votes));
        }
        double surveySeconds = (System.nanoTime() - surveyStart) / 1e9;
        row("Annual review surveys + meetings + posting (HTTP)", homes.size() / surveySeconds, "households/s");
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("households", homes.size());
        review.put("surveysPerSecond", homes.size() / surveySeconds);
        step("annual review: the decisions of " + wards.size() + " communes and wards, followed to the dashboard");
        try (TopicWatch watch = new TopicWatch(bootstrap);
                Sse sse = new Sse(reporting + "/api/v1/areas/" + place.area() + "/stream")) {
            Map<String, ProcessStats.Sample> beforeDecision = processes.sample();
            long t0 = System.currentTimeMillis();
            List<Future<?>> decisions = new ArrayList<>();
            // All at once, as the communes decide at the end of the year; at most 16 calls in flight on two cores.
            ExecutorService deciders = Executors.newFixedThreadPool(Math.min(wards.size(), 16));
            int n = 0;
            for (Map.Entry<String, String> round : rounds.entrySet()) {
                String number = (900 + n++) + "/QĐ-UBND-" + round.getKey();
                decisions.add(deciders.submit(() -> flow.decide(round.getValue(), number, ANNUAL)));
            }
            for (Future<?> f : decisions) {
                f.get();
            }
            deciders.shutdown();
            long decided = System.currentTimeMillis();
            Map<String, Long> done = settle(watch, t0, Duration.ofMinutes(intEnv("BENCH_SETTLE_MINUTES", 60)));
            // On a rerun nothing changes and the stream showed the final figures before the decisions: then the
            // review ends when household-service has decided every household.
            long dashboard = Math.max(dashboardShowsRegistry(sse, Duration.ofMinutes(10)),
                    watch.last("household.assessed"));
            Map<String, ProcessStats.Sample> afterDecision = processes.sample();
            long assessed = watch.count("household.assessed");
            Map<String, Object> stages = new LinkedHashMap<>();
            stages.put("decisionRequestsSeconds", (decided - t0) / 1e3);
            stages.put("householdAssessedEvents", assessed);
            stages.put("householdServiceSeconds", (watch.last("household.assessed") - t0) / 1e3);
            stages.put("benefitEvents", watch.count("benefit.granted") + watch.count("benefit.changed")
                    + watch.count("benefit.revoked"));
            stages.put("policyServiceSeconds", (done.get("policy-service") - t0) / 1e3);
            stages.put("cardRequests", watch.count("insurance-card.requested"));
            stages.put("notificationServiceSeconds", (done.get("notification-service") - t0) / 1e3);
            stages.put("reportingServiceSeconds", (done.get("reporting-service") - t0) / 1e3);
            stages.put("dashboardFinalSeconds", (dashboard - t0) / 1e3);
            stages.put("platformEvents", watch.total());
            double wall = (dashboard - t0) / 1e3;
            stages.put("householdsPerSecondEndToEnd", homes.size() / wall);
            stages.put("eventsPerSecond", watch.total() / wall);
            stages.put("eventsShareOfRawKafkaProduce", watch.total() / wall / kafka.producePerSecond());
            stages.put("householdsShareOfRawMongoUpsert", homes.size() / wall / mongoRaw.upsertPerSecond());
            stages.put("cpuSeconds", ProcessStats.cpuBetween(beforeDecision, afterDecision));
            review.put("decision", stages);
            for (String[] stage : new String[][] {{"household-service (decision → household.assessed)",
                    "householdServiceSeconds"}, {"policy-service (→ benefit.*)", "policyServiceSeconds"},
                {"notification-service (→ card requests at BHXH)", "notificationServiceSeconds"},
                {"reporting-service (projections)", "reportingServiceSeconds"}}) {
                double s = (double) stages.get(stage[1]);
                table.add(new String[] {"Annual review: " + stage[0], String.format("%,.0f households/s",
                        homes.size() / s), String.format("done %.1f s after the decisions", s)});
            }
            table.add(new String[] {"Annual review: decisions → dashboard shows the final figures",
                    String.format("%.1f s", wall), String.format("%,.0f households/s; %,d events = %.1f %% of raw"
                            + " Kafka produce", homes.size() / wall, watch.total(),
                            100 * watch.total() / wall / kafka.producePerSecond())});
        }
        result.put("annualReview", review);

        // 4. Latency under a steady load of decided households.
        result.put("steady", steady(flow, cohort, cohortPopulation, rerun));

        // 5. The final figures, the rerun check and the reconciliation, once nothing moves any more: BHXH issues
        // cards and the gateway reports deliveries on their own time. A request whose callback was lost is asked about
        // only after BHXH_POLL_AFTER (30 s), so a pause in the topics is not enough: the platform is quiet when no
        // event appeared for 10 s and notification-service has no card request waiting for BHXH.
        step("waiting until no card request waits for BHXH and no event appears for 10 s; then final figures and"
                + " reconciliation");
        result.put("quiet", awaitQuiet(Duration.ofMinutes(intEnv("BENCH_QUIET_MINUTES", 15))));
        Map<String, Object> after = figures();
        result.put("finalFigures", after);
        if (before != null) {
            boolean same = stripCoverage(before).equals(stripCoverage(after));
            result.put("rerunLeftFiguresUnchanged", same);
            table.add(new String[] {"Rerun on the same data: figures unchanged", same ? "yes" : "NO", ""});
        }
        JsonNode reconciliation = JSON.readTree(api.post(reporting + "/api/v1/reconciliation", ""));
        result.put("reconciliation", reconciliation);
        table.add(new String[] {"Reconciliation after the run", reconciliation.path("differenceCount").asLong()
                + " differences", reconciliation.path("eventsRead").asLong() + " events replayed"
                + (reconciliation.path("sameCut").asBoolean() ? ", compared at one cut of the topics"
                        : ", NOT at one cut (events kept arriving)")});

        pool.shutdownNow();
        print(perProcess(atStart));
    }

    /**
     * Waits until no event appeared for 10 s and notification-service reports no card request PENDING or ACCEPTED (or
     * {@code limit} passed); answers how long it took and what was still outstanding at the end.
     */
    private Map<String, Object> awaitQuiet(Duration limit) throws Exception {
        try (TopicWatch watch = new TopicWatch(bootstrap)) {
            long started = System.currentTimeMillis();
            long lastCount = -1;
            long lastChange = started;
            long lastAsked = 0;
            int outstanding = -1;
            while (System.currentTimeMillis() - started < limit.toMillis()) {
                long now = System.currentTimeMillis();
                if (watch.total() != lastCount) {
                    lastCount = watch.total();
                    lastChange = now;
                }
                if (now - lastAsked >= 2_000) {
                    outstanding = cardRequestsWaiting();
                    lastAsked = now;
                }
                if (outstanding == 0 && now - lastChange >= 10_000) {
                    break;
                }
                Thread.sleep(200);
            }
            Map<String, Object> quiet = new LinkedHashMap<>();
            quiet.put("afterSeconds", (System.currentTimeMillis() - started) / 1e3);
            quiet.put("cardRequestsWaitingForBhxh", outstanding);
            quiet.put("eventsWhileWaiting", watch.total());
            if (outstanding != 0) {
                table.add(new String[] {"NOT QUIET after " + limit.toMinutes() + " min", outstanding
                        + " card requests still wait for BHXH", "the figures below may still move"});
            }
            return quiet;
        }
    }

    /** Card requests notification-service has not had answered yet (PENDING or ACCEPTED), at most 1,000 counted. */
    private int cardRequestsWaiting() {
        int waiting = 0;
        for (String status : List.of("PENDING", "ACCEPTED")) {
            waiting += JSON.readTree(api.get(notification + "/api/v1/card-requests?status=" + status + "&limit=1000"))
                    .size();
        }
        return waiting;
    }

    /** CPU since {@code atStart} and peak memory of every local process. */
    private Map<String, Object> perProcess(Map<String, ProcessStats.Sample> atStart) {
        Map<String, Object> perProcess = new LinkedHashMap<>();
        processes.sample().forEach((name, s) -> perProcess.put(name, Map.of("cpuSeconds",
                s.cpuSeconds() - atStart.getOrDefault(name, new ProcessStats.Sample(0, 0)).cpuSeconds(),
                "peakRssMb", s.peakRssMb())));
        result.put("processes", perProcess);
        return perProcess;
    }

    /** Monthly rounds of {@code roundSize} households decided at {@code rate} households per second. */
    private Map<String, Object> steady(HouseholdFlows flow, List<Home> cohort, Population population, boolean rerun) throws Exception {
        step("steady load: " + cohort.size() + " households decided at " + rate + "/s in rounds of " + roundSize);
        Random bands = new Random(seed + 2);
        for (Home home : cohort) {
            population.answers(home, bands.nextDouble() < 0.6 ? Population.Band.POOR : Population.Band.NEAR_POOR);
        }
        List<String> wards = new ArrayList<>();
        List<List<Home>> roundHomes = new ArrayList<>();
        for (String ward : cohort.stream().map(h -> h.unit.ward2025()).distinct().toList()) {
            List<Home> inWard = cohort.stream().filter(h -> h.unit.ward2025().equals(ward)).toList();
            for (int from = 0; from < inWard.size(); from += roundSize) {
                wards.add(ward);
                roundHomes.add(inWard.subList(from, Math.min(inWard.size(), from + roundSize)));
            }
        }
        // Rounds are prepared eight at a time (their surveys share the benchmark's client pool).
        String[] prepared = new String[wards.size()];
        ExecutorService preparers = Executors.newFixedThreadPool(8);
        List<Future<?>> preparing = new ArrayList<>();
        for (int i = 0; i < prepared.length; i++) {
            int r = i;
            Random roundVotes = new Random(seed + 3 + i);
            preparing.add(preparers.submit(() -> {
                prepared[r] = flow.prepare(wards.get(r), "MONTHLY", MONTHLY, roundHomes.get(r), roundVotes);
                return null;
            }));
        }
        for (Future<?> f : preparing) {
            f.get();
        }
        preparers.shutdown();
        List<String> roundIds = List.of(prepared);
        Map<String, Object> steady = new LinkedHashMap<>();
        try (TopicWatch watch = new TopicWatch(bootstrap);
                Sse sse = new Sse(reporting + "/api/v1/areas/" + place.area() + "/stream")) {
            long baseline = sse.first().poorAndNearPoor();
            Map<String, ProcessStats.Sample> beforeLoad = processes.sample();
            long[] sentAt = new long[roundIds.size()];
            long[] expected = new long[roundIds.size()];
            var scheduler = Executors.newScheduledThreadPool(1);
            ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
            long periodMicros = 1_000_000L * roundSize / rate;
            List<Future<?>> sent = new CopyOnWriteArrayList<>();
            long start = System.currentTimeMillis();
            long cumulative = baseline;
            for (int i = 0; i < roundIds.size(); i++) {
                cumulative += roundHomes.get(i).size();
                expected[i] = cumulative;
            }
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            var ticking = scheduler.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i < roundIds.size()) {
                    sent.add(senders.submit(() -> {
                        sentAt[i] = System.currentTimeMillis();
                        flow.decide(roundIds.get(i), (5000 + i) + "/QĐ-UBND", MONTHLY);
                        return null;
                    }));
                }
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            while (next.get() < roundIds.size()) {
                Thread.sleep(50);
            }
            ticking.cancel(false);
            scheduler.shutdown();
            for (Future<?> f : sent) {
                f.get();
            }
            long loadSeconds = System.currentTimeMillis() - start;
            settle(watch, start, Duration.ofMinutes(20));
            Thread.sleep(2_000);
            steady.put("households", cohort.size());
            steady.put("rounds", roundIds.size());
            steady.put("offeredRatePerSecond", rate);
            steady.put("achievedRatePerSecond", cohort.size() / (loadSeconds / 1e3));
            steady.put("cpuSeconds", ProcessStats.cpuBetween(beforeLoad, processes.sample()));
            // Each household's latency is measured from the moment its round's decision was sent.
            Map<String, Long> householdSentAt = new ConcurrentHashMap<>();
            for (int i = 0; i < roundIds.size(); i++) {
                for (Home home : roundHomes.get(i)) {
                    householdSentAt.put(home.id, sentAt[i]);
                }
            }
            List<Long> grant = new ArrayList<>();
            watch.firstGrant.forEach((id, at) -> {
                Long t = householdSentAt.get(id);
                if (t != null) {
                    grant.add(at - t);
                }
            });
            Map<String, Long> firstCard = new LinkedHashMap<>();
            for (JsonNode card : JSON.readTree(plainGet(bhxh + "/admin/log")).path("requests")) {
                String id = watch.cardRequestHousehold.get(card.path("requestId").asString());
                if (id != null) {
                    firstCard.merge(id, card.path("receivedAt").asLong(), Math::min);
                }
            }
            List<Long> card = new ArrayList<>();
            firstCard.forEach((id, at) -> {
                Long t = householdSentAt.get(id);
                if (t != null) {
                    card.add(at - t);
                }
            });
            List<Long> dashboard = new ArrayList<>();
            if (!rerun) {
                for (int i = 0; i < roundIds.size(); i++) {
                    Long seen = sse.firstAtLeast(expected[i]);
                    if (seen != null) {
                        for (int h = 0; h < roundHomes.get(i).size(); h++) {
                            dashboard.add(seen - sentAt[i]);
                        }
                    }
                }
            }
            steady.put("decisionToBenefitGrantedMs", percentiles(grant));
            steady.put("decisionToCardAtBhxhMs", percentiles(card));
            steady.put("decisionToDashboardSseMs", percentiles(dashboard));
            steady.put("sseSnapshots", sse.snapshots.size());
            table.add(new String[] {"Steady load: decided households", String.format("%,.0f households/s",
                    cohort.size() / (loadSeconds / 1e3)), "offered " + rate + "/s for " + steadySeconds + " s"});
            latencyRow("decision → benefit.granted", grant, rerun);
            latencyRow("decision → card request at BHXH", card, rerun);
            latencyRow("decision → dashboard (SSE)", dashboard, rerun);
        }
        return steady;
    }

    private void latencyRow(String what, List<Long> values, boolean rerun) {
        Map<String, Object> p = percentiles(values);
        table.add(new String[] {"Steady load: " + what, values.isEmpty()
                ? (rerun ? "none: nothing changed (rerun)" : "NONE MEASURED")
                : String.format("p50 %s ms, p95 %s ms, p99 %s ms", p.get("p50"), p.get("p95"), p.get("p99")),
                values.size() + " households"});
    }

    /**
     * Waits until policy, notification and reporting have no lag and no new stage event (household, benefit, card
     * request) appears for 3 s; returns, per service, when its lag was first seen at zero (or its last output event,
     * if later). Card issuance and SMS delivery follow BHXH's and the gateway's own delays and are not waited for.
     */
    private Map<String, Long> settle(TopicWatch watch, long t0, Duration limit) throws Exception {
        Map<String, Long> done = new LinkedHashMap<>();
        long deadline = System.currentTimeMillis() + limit.toMillis();
        long quietSince = System.currentTimeMillis();
        long seen = -1;
        while (System.currentTimeMillis() < deadline) {
            long now = System.currentTimeMillis();
            long events = watch.stageEvents();
            if (events != seen) {
                seen = events;
                quietSince = now;
                done.clear();
            }
            for (String group : List.of("policy-service", "notification-service", "reporting-service")) {
                if (!done.containsKey(group) && watch.lag(group) == 0) {
                    done.put(group, now);
                }
            }
            if (done.size() == 3 && now - quietSince >= 3_000) {
                done.merge("policy-service", Math.max(watch.last("benefit.granted"), watch.last("benefit.changed")),
                        Math::max);
                done.merge("notification-service", watch.last("insurance-card.requested"), Math::max);
                return done;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the services did not catch up within " + limit + " (lags: policy "
                + watch.lag("policy-service") + ", notification " + watch.lag("notification-service")
                + ", reporting " + watch.lag("reporting-service") + ")");
    }

    /**
     * When the dashboard's live stream of the city (as a browser has it open) first showed household-service's
     * registry, class by class; waits for it.
     */
    private long dashboardShowsRegistry(Sse sse, Duration limit) throws Exception {
        Map<String, Long> registry = new LinkedHashMap<>();
        for (String c : CLASSES) {
            registry.put(c, JSON.readTree(api.get(household + "/api/v1/households?class=" + c + "&size=1"))
                    .path("total").asLong());
        }
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (Sse.Shown shown : sse.snapshots) {
                if (CLASSES.stream().allMatch(c -> shown.households().path(c).asLong() == registry.get(c))) {
                    return shown.at();
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the dashboard did not show the registry's " + registry + " within " + limit);
    }

    /** The figures of the place and its communes and wards today, as reporting gives them. */
    private Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String area : areas) {
            figures.put(area, JSON.convertValue(JSON.readTree(api.get(reporting + "/api/v1/areas/" + area
                    + "/figures")), Map.class));
        }
        return figures;
    }

    /**
     * The figures without card coverage: cards are issued by BHXH asynchronously (simulated delay, failures and
     * retries), so coverage may still be rising when the figures are read; everything else must be identical.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stripCoverage(Map<String, Object> figures) {
        Map<String, Object> copy = new LinkedHashMap<>();
        figures.forEach((area, f) -> {
            Map<String, Object> one = new LinkedHashMap<>((Map<String, Object>) f);
            one.remove("healthInsurance");
            copy.put(area, one);
        });
        return copy;
    }

    /** Reuses the previous run's households when household-service still has them all. */
    private boolean reuse(Path ids, List<Home> homes, List<Home> cohort) throws Exception {
        if (!Files.exists(ids)) {
            return false;
        }
        List<String> known = Files.readAllLines(ids);
        if (known.size() != homes.size() + cohort.size()
                || api.status(household + "/api/v1/households/" + known.getFirst()) != 200
                || api.status(household + "/api/v1/households/" + known.getLast()) != 200) {
            return false;
        }
        for (int i = 0; i < known.size(); i++) {
            (i < homes.size() ? homes.get(i) : cohort.get(i - homes.size())).id = known.get(i);
        }
        return true;
    }

    private String plainGet(String url) {
        return api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(Duration.ofSeconds(120)).GET().build());
    }

    static Map<String, Object> percentiles(Collection<Long> values) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", values.size());
        if (values.isEmpty()) {
            return p;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        p.put("p50", at(sorted, 0.50));
        p.put("p95", at(sorted, 0.95));
        p.put("p99", at(sorted, 0.99));
        p.put("max", sorted[sorted.length - 1]);
        return p;
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** The city's live stream: when each snapshot arrived and the households by class it showed. */
    private static final class Sse implements AutoCloseable {

        record Shown(long at, JsonNode households) {
            long poorAndNearPoor() {
                return households.path("POOR").asLong() + households.path("NEAR_POOR").asLong();
            }
        }

        final List<Shown> snapshots = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        Sse(String url) throws InterruptedException {
            java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
            thread = Thread.ofPlatform().daemon().name("sse").start(() -> {
                try {
                    HttpResponse<java.util.stream.Stream<String>> response = client.send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                            HttpResponse.BodyHandlers.ofLines());
                    open.countDown();
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            snapshots.add(new Shown(System.currentTimeMillis(),
                                    JSON.readTree(line.substring(5)).path("total").path("households")));
                        }
                    });
                } catch (Exception e) {
                    open.countDown();
                }
            });
            if (!open.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the dashboard stream " + url + " did not open");
            }
        }

        /** The snapshot the stream opened with. */
        Shown first() throws InterruptedException {
            long deadline = System.currentTimeMillis() + 60_000;
            while (snapshots.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            if (snapshots.isEmpty()) {
                throw new IllegalStateException("the dashboard stream sent nothing in a minute");
            }
            return snapshots.getFirst();
        }

        /** When the stream first showed at least {@code count} poor and near-poor households; null if never. */
        Long firstAtLeast(long count) {
            for (Shown s : snapshots) {
                if (s.poorAndNearPoor() >= count) {
                    return s.at();
                }
            }
            return null;
        }

        @Override
        public void close() {
            thread.interrupt();
            client.shutdownNow();
        }
    }

    private void step(String what) {
        System.out.printf("[%s] %s ...%n", java.time.LocalTime.now().withNano(0), what);
    }

    private void row(String what, double value, String unit) {
        table.add(new String[] {what, String.format("%,.0f %s", value, unit), ""});
    }

    private void print(Map<String, Object> perProcess) throws Exception {
        Path out = Path.of(env("BENCH_OUT", runDir.resolve("bench").resolve("benchmark-" + sizeName + "-"
                + Instant.now().toString().replace(":", "") + ".json").toString()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result),
                StandardCharsets.UTF_8);
        int w0 = table.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        int w1 = table.stream().mapToInt(r -> r[1].length()).max().orElse(10);
        System.out.println();
        System.out.printf("Giảm Nghèo benchmark — %s (%,d households, seed %d), %d cores%n", sizeName, size, seed,
                Runtime.getRuntime().availableProcessors());
        System.out.println("-".repeat(w0 + w1 + 40));
        for (String[] r : table) {
            System.out.printf("%-" + w0 + "s  %-" + w1 + "s  %s%n", r[0], r[1], r[2]);
        }
        if (!perProcess.isEmpty()) {
            System.out.println("-".repeat(w0 + w1 + 40));
            System.out.printf("%-22s %12s %14s%n", "Process", "CPU (s)", "peak RSS (MB)");
            perProcess.forEach((name, v) -> {
                Map<?, ?> m = (Map<?, ?>) v;
                System.out.printf("%-22s %12.1f %14.0f%n", name, (double) m.get("cpuSeconds"),
                        (double) m.get("peakRssMb"));
            });
        }
        System.out.println("JSON: " + out);
    }

    private String env(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private int intEnv(String name, int fallback) {
        return positive(name, env(name, String.valueOf(fallback)));
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number or one of "
                + Population.SIZES.keySet() + " (was '" + value + "')");
    }
}
