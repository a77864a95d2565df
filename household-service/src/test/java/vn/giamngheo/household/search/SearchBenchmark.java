package vn.giamngheo.household.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.units.UnitType;

/**
 * "Find a household" at the size of a province (issue 22): builds the index of {@code BENCH_HOUSEHOLDS} (1,000,000)
 * synthetic households of Phú Thọ's 148 communes in a folder, through the same {@link HouseholdIndex} the service uses,
 * then times a mix of searches one at a time and prints p50/p95/p99 per kind, scope and filter, and overall. Run by
 * {@code deploy/local/run bench search}; {@code BENCH_QUERIES} per combination (default 60), {@code BENCH_SEED}
 * (2026), {@code BENCH_INDEX_DIR} (.run/bench/search-index, emptied first).
 * <p>
 * The names follow the published frequencies of Vietnamese family names (Nguyễn about 38 %, Trần 11 %, Lê 9.5 % …),
 * with middle and given names by sex, so that a common name is as common as in a real province; deploy/local's
 * {@code Population} (15 family and 15 given names by sex) is not on household-service's class path and would make
 * every name far more common than it is.
 */
final class SearchBenchmark {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static final LocalDate PROVINCE_FIRST_DAY = LocalDate.parse("2025-07-01");

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đinh", "Trịnh", "Hà", "Tạ", "Cao", "Lương", "Mai",
        "Chu", "Kiều", "Khổng", "Triệu", "Lưu", "Quách", "Tăng", "Văn", "Đàm", "Nông", "Lò", "Hà", "Xa", "Bạch"};
    /** Per thousand, in the order above (the long tail shares the rest). */
    private static final int[] FAMILY_PER_MILLE = {380, 110, 95, 70, 41, 10, 45, 39, 10, 21, 20, 14, 13, 13, 10, 5,
        12, 10, 8, 8, 6, 6, 5, 5, 5, 4, 2, 4, 4, 3, 3, 3, 3, 3, 2, 2, 1, 1};
    private static final String[] MIDDLE_MALE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Xuân",
        "Ngọc", "Đình", "Tiến", "Mạnh", "Trọng", "Anh", "Bá", "Hồng", "Duy", "Thế"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Thùy", "Hồng",
        "Kim", "Bích", "Lan", "Mai", "Diệu", "Hải", "Khánh"};
    private static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam",
        "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Đức", "Hiếu", "Hoàng", "Huy", "Kiên", "Lâm", "Lộc", "Mạnh",
        "Nghĩa", "Phúc", "Quang", "Tài", "Thành", "Trung", "Tùng", "Vinh", "Vượng", "Đạt", "Định", "Đông", "Giang",
        "Hưng", "Khoa", "Luân", "Minh", "Ninh", "Phương", "Tâm", "Thái", "Thịnh", "Toàn", "Trí", "Tú", "Văn", "Xuân"};
    private static final String[] GIVEN_FEMALE = {"Anh", "Chi", "Dung", "Giang", "Hà", "Hoa", "Hương", "Lan", "Linh",
        "Mai", "Nga", "Oanh", "Phương", "Thảo", "Yến", "Ánh", "Bích", "Cúc", "Diệp", "Duyên", "Hạnh", "Hằng", "Hiền",
        "Hòa", "Huệ", "Huyền", "Lệ", "Liên", "Loan", "Lụa", "Mơ", "My", "Ngân", "Ngọc", "Nhung", "Nhàn", "Quyên",
        "Quỳnh", "Tâm", "Thắm", "Thơ", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Xuân", "Hậu", "Thu"};
    private static final String[] VILLAGE_NAMES = {"Đồng Tâm", "Tân Tiến", "Hòa Bình", "Quyết Thắng", "Trung Tâm",
        "Đoàn Kết", "Thống Nhất", "Tiền Phong", "Phú Lợi", "An Thịnh", "Đình", "Chùa", "Gò", "Bãi", "Đồng Bằng",
        "Hạ", "Thượng", "Đông", "Tây", "Nam", "Bắc", "Tân Lập", "Phố Mới", "Làng Cả", "Núi", "Suối", "Mường"};

    private record Commune(String code, boolean ward, List<String> villages) {
    }

    /** One search of the mix, its labels, and what it was asked with. */
    private record Probe(String kind, String scope, String filter, HouseholdIndex.Search search) {
    }

    public static void main(String[] args) throws IOException {
        int households = Integer.parseInt(env("BENCH_HOUSEHOLDS", "1000000"));
        int perCombination = Integer.parseInt(env("BENCH_QUERIES", "60"));
        long seed = Long.parseLong(env("BENCH_SEED", "2026"));
        Path folder = Path.of(env("BENCH_INDEX_DIR", ".run/bench/search-index"));
        Random random = new Random(seed);

        UnitCatalog catalog = UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
                new ClassPathResource("units/vinh-yen.json")));
        List<Commune> communes = communes(catalog, random);
        double[] cumulative = weights(catalog, communes);
        Map<String, Set<String>> areaKeys = HouseholdSearch.unitKeysByCoveringUnit(catalog, TODAY);
        System.out.printf(Locale.ROOT, "Find a household: %,d households in %d communes of Phú Thọ; %d cores, load "
                + "average %.1f before the run; Java %s, max heap %d MB%n", households, communes.size(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);

        delete(folder);
        Files.createDirectories(folder);
        List<HouseholdIndex.Entry> sample = new ArrayList<>();
        long started = System.nanoTime();
        try (HouseholdIndex index = new HouseholdIndex(FSDirectory.open(folder))) {
            List<HouseholdIndex.Entry> batch = new ArrayList<>(10_000);
            long serial = 0;
            for (int i = 0; i < households; i++) {
                Commune commune = communes.get(pick(cumulative, random.nextDouble()));
                HouseholdIndex.Entry household = household(random, commune, serial);
                serial += household.memberNames().size();
                batch.add(household);
                if (i % 50 == 0) {
                    sample.add(household);
                }
                if (batch.size() == 10_000) {
                    index.add(batch);
                    batch.clear();
                }
            }
            index.add(batch);
            index.commit();
            index.refresh();
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "Indexed in %.1f s (%,.0f households/s); index %,d MB on disk in %s; "
                    + "heap used %d MB%n", buildSeconds, households / buildSeconds, index.sizeInBytes() >> 20, folder,
                    usedHeapMb());

            List<Probe> probes = probes(random, sample, areaKeys, perCombination);
            // Warm-up: the JIT and the operating system's file cache, as a service that has been running a while.
            for (int i = 0; i < Math.min(probes.size(), 1500); i++) {
                index.search(probes.get(random.nextInt(probes.size())).search());
            }
            Map<String, List<Long>> byKind = new LinkedHashMap<>();
            Map<String, List<Long>> byScope = new LinkedHashMap<>();
            Map<String, List<Long>> byFilter = new LinkedHashMap<>();
            List<Long> all = new ArrayList<>();
            long found = 0;
            String slowest = "";
            long slowestNanos = 0;
            for (Probe probe : probes) {
                long t0 = System.nanoTime();
                HouseholdIndex.Result result = index.search(probe.search());
                long nanos = System.nanoTime() - t0;
                found += result.total() > 0 ? 1 : 0;
                all.add(nanos);
                byKind.computeIfAbsent(probe.kind(), k -> new ArrayList<>()).add(nanos);
                byScope.computeIfAbsent(probe.scope(), k -> new ArrayList<>()).add(nanos);
                byFilter.computeIfAbsent(probe.filter(), k -> new ArrayList<>()).add(nanos);
                if (nanos > slowestNanos) {
                    slowestNanos = nanos;
                    slowest = probe.kind() + " / " + probe.scope() + " / " + probe.filter() + " \""
                            + probe.search().text() + "\" (" + result.total() + " found)";
                }
            }
            System.out.printf(Locale.ROOT, "%n%,d searches, one at a time, each returning the first page of 20 with "
                    + "the exact total (%,d found something)%n", all.size(), found);
            System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s %8s%n", "", "n", "p50 ms", "p95 ms", "p99 ms",
                    "max ms");
            print("by kind", byKind);
            print("by scope", byScope);
            print("by filter", byFilter);
            print("", Map.of("ALL", all));
            long over = all.stream().filter(n -> n > 300_000_000L).count();
            System.out.printf(Locale.ROOT, "%nSearches over 300 ms: %d of %d. Slowest: %.1f ms, %s%n", over,
                    all.size(), slowestNanos / 1e6, slowest);
            System.out.printf(Locale.ROOT, "Load average of the machine (all its processes) after the run: %.1f on %d "
                    + "cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            if (!"1".equals(System.getenv("BENCH_KEEP_INDEX"))) {
                delete(folder);
            }
        }
    }

    private static List<Probe> probes(Random random, List<HouseholdIndex.Entry> sample,
            Map<String, Set<String>> areaKeys, int perCombination) {
        List<Probe> probes = new ArrayList<>();
        List<String> kinds = List.of("name, folded", "name with diacritics", "name prefix", "citizen id",
                "household id", "village", "family name alone");
        for (String kind : kinds) {
            for (String scope : List.of("province", "ward officer")) {
                for (String filter : List.of("none", "unit", "class")) {
                    for (int i = 0; i < perCombination; i++) {
                        HouseholdIndex.Entry h = sample.get(random.nextInt(sample.size()));
                        if (kind.equals("citizen id") && h.citizenIds().isEmpty()) {
                            i--;
                            continue;
                        }
                        String text = switch (kind) {
                            case "name, folded" -> Folding.fold(h.headName());
                            case "name with diacritics" -> h.headName();
                            case "name prefix" -> prefix(Folding.fold(h.headName()), random);
                            case "citizen id" -> h.citizenIds().get(random.nextInt(h.citizenIds().size()));
                            case "household id" -> h.id();
                            case "village" -> Folding.fold(h.village());
                            default -> Folding.words(h.headName()).getFirst();
                        };
                        Set<String> area = scope.equals("province") ? null
                                : areaKeys.getOrDefault(h.unitCode(), Set.of());
                        String unit = filter.equals("unit") ? h.unitCode() : null;
                        HouseholdClass c = filter.equals("class") ? HouseholdClass.POOR : null;
                        probes.add(new Probe(kind, scope, filter, new HouseholdIndex.Search(text, true, area, unit,
                                unit == null ? null : areaKeys.getOrDefault(unit, Set.of()), c, null, TODAY, 0, 20)));
                    }
                }
            }
        }
        java.util.Collections.shuffle(probes, random);
        return probes;
    }

    /** "nguyen van an" → "nguyen van a" or "nguyen van": what is typed before the name is complete. */
    private static String prefix(String folded, Random random) {
        int lastSpace = folded.lastIndexOf(' ');
        if (lastSpace < 0 || random.nextBoolean()) {
            return folded.substring(0, Math.max(lastSpace + 2, folded.length() - 2));
        }
        return folded.substring(0, lastSpace);
    }

    private static HouseholdIndex.Entry household(Random random, Commune commune, long serial) {
        int size = 1 + Math.min(6, (int) Math.abs(random.nextGaussian() * 1.6 + 2.5));
        boolean maleHead = random.nextInt(100) < 78;
        String family = family(random);
        List<String> names = new ArrayList<>();
        List<String> citizenIds = new ArrayList<>();
        String head = name(random, family, maleHead);
        names.add(head);
        if (size > 1) {
            names.add(name(random, family(random), !maleHead));
        }
        for (int i = 2; i < size; i++) {
            names.add(name(random, family, random.nextBoolean()));
        }
        for (int i = 0; i < names.size(); i++) {
            if (i < 2 || random.nextInt(100) < 60) {
                citizenIds.add(String.format(Locale.ROOT, "025%d%08d", random.nextInt(4), serial + i));
            }
        }
        HouseholdStatus status = random.nextInt(100) < 2 ? HouseholdStatus.REMOVED : HouseholdStatus.ACTIVE;
        int p = random.nextInt(1000);
        HouseholdClass latest = p < 32 ? HouseholdClass.POOR : p < 63 ? HouseholdClass.NEAR_POOR
                : p < 180 ? HouseholdClass.MIDDLE : p < 900 ? HouseholdClass.ABOVE : null;
        boolean pending = latest != null && random.nextInt(100) < 5;
        return new HouseholdIndex.Entry(new UUID(random.nextLong(), random.nextLong()).toString(), commune.code(),
                HouseholdIndex.unitKey(commune.code(), PROVINCE_FIRST_DAY),
                commune.villages().get(random.nextInt(commune.villages().size())), head, names,
                status == HouseholdStatus.ACTIVE ? citizenIds : List.of(), status, latest,
                latest == null ? null : pending ? LocalDate.parse("2027-01-01") : LocalDate.parse("2026-01-01"),
                pending ? HouseholdClass.POOR : null, status == HouseholdStatus.ACTIVE ? names.size() : 0,
                1 + random.nextInt(6));
    }

    private static String name(Random random, String family, boolean male) {
        String[] middle = male ? MIDDLE_MALE : MIDDLE_FEMALE;
        String[] given = male ? GIVEN_MALE : GIVEN_FEMALE;
        return family + " " + middle[random.nextInt(middle.length)] + " " + given[random.nextInt(given.length)];
    }

    private static String family(Random random) {
        int r = random.nextInt(1000);
        for (int i = 0; i < FAMILY.length; i++) {
            r -= FAMILY_PER_MILLE[i];
            if (r < 0) {
                return FAMILY[i];
            }
        }
        return FAMILY[random.nextInt(FAMILY.length)];
    }

    /** Phú Thọ's communes and wards since 2025-07-01, each with 15 to 40 villages or residential groups. */
    private static List<Commune> communes(UnitCatalog catalog, Random random) {
        List<Commune> communes = new ArrayList<>();
        for (AdministrativeUnit unit : catalog.inForceOn(PROVINCE_FIRST_DAY)) {
            if (!unit.type().isCommuneLevel() || !"25".equals(unit.parentCode())) {
                continue;
            }
            boolean ward = unit.type() == UnitType.PHUONG;
            List<String> villages = new ArrayList<>();
            int count = 15 + random.nextInt(26);
            for (int i = 1; i <= count; i++) {
                villages.add(ward ? "Tổ dân phố " + i : "Thôn " + VILLAGE_NAMES[random.nextInt(VILLAGE_NAMES.length)]
                        + (random.nextBoolean() ? "" : " " + (1 + random.nextInt(5))));
            }
            communes.add(new Commune(unit.code(), ward, villages));
        }
        communes.sort(Comparator.comparing(Commune::code));
        return communes;
    }

    /**
     * Each commune's share: the number of former units it was formed from (half for each part of a split one), as
     * deploy/local's Population weighs them (no population is published per commune; merged units are of comparable
     * size), as cumulative weights.
     */
    private static double[] weights(UnitCatalog catalog, List<Commune> communes) {
        Map<String, Double> weight = new LinkedHashMap<>();
        for (AdministrativeUnit old : catalog.inForceOn(PROVINCE_FIRST_DAY.minusDays(1))) {
            if (old.type().isCommuneLevel()) {
                old.successors().forEach(s -> weight.merge(s, 1.0 / old.successors().size(), Double::sum));
            }
        }
        double[] cumulative = new double[communes.size()];
        double sum = 0;
        for (int i = 0; i < communes.size(); i++) {
            sum += weight.getOrDefault(communes.get(i).code(), 1.0);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double r) {
        int i = Arrays.binarySearch(cumulative, r);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static void print(String title, Map<String, List<Long>> groups) {
        if (!title.isEmpty()) {
            System.out.println(title);
        }
        groups.forEach((name, nanos) -> {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-32s %8d %8.1f %8.1f %8.1f %8.1f%n", name, sorted.length,
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    sorted[sorted.length - 1] / 1e6);
        });
    }

    private static double percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static long usedHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
