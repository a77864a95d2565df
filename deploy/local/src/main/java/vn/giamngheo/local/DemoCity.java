package vn.giamngheo.local;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.giamngheo.local.Population.Home;

/**
 * Loads a synthetic Vĩnh Yên ({@link Population}) through household-service's public API, deterministically from a
 * seed: households registered in the nine 2022 units, a baseline review that gives every household its class as of
 * 2022-01-01, and the end-2022 annual review of the listed households with realistic transitions, decided in every
 * unit. Loads once: if the city is already there, it does nothing.
 *
 * <p>Environment: {@code HOUSEHOLD_URL} (http://localhost:8081), {@code DEMO_HOUSEHOLDS} (how many),
 * {@code DEMO_PARALLELISM} (8), {@code DEMO_SEED} (2022).
 */
public final class DemoCity {

    private final Api api = new Api();
    private final String base;
    private final ExecutorService pool;
    private final Random random;
    private final long seed;
    private final HouseholdFlows flow;

    private DemoCity(String base, int parallelism, long seed) {
        this.base = base;
        this.pool = Executors.newFixedThreadPool(parallelism);
        this.random = new Random(seed);
        this.seed = seed;
        this.flow = new HouseholdFlows(api, base, pool);
    }

    public static void main(String[] args) throws Exception {
        String base = KafkaBroker.env("HOUSEHOLD_URL", "http://localhost:8081");
        int households = Integer.parseInt(KafkaBroker.env("DEMO_HOUSEHOLDS", "34000"));
        int parallelism = Integer.parseInt(KafkaBroker.env("DEMO_PARALLELISM", "8"));
        long seed = Long.parseLong(KafkaBroker.env("DEMO_SEED", "2022"));
        DemoCity city = new DemoCity(base, parallelism, seed);
        try {
            city.load(households);
            String reporting = KafkaBroker.env("REPORTING_URL", "");
            if (!reporting.isBlank()) {
                city.reportingData(households, reporting);
            }
        } finally {
            city.pool.shutdownNow();
        }
    }

    /**
     * The statistics office's households and population per ward and year (the demo's own registry, which holds every
     * household of the synthetic city; the 2025 wards as the sums of their old wards) and one 2022 training course,
     * so the dashboard's rates and training figure have denominators. Idempotent: the same rows every time.
     */
    private void reportingData(int total, String reporting) {
        List<Home> homes = new Population(seed).generate(total);
        Map<String, long[]> byUnit = new TreeMap<>();
        Map<String, long[]> byWard = new TreeMap<>();
        for (Home home : homes) {
            for (Map<String, long[]> counts : List.of(byUnit, byWard)) {
                long[] n = counts.computeIfAbsent(counts == byUnit ? home.unit.code() : home.unit.ward2025(),
                        c -> new long[3]);
                n[0]++;
                n[1] += home.members.size();
            }
        }
        for (Population.Unit unit : Population.UNITS) {
            byWard.get(unit.ward2025())[2] += 2;
        }
        StringBuilder csv = new StringBuilder("year,unitCode,households,population,officers\n");
        int thisYear = LocalDate.now().getYear();
        for (int year = 2021; year <= thisYear; year++) {
            for (Map.Entry<String, long[]> e : (year < 2025 ? byUnit : byWard).entrySet()) {
                csv.append(year).append(',').append(e.getKey()).append(',').append(e.getValue()[0]).append(',')
                        .append(e.getValue()[1]).append(',').append(year < 2025 ? 2 : e.getValue()[2]).append('\n');
            }
        }
        api.call("POST", reporting + "/api/v1/statistics", "text/csv", csv.toString());
        StringBuilder attendees = new StringBuilder();
        for (String code : byUnit.keySet()) {
            attendees.append(attendees.isEmpty() ? "" : ",").append("{\"officerId\":\"cb-").append(code)
                    .append("-1\",\"unitCode\":\"").append(code).append("\"}");
        }
        api.call("PUT", reporting + "/api/v1/training/courses/demo-tap-huan-2022", "application/json",
                "{\"title\":\"Tập huấn nghiệp vụ giảm nghèo năm 2022\",\"organiser\":\"243\","
                        + "\"startDate\":\"2022-10-11\",\"endDate\":\"2022-10-12\",\"attendees\":[" + attendees + "]}");
        System.out.println("Reporting: statistics for " + byUnit.size() + " wards, 2021-" + thisYear
                + ", and a 2022 training course stored.");
    }

    private void load(int total) throws Exception {
        if (alreadyLoaded()) {
            System.out.println("Demo city already loaded; nothing to do.");
            return;
        }
        long start = System.nanoTime();
        Population population = new Population(seed);
        List<Home> homes = population.generate(total);
        flow.importAll(homes, LocalDate.of(2021, 12, 1), 2);
        long registered = System.nanoTime();
        for (Population.Unit unit : Population.UNITS) {
            // An annual review's decision is dated by 14 December and makes the next year's lists.
            review(unit, homes.stream().filter(h -> h.unit == unit).toList(), "2021-12-01", "2021-12-06",
                    "2021-12-08", "2021-12-14", "2022-01-01", "2" + unit.code().substring(3) + "/QĐ-UBND");
        }
        List<Home> listed = population.nextYear(homes);
        for (Population.Unit unit : Population.UNITS) {
            review(unit, listed.stream().filter(h -> h.unit == unit).toList(), "2022-09-15", "2022-11-21",
                    "2022-11-23", "2022-12-05", "2023-01-01", "1" + unit.code().substring(3) + "/QĐ-UBND");
        }
        long end = System.nanoTime();
        System.out.printf("Demo city loaded: %d households in %.1f s (registration %.1f s, reviews %.1f s)%n",
                total, (end - start) / 1e9, (registered - start) / 1e9, (end - registered) / 1e9);
    }

    private boolean alreadyLoaded() {
        return !api.get(base + "/api/v1/households?unitCode=08731&size=1").contains("\"total\":0");
    }

    private void review(Population.Unit unit, List<Home> homes, String referenceDate, String meetingOn,
            String postingFrom, String decidedOn, String effectiveOn, String number) throws Exception {
        if (homes.isEmpty()) {
            return;
        }
        HouseholdFlows.Dates dates = new HouseholdFlows.Dates(LocalDate.parse(referenceDate), LocalDate.parse(meetingOn),
                LocalDate.parse(postingFrom), LocalDate.parse(decidedOn), LocalDate.parse(effectiveOn));
        flow.decide(flow.prepare(unit.code(), "ANNUAL", dates, homes, random), number, dates);
    }
}
