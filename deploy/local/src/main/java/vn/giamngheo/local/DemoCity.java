package vn.giamngheo.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a synthetic Vĩnh Yên through household-service's public API, deterministically from a seed: the nine 2022
 * units, households with realistic sizes and ages, a baseline review that gives every household its class as of
 * 2022-01-01 (poor and near-poor each about 1–2.5 %), and the end-2022 annual review of the listed households with
 * realistic transitions, decided in every unit. Loads once: if the city is already there, it does nothing.
 *
 * <p>Environment: {@code HOUSEHOLD_URL} (http://localhost:8081), {@code DEMO_HOUSEHOLDS} (how many),
 * {@code DEMO_PARALLELISM} (8), {@code DEMO_SEED} (2022).
 */
public final class DemoCity {

    /** The 2022 units, their share of households (a rough estimate, domain §3) and whether they are rural (xã). */
    private record Unit(String code, String name, double share, boolean rural) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit("08707", "Tích Sơn", 0.12, false), new Unit("08710", "Liên Bảo", 0.16, false),
            new Unit("08713", "Hội Hợp", 0.13, false), new Unit("08716", "Đống Đa", 0.09, false),
            new Unit("08719", "Ngô Quyền", 0.07, false), new Unit("08722", "Đồng Tâm", 0.13, false),
            new Unit("08725", "Định Trung", 0.10, true), new Unit("08728", "Khai Quang", 0.12, false),
            new Unit("08731", "Thanh Trù", 0.08, true));

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Phan", "Đỗ", "Bùi",
        "Đặng", "Ngô", "Dương", "Lý", "Tạ", "Kim"};
    private static final String[] MIDDLE_MALE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương"};
    private static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long",
        "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt"};
    private static final String[] GIVEN_FEMALE = {"Anh", "Chi", "Dung", "Giang", "Hà", "Hoa", "Hương", "Lan",
        "Linh", "Mai", "Nga", "Oanh", "Phương", "Thảo", "Yến"};
    /** Indicators weighted by how often poor households lack them (more frequent first). */
    private static final String[] INDICATORS = {"HEALTH_INSURANCE", "HEALTH_INSURANCE", "SANITATION", "SANITATION",
        "HOUSING_AREA", "DRINKING_WATER", "TELECOM", "ADULT_EDUCATION", "EMPLOYMENT", "DEPENDANTS",
        "HOUSING_QUALITY", "INFORMATION_ACCESS", "CHILD_SCHOOLING", "NUTRITION"};

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    enum Band { POOR, NEAR_POOR, MIDDLE, ABOVE }

    /** A generated household: its id once registered, and its survey answers in each round. */
    private static final class Home {
        final Unit unit;
        final int members;
        final long seed;
        String id;
        Band band;
        long monthlyIncome;
        List<String> deprived;

        Home(Unit unit, int members, long seed) {
            this.unit = unit;
            this.members = members;
            this.seed = seed;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final ExecutorService pool;
    private final Random random;

    private DemoCity(String base, int parallelism, long seed) {
        this.base = base;
        this.pool = Executors.newFixedThreadPool(parallelism);
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        String base = KafkaBroker.env("HOUSEHOLD_URL", "http://localhost:8081");
        int households = Integer.parseInt(KafkaBroker.env("DEMO_HOUSEHOLDS", "34000"));
        int parallelism = Integer.parseInt(KafkaBroker.env("DEMO_PARALLELISM", "8"));
        long seed = Long.parseLong(KafkaBroker.env("DEMO_SEED", "2022"));
        DemoCity city = new DemoCity(base, parallelism, seed);
        try {
            city.load(households);
        } finally {
            city.pool.shutdownNow();
        }
        String reporting = KafkaBroker.env("REPORTING_URL", "");
        if (!reporting.isBlank()) {
            DemoCity again = new DemoCity(base, 1, seed);
            try {
                again.reportingData(households, reporting);
            } finally {
                again.pool.shutdownNow();
            }
        }
    }

    /**
     * The statistics office's households and population per ward and year (the demo's own registry, which holds every
     * household of the synthetic city; the 2025 wards as the sums of their old wards) and one 2022 training course,
     * so the dashboard's rates and training figure have denominators. Idempotent: the same rows every time.
     */
    private void reportingData(int total, String reporting) {
        List<Home> homes = generate(total);
        Map<String, long[]> byUnit = new java.util.TreeMap<>();
        for (Home home : homes) {
            long[] n = byUnit.computeIfAbsent(home.unit.code(), c -> new long[2]);
            n[0]++;
            n[1] += home.members;
        }
        StringBuilder csv = new StringBuilder("year,unitCode,households,population,officers\n");
        int thisYear = java.time.LocalDate.now().getYear();
        for (int year = 2021; year <= Math.min(thisYear, 2024); year++) {
            for (Map.Entry<String, long[]> e : byUnit.entrySet()) {
                csv.append(year).append(',').append(e.getKey()).append(',').append(e.getValue()[0]).append(',')
                        .append(e.getValue()[1]).append(",2\n");
            }
        }
        Map<String, List<String>> merged = Map.of("08707", List.of("08707", "08713", "08722", "08731"),
                "08716", List.of("08710", "08716", "08719", "08725", "08728"));
        for (int year = 2025; year <= thisYear; year++) {
            for (Map.Entry<String, List<String>> ward : new java.util.TreeMap<>(merged).entrySet()) {
                long households = 0;
                long people = 0;
                for (String old : ward.getValue()) {
                    households += byUnit.getOrDefault(old, new long[2])[0];
                    people += byUnit.getOrDefault(old, new long[2])[1];
                }
                csv.append(year).append(',').append(ward.getKey()).append(',').append(households).append(',')
                        .append(people).append(',').append(2 * ward.getValue().size()).append('\n');
            }
        }
        send(HttpRequest.newBuilder(URI.create(reporting + "/api/v1/statistics")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build());
        StringBuilder attendees = new StringBuilder();
        for (String code : byUnit.keySet()) {
            attendees.append(attendees.isEmpty() ? "" : ",").append("{\"officerId\":\"cb-").append(code)
                    .append("-1\",\"unitCode\":\"").append(code).append("\"}");
        }
        send(HttpRequest.newBuilder(URI.create(reporting + "/api/v1/training/courses/demo-tap-huan-2022"))
                .header("Authorization", "Bearer " + token())
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Tập huấn nghiệp vụ giảm nghèo năm 2022\","
                        + "\"organiser\":\"243\",\"startDate\":\"2022-10-11\",\"endDate\":\"2022-10-12\","
                        + "\"attendees\":[" + attendees + "]}", StandardCharsets.UTF_8)).build());
        System.out.println("Reporting: statistics for " + byUnit.size() + " wards, 2021-" + thisYear
                + ", and a 2022 training course stored.");
    }

    private void load(int total) throws Exception {
        if (alreadyLoaded()) {
            System.out.println("Demo city already loaded; nothing to do.");
            return;
        }
        long start = System.nanoTime();
        List<Home> homes = generate(total);
        parallel(homes, home -> {
            register(home);
            return null;
        });
        long registered = System.nanoTime();
        for (Unit unit : UNITS) {
            List<Home> inUnit = homes.stream().filter(h -> h.unit == unit).toList();
            review(unit, inUnit, "2021-12-01", "2021-12-06", "2021-12-08", "2021-12-15", "2022-01-01",
                    "2" + unit.code().substring(3) + "/QĐ-UBND");
            List<Home> listed = endOf2022(inUnit);
            review(unit, listed, "2022-09-15", "2022-11-21", "2022-11-23", "2022-12-05", "2023-01-01",
                    "1" + unit.code().substring(3) + "/QĐ-UBND");
        }
        long end = System.nanoTime();
        System.out.printf("Demo city loaded: %d households in %.1f s (registration %.1f s, reviews %.1f s)%n",
                total, (end - start) / 1e9, (registered - start) / 1e9, (end - registered) / 1e9);
    }

    private boolean alreadyLoaded() throws Exception {
        String page = send(get("/api/v1/households?unitCode=08731&size=1"));
        return !page.contains("\"total\":0");
    }

    private List<Home> generate(int total) {
        List<Home> homes = new ArrayList<>();
        for (Unit unit : UNITS) {
            int count = (int) Math.round(total * unit.share());
            for (int i = 0; i < count; i++) {
                Home home = new Home(unit, size(), random.nextLong());
                double p = random.nextDouble();
                double poor = unit.rural() ? 0.025 : 0.011;
                double near = unit.rural() ? 0.025 : 0.012;
                double middle = unit.rural() ? 0.12 : 0.08;
                classify(home, p < poor ? Band.POOR : p < poor + near ? Band.NEAR_POOR
                        : p < poor + near + middle ? Band.MIDDLE : Band.ABOVE);
                homes.add(home);
            }
        }
        return homes;
    }

    private int size() {
        double p = random.nextDouble();
        return p < 0.08 ? 1 : p < 0.26 ? 2 : p < 0.48 ? 3 : p < 0.75 ? 4 : p < 0.90 ? 5 : 6 + random.nextInt(3);
    }

    /** Income and deprivations that put a household in a band under the 2022–2025 standard. */
    private void classify(Home home, Band band) {
        long line = home.unit.rural() ? 1_500_000 : 2_000_000;
        long middle = home.unit.rural() ? 2_250_000 : 3_000_000;
        home.band = band;
        switch (band) {
            case POOR -> {
                home.monthlyIncome = line / 2 + (long) (random.nextDouble() * line / 2);
                home.deprived = deprivations(3 + random.nextInt(3));
            }
            case NEAR_POOR -> {
                home.monthlyIncome = line * 2 / 3 + (long) (random.nextDouble() * line / 3);
                home.deprived = deprivations(random.nextInt(3));
            }
            case MIDDLE -> {
                home.monthlyIncome = line + 1 + (long) (random.nextDouble() * (middle - line - 1));
                home.deprived = deprivations(random.nextInt(4));
            }
            case ABOVE -> {
                home.monthlyIncome = middle + 1 + (long) (random.nextDouble() * middle * 3);
                home.deprived = deprivations(random.nextDouble() < 0.8 ? 0 : 1);
            }
        }
    }

    private List<String> deprivations(int count) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String code = INDICATORS[random.nextInt(INDICATORS.length)];
            if (!chosen.contains(code)) {
                chosen.add(code);
            }
        }
        return chosen;
    }

    /**
     * The end-2022 review covers the households on the poor, near-poor and middle lists and those that asked
     * (3 % of the others), with transitions: escapes, relapses and a few newly poor.
     */
    private List<Home> endOf2022(List<Home> homes) {
        List<Home> listed = new ArrayList<>();
        for (Home home : homes) {
            double p = random.nextDouble();
            Band next = switch (home.band) {
                case POOR -> p < 0.45 ? Band.POOR : p < 0.80 ? Band.NEAR_POOR : Band.MIDDLE;
                case NEAR_POOR -> p < 0.60 ? Band.NEAR_POOR : p < 0.85 ? Band.MIDDLE : p < 0.95 ? Band.POOR
                        : Band.ABOVE;
                case MIDDLE -> p < 0.90 ? Band.MIDDLE : p < 0.96 ? Band.NEAR_POOR : p < 0.98 ? Band.POOR : Band.ABOVE;
                case ABOVE -> p < 0.97 ? null : random.nextDouble() < 0.85 ? Band.ABOVE
                        : random.nextDouble() < 0.6 ? Band.MIDDLE : random.nextDouble() < 0.7 ? Band.NEAR_POOR
                        : Band.POOR;
            };
            if (next != null) {
                classify(home, next);
                listed.add(home);
            }
        }
        return listed;
    }

    private void register(Home home) {
        Random r = new Random(home.seed);
        StringBuilder members = new StringBuilder();
        String surname = SURNAMES[r.nextInt(SURNAMES.length)];
        int headAge = 25 + r.nextInt(56);
        boolean withParent = home.members >= 3 && headAge < 50 && r.nextDouble() < 0.3;
        for (int m = 0; m < home.members; m++) {
            boolean male = m == 0 ? r.nextDouble() < 0.75 : r.nextBoolean();
            String relation;
            int age;
            if (m == 0) {
                relation = "HEAD";
                age = headAge;
            } else if (m == 1) {
                relation = "SPOUSE";
                age = Math.max(18, headAge - 5 + r.nextInt(10));
            } else if (m == 2 && withParent) {
                relation = "PARENT";
                age = Math.min(95, headAge + 22 + r.nextInt(10));
            } else {
                relation = "CHILD";
                age = Math.max(0, headAge - 20 - r.nextInt(Math.max(1, Math.min(15, headAge - 19))));
            }
            String name = (m == 0 || relation.equals("CHILD") ? surname : SURNAMES[r.nextInt(SURNAMES.length)]) + " "
                    + (male ? MIDDLE_MALE[r.nextInt(MIDDLE_MALE.length)] : MIDDLE_FEMALE[r.nextInt(MIDDLE_FEMALE.length)])
                    + " " + (male ? GIVEN_MALE[r.nextInt(GIVEN_MALE.length)] : GIVEN_FEMALE[r.nextInt(GIVEN_FEMALE.length)]);
            // Ages as of the end of 2021, the registration date of the demo city.
            LocalDate born = LocalDate.of(2020 - age, 1 + r.nextInt(12), 1 + r.nextInt(28));
            members.append(m == 0 ? "" : ",").append("{\"fullName\":\"").append(name).append("\",\"dateOfBirth\":\"")
                    .append(born).append("\",\"sex\":\"").append(male ? "MALE" : "FEMALE")
                    .append("\",\"relationToHead\":\"").append(relation).append("\"}");
        }
        String village = (home.unit.rural() ? "Thôn " : "Tổ dân phố ") + home.unit.name() + " " + (1 + r.nextInt(12));
        String json = "{\"unitCode\":\"" + home.unit.code() + "\",\"village\":\"" + village
                + "\",\"registeredOn\":\"2021-12-01\",\"members\":[" + members + "]}";
        home.id = id(send(post("/api/v1/households", json)));
    }

    private void review(Unit unit, List<Home> homes, String referenceDate, String meetingOn, String postingFrom,
            String decidedOn, String effectiveOn, String number) throws Exception {
        if (homes.isEmpty()) {
            return;
        }
        String round = id(send(post("/api/v1/review-rounds", "{\"unitCode\":\"" + unit.code()
                + "\",\"kind\":\"ANNUAL\",\"referenceDate\":\"" + referenceDate
                + "\",\"standard\":\"VN-MPS-2022-2025\"}")));
        parallel(homes, home -> send(post("/api/v1/review-rounds/" + round + "/surveys", "{\"householdId\":\""
                + home.id + "\",\"monthlyIncomePerCapitaVnd\":" + home.monthlyIncome + ",\"deprivedIndicators\":["
                + String.join(",", home.deprived.stream().map(c -> "\"" + c + "\"").toList()) + "]}")));
        StringBuilder votes = new StringBuilder();
        for (Home home : homes) {
            votes.append(votes.isEmpty() ? "" : ",").append("{\"householdId\":\"").append(home.id)
                    .append("\",\"agreeing\":").append(20 + random.nextInt(11)).append("}");
        }
        send(post("/api/v1/review-rounds/" + round + "/village-meeting", "{\"date\":\"" + meetingOn
                + "\",\"participants\":30,\"votes\":[" + votes + "]}"));
        send(post("/api/v1/review-rounds/" + round + "/posting", "{\"startDate\":\"" + postingFrom + "\"}"));
        send(post("/api/v1/review-rounds/" + round + "/decision", "{\"number\":\"" + number + "\",\"date\":\""
                + decidedOn + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\",\"effectiveDate\":\"" + effectiveOn + "\"}"));
    }

    private interface Step {
        Object run(Home home) throws Exception;
    }

    private void parallel(List<Home> homes, Step step) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (Home home : homes) {
            futures.add(pool.submit(() -> step.run(home)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private volatile String token;

    /**
     * The city administrator's token from the local OpenID Connect provider ({@code AUTH_URL}, client
     * {@code city-admin}, secret {@code GIAMNGHEO_DEMO_SECRET}), fetched once: the loader acts as the administrator.
     */
    private String token() {
        if (token == null) {
            synchronized (this) {
                if (token == null) {
                    String auth = KafkaBroker.env("AUTH_URL", "http://localhost:9000");
                    String basic = java.util.Base64.getEncoder().encodeToString(("city-admin:"
                            + KafkaBroker.env("GIAMNGHEO_DEMO_SECRET", "demo")).getBytes(StandardCharsets.UTF_8));
                    String answer = send(HttpRequest.newBuilder(URI.create(auth + "/oauth2/token"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
                    Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
                    if (!m.find()) {
                        throw new IllegalStateException("no access token from " + auth + ": " + answer);
                    }
                    token = m.group(1);
                }
            }
        }
        return token;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token()).GET().build();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }
}
