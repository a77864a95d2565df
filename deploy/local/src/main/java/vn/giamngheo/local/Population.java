package vn.giamngheo.local;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic population of Vĩnh Yên, deterministic from a seed: the nine 2022 units with their share of households
 * and whether they are rural, household sizes and ages, class shares per unit (poor and near-poor each about 1–2.5 %),
 * incomes and deprivations that put each household in its band under the 2022–2025 standard, and the transitions of a
 * year's review (escapes, relapses, a few newly poor). The same seed and size give the same households, members and
 * answers, in the same order, every time.
 */
public final class Population {

    /** A 2022 unit, its share of households (a rough estimate, domain §3), whether it is rural, its ward since 2025. */
    public record Unit(String code, String name, double share, boolean rural, String ward2025) {
    }

    public static final List<Unit> UNITS = List.of(
            new Unit("08707", "Tích Sơn", 0.12, false, "08707"), new Unit("08710", "Liên Bảo", 0.16, false, "08716"),
            new Unit("08713", "Hội Hợp", 0.13, false, "08707"), new Unit("08716", "Đống Đa", 0.09, false, "08716"),
            new Unit("08719", "Ngô Quyền", 0.07, false, "08716"), new Unit("08722", "Đồng Tâm", 0.13, false, "08707"),
            new Unit("08725", "Định Trung", 0.10, true, "08716"), new Unit("08728", "Khai Quang", 0.12, false, "08716"),
            new Unit("08731", "Thanh Trù", 0.08, true, "08707"));

    /** The sizes the benchmark knows by name: a city, the old Vĩnh Phúc province, the merged Phú Thọ province. */
    public static final Map<String, Integer> SIZES = Map.of("city", 34_000, "province", 350_000,
            "merged-province", 1_300_000);

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

    public Population(long seed) {
        this.random = new Random(seed);
    }

    /**
     * {@code total} households over the nine units, each with members (ages as of the end of 2021) and a baseline
     * band with its answers.
     */
    public List<Home> generate(int total) {
        List<Home> homes = new ArrayList<>();
        for (Unit unit : UNITS) {
            int count = (int) Math.round(total * unit.share());
            for (int i = 0; i < count; i++) {
                Home home = household(homes.size(), unit, random.nextInt(12), random.nextLong());
                double p = random.nextDouble();
                double poor = unit.rural() ? 0.025 : 0.011;
                double near = unit.rural() ? 0.025 : 0.012;
                double middle = unit.rural() ? 0.12 : 0.08;
                answers(home, p < poor ? Band.POOR : p < poor + near ? Band.NEAR_POOR
                        : p < poor + near + middle ? Band.MIDDLE : Band.ABOVE);
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
        String village = (unit.rural() ? "Thôn " : "Tổ dân phố ") + unit.name() + " " + (1 + villageNumber);
        return new Home(index, unit, village, List.copyOf(members));
    }
}
