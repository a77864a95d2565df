package vn.giamngheo.local;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.units.UnitType;

/**
 * A synthetic population, deterministic from a seed: the units it lives in with their share of households and whether
 * they are rural, household sizes and ages, class shares (by default Vĩnh Yên's: poor and near-poor each about
 * 1–2.5 %), incomes and deprivations that put each household in its band under the 2022–2025 standard, and the
 * transitions of a year's review (escapes, relapses, a few newly poor). The same seed, place and size give the same
 * households, members and answers, in the same order, every time.
 */
public final class Population {

    /** A unit, its share of the place's households, whether it is rural, and the unit that covers it since 2025. */
    public record Unit(String code, String name, double share, boolean rural, String ward2025) {
    }

    /** The shares of poor, near-poor and middle-living households in a unit. */
    public record Shares(double poor, double nearPoor, double middle) {
    }

    /**
     * Where a population lives: its units, the area that holds them all (for the figures and the dashboard stream),
     * the day its households entered the registry, and its class shares in urban and rural units.
     */
    public record Place(String name, String area, List<Unit> units, LocalDate registeredOn, Shares urban,
            Shares rural) {
    }

    /** A 2022 unit of Vĩnh Yên, its share of households (a rough estimate, domain §3), whether it is rural. */
    public static final List<Unit> VINH_YEN_UNITS = List.of(
            new Unit("08707", "Tích Sơn", 0.12, false, "08707"), new Unit("08710", "Liên Bảo", 0.16, false, "08716"),
            new Unit("08713", "Hội Hợp", 0.13, false, "08707"), new Unit("08716", "Đống Đa", 0.09, false, "08716"),
            new Unit("08719", "Ngô Quyền", 0.07, false, "08716"), new Unit("08722", "Đồng Tâm", 0.13, false, "08707"),
            new Unit("08725", "Định Trung", 0.10, true, "08716"), new Unit("08728", "Khai Quang", 0.12, false, "08716"),
            new Unit("08731", "Thanh Trù", 0.08, true, "08707"));

    /** The former city of Vĩnh Yên, its households taken over from the 2021 register. */
    public static final Place VINH_YEN = new Place("Vĩnh Yên", "243", VINH_YEN_UNITS, LocalDate.of(2021, 12, 1),
            new Shares(0.011, 0.012, 0.08), new Shares(0.025, 0.025, 0.12));

    /**
     * The sizes the benchmark knows by name: the former city; the former Vĩnh Phúc province (about 353,000 households
     * at the end of 2020, domain §3); the merged Phú Thọ province (1,005,262 households at the 2025 review, V:
     * province-facts.md B).
     */
    public static final Map<String, Integer> SIZES = Map.of("city", 34_000, "province", 350_000,
            "merged-province", 1_005_262);

    /** The first day of the province's communes. */
    static final LocalDate PROVINCE_FIRST_DAY = LocalDate.of(2025, 7, 1);

    /**
     * The province's shares at the 2025 review (V, province-facts.md C): poor 0.39 % urban and 3.17 % rural, near-poor
     * 3.14 % overall (not published by area); the middle band is not published, so Vĩnh Yên's estimate stands.
     */
    static final Shares PROVINCE_URBAN = new Shares(0.0039, 0.0314, 0.08);
    static final Shares PROVINCE_RURAL = new Shares(0.0317, 0.0314, 0.12);

    /** The units every service loads (platform-defaults.yml). */
    public static UnitCatalog units() {
        return UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
                new ClassPathResource("units/vinh-yen.json")));
    }

    /** The place of a benchmark size: the city for "city" and for a number, else (part of) the province. */
    public static Place place(String sizeName) {
        return switch (sizeName) {
            case "province" -> province(units(), "26");
            case "merged-province" -> province(units(), null);
            default -> VINH_YEN;
        };
    }

    /**
     * The communes of Phú Thọ since 2025-07-01 ({@code formerProvince}: only those formed from that former province's
     * units, e.g. 26 for Vĩnh Phúc), their households registered on their first day. No population is published per
     * commune (only the province's total), so each commune's share is the number of former units it was formed from
     * (half a unit for each part of a split one): Resolution 1676/NQ-UBTVQH15 merged units into communes of comparable
     * size, so the count is a rough proxy for the population, not a fact.
     */
    public static Place province(UnitCatalog catalog, String formerProvince) {
        LocalDate lastOldDay = PROVINCE_FIRST_DAY.minusDays(1);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (AdministrativeUnit old : catalog.inForceOn(lastOldDay)) {
            if (!old.type().isCommuneLevel() || (formerProvince != null
                    && !formerProvince.equals(provinceOf(catalog, old, lastOldDay).orElse(null)))) {
                continue;
            }
            old.successors().forEach(s -> weights.merge(s, 1.0 / old.successors().size(), Double::sum));
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Unit> units = new ArrayList<>();
        for (AdministrativeUnit commune : catalog.inForceOn(PROVINCE_FIRST_DAY)) {
            Double weight = weights.get(commune.code());
            if (weight != null && commune.type().isCommuneLevel()) {
                units.add(new Unit(commune.code(), shortName(commune.name()), weight / total,
                        commune.type() == UnitType.XA, commune.code()));
            }
        }
        return new Place(formerProvince == null ? "Phú Thọ" : "Phú Thọ, formerly province " + formerProvince,
                formerProvince == null ? "25" : formerProvince, List.copyOf(units), PROVINCE_FIRST_DAY,
                PROVINCE_URBAN, PROVINCE_RURAL);
    }

    private static Optional<String> provinceOf(UnitCatalog catalog, AdministrativeUnit unit, LocalDate day) {
        Optional<AdministrativeUnit> above = Optional.of(unit);
        while (above.isPresent() && above.get().type().level() != UnitType.Level.PROVINCE) {
            above = above.get().parentCode() == null ? Optional.empty() : catalog.find(above.get().parentCode(), day);
        }
        return above.map(AdministrativeUnit::code);
    }

    /** "Xã Tiền Phong" → "Tiền Phong", for village names. */
    static String shortName(String name) {
        for (String kind : List.of("Thị trấn ", "Phường ", "Xã ")) {
            if (name.startsWith(kind)) {
                return name.substring(kind.length());
            }
        }
        return name;
    }

    public enum Band { POOR, NEAR_POOR, MIDDLE, ABOVE }

    public record Person(String fullName, LocalDate dateOfBirth, boolean male, String relation) {
    }

    /** A generated household: who lives in it, where, and its survey answers in the current review. */
    public static final class Home {
        public final int index;
        public final Unit unit;
        public final String village;
        public final List<Person> members;
        public volatile String id;
        public Band band;
        public long monthlyIncome;
        public List<String> deprived;

        Home(int index, Unit unit, String village, List<Person> members) {
            this.index = index;
            this.unit = unit;
            this.village = village;
            this.members = members;
        }

        /** The registration request of household-service. */
        public String registrationJson(LocalDate registeredOn) {
            StringBuilder json = new StringBuilder("{\"unitCode\":\"").append(unit.code()).append("\",\"village\":\"")
                    .append(village).append("\",\"registeredOn\":\"").append(registeredOn).append("\",\"members\":[");
            for (int m = 0; m < members.size(); m++) {
                Person p = members.get(m);
                json.append(m == 0 ? "" : ",").append("{\"fullName\":\"").append(p.fullName())
                        .append("\",\"dateOfBirth\":\"").append(p.dateOfBirth()).append("\",\"sex\":\"")
                        .append(p.male() ? "MALE" : "FEMALE").append("\",\"relationToHead\":\"").append(p.relation())
                        .append("\"}");
            }
            return json.append("]}").toString();
        }

        /** The survey answers of the current review. */
        public String surveyJson() {
            StringBuilder json = new StringBuilder("{\"householdId\":\"").append(id)
                    .append("\",\"monthlyIncomePerCapitaVnd\":").append(monthlyIncome).append(",\"deprivedIndicators\":[");
            for (int i = 0; i < deprived.size(); i++) {
                json.append(i == 0 ? "\"" : ",\"").append(deprived.get(i)).append('"');
            }
            return json.append("]}").toString();
        }
    }

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

    private final Random random;
    private final Place place;

    /** A population of the former city of Vĩnh Yên. */
    public Population(long seed) {
        this(seed, VINH_YEN);
    }

    public Population(long seed, Place place) {
        this.random = new Random(seed);
        this.place = place;
    }

    public Place place() {
        return place;
    }

    /**
     * {@code total} households over the place's units by their shares, each with members (ages as of the end of 2021)
     * and a baseline band with its answers.
     */
    public List<Home> generate(int total) {
        List<Home> homes = new ArrayList<>();
        for (Unit unit : place.units()) {
            int count = (int) Math.round(total * unit.share());
            Shares shares = unit.rural() ? place.rural() : place.urban();
            for (int i = 0; i < count; i++) {
                Home home = household(homes.size(), unit, random.nextInt(12), random.nextLong());
                double p = random.nextDouble();
                answers(home, p < shares.poor() ? Band.POOR : p < shares.poor() + shares.nearPoor() ? Band.NEAR_POOR
                        : p < shares.poor() + shares.nearPoor() + shares.middle() ? Band.MIDDLE : Band.ABOVE);
                homes.add(home);
            }
        }
        return homes;
    }

    /**
     * A year later: the households on the poor, near-poor and middle lists and those that asked (3 % of the others)
     * are reviewed, with escapes, relapses and a few newly poor; returns them with their new answers.
     */
    public List<Home> nextYear(List<Home> homes) {
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
                answers(home, next);
                listed.add(home);
            }
        }
        return listed;
    }

    /** Gives a household the income and deprivations of a band under the 2022–2025 standard. */
    public void answers(Home home, Band band) {
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

    private static int size(Random r) {
        double p = r.nextDouble();
        return p < 0.08 ? 1 : p < 0.26 ? 2 : p < 0.48 ? 3 : p < 0.75 ? 4 : p < 0.90 ? 5 : 6 + r.nextInt(3);
    }

    /** Members with names, ages as of the end of 2021 and relations to the head, from the household's own seed. */
    private static Home household(int index, Unit unit, int villageNumber, long seed) {
        Random r = new Random(seed);
        int count = size(r);
        List<Person> members = new ArrayList<>();
        String surname = SURNAMES[r.nextInt(SURNAMES.length)];
        int headAge = 25 + r.nextInt(56);
        boolean withParent = count >= 3 && headAge < 50 && r.nextDouble() < 0.3;
        for (int m = 0; m < count; m++) {
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
            members.add(new Person(name, LocalDate.of(2020 - age, 1 + r.nextInt(12), 1 + r.nextInt(28)), male,
                    relation));
        }
        String village = (unit.rural() ? "Thôn " : "Tổ dân phố ") + shortName(unit.name()) + " " + (1 + villageNumber);
        return new Home(index, unit, village, List.copyOf(members));
    }
}
