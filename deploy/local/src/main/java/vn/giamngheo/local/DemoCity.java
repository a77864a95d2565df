package vn.giamngheo.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.giamngheo.local.Population.Home;
import vn.giamngheo.platform.units.UnitCatalog;

/**
 * Loads a synthetic Vĩnh Yên and a few other communes of today's Phú Thọ ({@link Population}) through
 * household-service's public API, deterministically from a seed. Nine in ten households live in the former city: they
 * are registered in its nine 2022 units, a baseline review gives each its class as of 2022-01-01, and the end-2022
 * annual review decides the listed ones with realistic transitions in every unit. The tenth lives in five communes
 * of the former Phú Thọ, Vĩnh Phúc and Hòa Bình provinces, registered on their first day (2025-07-01) and decided by
 * the end-2025 annual review. Two households of Xã Vầy Nưa, registered in 2024 before it was split, show the split:
 * one has its successor (Phường Thống Nhất) recorded, the other is left for an officer to record.
 *
 * <p><b>Only into an empty platform.</b> The platform keeps its data between runs, so the demo is loaded only when
 * household-service holds no household at all (active or removed). A state file beside the data ({@code DEMO_STATE})
 * says {@code loading} from the first registration on and {@code loaded} once the load is complete: on a platform that
 * holds households the loader does nothing, and says whether the demo is complete, was interrupted (then only a reset
 * gives a complete demo: loading it again would register its households twice), or the households were not the demo's.
 * The exit status is 0 in each case: the platform itself is fine.
 *
 * <p>Environment: {@code HOUSEHOLD_URL} (http://localhost:8081), {@code DEMO_HOUSEHOLDS} (how many),
 * {@code DEMO_PARALLELISM} (8), {@code DEMO_SEED} (2022), {@code DEMO_STATE} (the state file; none: the emptiness
 * check alone).
 */
public final class DemoCity {

    /** The demo's communes outside Vĩnh Yên: wards and communes of each former province, one with a re-used code. */
    static final List<String> PROVINCE_COMMUNES = List.of("07900", "08869", "08545", "04828", "04891");
    /** Xã Vầy Nưa, split on 2025-07-01 between Phường Thống Nhất (04828) and Xã Tiền Phong (04891). */
    static final String SPLIT_UNIT = "04891";
    static final String SPLIT_SUCCESSOR = "04828";

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private final Api api = new Api();
    private final String base;
    private final ExecutorService pool;
    private final Random random;
    private final long seed;
    private final HouseholdFlows flow;
    private final Population.Place province;

    private DemoCity(String base, int parallelism, long seed) {
        this.base = base;
        this.pool = Executors.newFixedThreadPool(parallelism);
        this.random = new Random(seed);
        this.seed = seed;
        this.flow = new HouseholdFlows(api, base, pool);
        this.province = demoProvince(Population.units());
    }

    public static void main(String[] args) throws Exception {
        String base = KafkaBroker.env("HOUSEHOLD_URL", "http://localhost:8081");
        int households = Integer.parseInt(KafkaBroker.env("DEMO_HOUSEHOLDS", "34000"));
        int parallelism = Integer.parseInt(KafkaBroker.env("DEMO_PARALLELISM", "8"));
        long seed = Long.parseLong(KafkaBroker.env("DEMO_SEED", "2022"));
        String stateFile = KafkaBroker.env("DEMO_STATE", "");
        DemoCity city = new DemoCity(base, parallelism, seed);
        try {
            if (!city.platformIsEmpty(stateFile.isBlank() ? null : Path.of(stateFile), households)) {
                return;
            }
            city.load(households);
            String reporting = KafkaBroker.env("REPORTING_URL", "");
            if (!reporting.isBlank()) {
                city.reportingData(households, reporting);
            }
            if (!stateFile.isBlank()) {
                writeState(Path.of(stateFile), "loaded", households);
            }
        } finally {
            city.pool.shutdownNow();
        }
    }

    /** The five demo communes, an equal share each, with the province's class shares. */
    static Population.Place demoProvince(UnitCatalog units) {
        Population.Place whole = Population.province(units, null);
        List<Population.Unit> chosen = whole.units().stream().filter(u -> PROVINCE_COMMUNES.contains(u.code()))
                .map(u -> new Population.Unit(u.code(), u.name(), 1.0 / PROVINCE_COMMUNES.size(), u.rural(), u.code()))
                .toList();
        return new Population.Place("Phú Thọ (demo communes)", "25", chosen, whole.registeredOn(), whole.urban(),
                whole.rural());
    }

    private static int provincePart(int total) {
        return total / 10;
    }

    /**
     * The statistics office's households and population per unit and year (the demo's own registry, which holds every
     * household of the synthetic city; the 2025 wards as the sums of their old wards; the province as all of the
     * demo) and one 2022 training course, so the dashboard's rates and training figure have denominators. Idempotent:
     * the same rows every time.
     */
    private void reportingData(int total, String reporting) {
        List<Home> homes = new Population(seed).generate(total - provincePart(total));
        List<Home> communes = new Population(seed + 1, province).generate(provincePart(total));
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
        for (Population.Unit unit : Population.VINH_YEN_UNITS) {
            byWard.get(unit.ward2025())[2] += 2;
        }
        for (Home home : communes) {
            long[] n = byWard.computeIfAbsent(home.unit.code(), c -> new long[] {0, 0, 2});
            n[0]++;
            n[1] += home.members.size();
        }
        long[] all = new long[3];
        byWard.values().forEach(n -> {
            all[0] += n[0];
            all[1] += n[1];
            all[2] += n[2];
        });
        StringBuilder csv = new StringBuilder("year,unitCode,households,population,officers\n");
        int thisYear = LocalDate.now().getYear();
        for (int year = 2021; year <= thisYear; year++) {
            for (Map.Entry<String, long[]> e : (year < 2025 ? byUnit : byWard).entrySet()) {
                csv.append(year).append(',').append(e.getKey()).append(',').append(e.getValue()[0]).append(',')
                        .append(e.getValue()[1]).append(',').append(year < 2025 ? 2 : e.getValue()[2]).append('\n');
            }
            if (year >= 2025) {
                csv.append(year).append(",25,").append(all[0]).append(',').append(all[1]).append(',').append(all[2])
                        .append('\n');
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
        System.out.println("Reporting: statistics for " + byUnit.size() + " wards of Vĩnh Yên, 2021-" + thisYear
                + ", the demo communes and the province since 2025, and a 2022 training course stored.");
    }

    /**
     * Whether the demo may be loaded: household-service holds no household, active or removed. If so, the state file
     * says {@code loading} before anything is registered. If not, says why nothing is loaded.
     */
    private boolean platformIsEmpty(Path stateFile, int households) throws IOException {
        long held = 0;
        for (String status : List.of("ACTIVE", "REMOVED")) {
            Matcher total = TOTAL.matcher(api.get(base + "/api/v1/households?status=" + status + "&size=1"));
            if (!total.find()) {
                throw new IllegalStateException("household-service's list has no total");
            }
            held += Long.parseLong(total.group(1));
        }
        String state = stateFile != null && Files.exists(stateFile)
                ? Files.readString(stateFile, StandardCharsets.UTF_8).strip() : "";
        if (held == 0) {
            if (stateFile != null) {
                writeState(stateFile, "loading", households);
            }
            return true;
        }
        if (state.startsWith("loaded")) {
            System.out.println("Demo city already loaded (" + state + "); the platform holds " + held
                    + " households, kept from the last run. Not loaded again.");
        } else if (state.startsWith("loading")) {
            System.out.println("WARNING: an earlier demo load was interrupted (" + state + "): the platform holds "
                    + held + " households, part of the demo. It is not loaded again (that would register households "
                    + "twice); for a complete demo: deploy/local/run reset, then start again.");
        } else {
            System.out.println("The platform holds " + held + " households (not a demo load): the demo is loaded only "
                    + "into an empty platform. Not loaded.");
        }
        return false;
    }

    /** The state file, replaced whole (written aside, then moved): a crash leaves the old state or the new. */
    private static void writeState(Path stateFile, String state, int households) throws IOException {
        Path parent = stateFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path next = parent.resolve(stateFile.getFileName() + ".next");
        Files.writeString(next, state + " " + households + " households, " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\n", StandardCharsets.UTF_8);
        Files.move(next, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void load(int total) throws Exception {
        long start = System.nanoTime();
        Population population = new Population(seed);
        List<Home> homes = population.generate(total - provincePart(total));
        flow.importAll(homes, Population.VINH_YEN.registeredOn(), 2);
        Population provincePopulation = new Population(seed + 1, province);
        List<Home> communes = provincePopulation.generate(provincePart(total));
        flow.importAll(communes, province.registeredOn(), 2);
        int split = splitUnitHouseholds();
        long registered = System.nanoTime();
        for (Population.Unit unit : Population.VINH_YEN_UNITS) {
            // An annual review's decision is dated by 14 December and makes the next year's lists.
            review(unit.code(), homes.stream().filter(h -> h.unit == unit).toList(), "2021-12-01", "2021-12-06",
                    "2021-12-08", "2021-12-14", "2022-01-01", "2" + unit.code().substring(3) + "/QĐ-UBND");
        }
        List<Home> listed = population.nextYear(homes);
        for (Population.Unit unit : Population.VINH_YEN_UNITS) {
            review(unit.code(), listed.stream().filter(h -> h.unit == unit).toList(), "2022-09-15", "2022-11-21",
                    "2022-11-23", "2022-12-05", "2023-01-01", "1" + unit.code().substring(3) + "/QĐ-UBND");
        }
        for (Population.Unit unit : province.units()) {
            review(unit.code(), communes.stream().filter(h -> h.unit == unit).toList(), "2025-09-15", "2025-11-20",
                    "2025-11-24", "2025-12-10", "2026-01-01", "3" + unit.code().substring(2) + "/QĐ-UBND");
        }
        long end = System.nanoTime();
        System.out.printf("Demo city loaded: %d households in %.1f s (registration %.1f s, reviews %.1f s); %d in "
                + "Vĩnh Yên, %d in %s, %d in Xã Vầy Nưa (split in 2025)%n", homes.size() + communes.size() + split,
                (end - start) / 1e9, (registered - start) / 1e9, (end - registered) / 1e9, homes.size(),
                communes.size(), String.join(", ", province.units().stream().map(Population.Unit::name).toList()),
                split);
    }

    /**
     * Two households of Xã Vầy Nưa registered in 2024. The sources do not say which of its villages went to which
     * successor: the first has Phường Thống Nhất recorded as its successor, the second waits for an officer
     * (household-service answers 422 naming both successors until then).
     */
    private int splitUnitHouseholds() {
        List<String> ids = new ArrayList<>();
        for (String[] head : List.of(new String[] {"Xa Văn Lợi", "1979-05-01"}, new String[] {"Bùi Văn Thăng",
                "1984-10-12"})) {
            ids.add(Api.id(api.post(base + "/api/v1/households", "{\"unitCode\":\"" + SPLIT_UNIT
                    + "\",\"village\":\"Xóm Bưa\",\"registeredOn\":\"2024-05-01\",\"members\":[{\"fullName\":\""
                    + head[0] + "\",\"dateOfBirth\":\"" + head[1] + "\",\"sex\":\"MALE\",\"relationToHead\":\"HEAD\"}]}")));
        }
        api.post(base + "/api/v1/households/" + ids.getFirst() + "/successor-unit", "{\"unitCode\":\""
                + SPLIT_SUCCESSOR + "\"}");
        return ids.size();
    }

    private void review(String unitCode, List<Home> homes, String referenceDate, String meetingOn,
            String postingFrom, String decidedOn, String effectiveOn, String number) throws Exception {
        if (homes.isEmpty()) {
            return;
        }
        HouseholdFlows.Dates dates = new HouseholdFlows.Dates(LocalDate.parse(referenceDate), LocalDate.parse(meetingOn),
                LocalDate.parse(postingFrom), LocalDate.parse(decidedOn), LocalDate.parse(effectiveOn));
        flow.decide(flow.prepare(unitCode, "ANNUAL", dates, homes, random), number, dates);
    }
}
