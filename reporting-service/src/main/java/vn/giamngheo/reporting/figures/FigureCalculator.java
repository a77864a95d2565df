package vn.giamngheo.reporting.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.facts.HouseholdTimeline;
import vn.giamngheo.reporting.statistics.AreaStatistics;
import vn.giamngheo.reporting.training.Training;

/**
 * Computes figures from the households' timelines for any areas and any day, in one pass over the households. A pure
 * function of the facts, the statistics and the training records: the same inputs give the same figures, which is
 * what reconciliation relies on.
 */
@Component
public class FigureCalculator {

    /**
     * Class changes decided in a period, and households of a class that left the registry in it.
     *
     * @param transitions by transition name (INITIAL, ESCAPED_POVERTY, NEWLY_POOR, RELAPSED, …)
     * @param intoPoor    decisions that put a household on the poor list, whatever the transition
     */
    public record Changes(Map<String, Long> transitions, long escapedToNearPoor, long escapedAbove,
            long removedPoor, long removedNearPoor, long intoPoor, long outOfPoor, long intoNearPoor,
            long outOfNearPoor) {

        public long count(String transition) {
            return transitions.getOrDefault(transition, 0L);
        }
    }

    /** What one household adds to the figures of the areas covering it on a day. */
    private record Contribution(Area area, HouseholdClass classification, int people, List<String> deprived,
            List<String> characteristics, long insurable, long insured, long pupils, long supported, boolean loanNeed, boolean loanGranted) {
    }

    private static final class Tally {
        final Area area;
        final Map<String, Long> households = new LinkedHashMap<>();
        long peoplePoor;
        long peopleNearPoor;
        final Map<String, long[]> deprived = new TreeMap<>();
        final Map<String, long[]> characteristics = new TreeMap<>();
        long insurable;
        long insured;
        long pupils;
        long supported;
        long loanNeeds;
        long loansGranted;

        Tally(Area area) {
            this.area = area;
            for (String key : List.of("POOR", "NEAR_POOR", "MIDDLE", "ABOVE", "UNCLASSIFIED")) {
                households.put(key, 0L);
            }
        }

        /** Adds ({@code sign} 1) or takes back ({@code sign} -1) a household's contribution. */
        void add(Contribution c, int sign) {
            HouseholdClass k = c.classification();
            households.merge(k == null ? "UNCLASSIFIED" : k.name(), (long) sign, Long::sum);
            if (k == HouseholdClass.POOR) {
                peoplePoor += sign * c.people();
            } else if (k == HouseholdClass.NEAR_POOR) {
                peopleNearPoor += sign * c.people();
            }
            if (k == HouseholdClass.POOR || k == HouseholdClass.NEAR_POOR) {
                count(deprived, c.deprived(), k, sign);
                count(characteristics, c.characteristics(), k, sign);
                insurable += sign * c.insurable();
                insured += sign * c.insured();
                pupils += sign * c.pupils();
                supported += sign * c.supported();
                loanNeeds += c.loanNeed() ? sign : 0;
                loansGranted += c.loanGranted() ? sign : 0;
            }
        }

        private static void count(Map<String, long[]> counts, List<String> codes, HouseholdClass k, int sign) {
            for (String code : codes) {
                long[] n = counts.computeIfAbsent(code, x -> new long[2]);
                n[k == HouseholdClass.POOR ? 0 : 1] += sign;
                if (n[0] == 0 && n[1] == 0) {
                    counts.remove(code);
                }
            }
        }

        private static void addAll(Map<String, long[]> mine, Map<String, long[]> theirs) {
            theirs.forEach((code, n) -> {
                long[] m = mine.computeIfAbsent(code, x -> new long[2]);
                m[0] += n[0];
                m[1] += n[1];
            });
        }

        void addAll(Tally other) {
            other.households.forEach((k, n) -> households.merge(k, n, Long::sum));
            peoplePoor += other.peoplePoor;
            peopleNearPoor += other.peopleNearPoor;
            addAll(deprived, other.deprived);
            addAll(characteristics, other.characteristics);
            insurable += other.insurable;
            insured += other.insured;
            pupils += other.pupils;
            supported += other.supported;
            loanNeeds += other.loanNeeds;
            loansGranted += other.loansGranted;
        }
    }

    /**
     * Today's figures kept current household by household, for the live streams: each household's contribution is
     * remembered, and a changed household takes its old one back and adds its new one, so a change costs the work of
     * one household, not of all. The figures of an area are the sum of the few unit-level tallies it covers. Same
     * results as {@link #of(List, LocalDate)} for its day (a test checks it); not thread-safe: one owner.
     */
    public final class Running {

        private final LocalDate date;
        private final Map<String, Contribution> byHousehold = new HashMap<>();
        private final Map<String, Tally> byArea = new LinkedHashMap<>();

        private Running(LocalDate date) {
            this.date = date;
        }

        public LocalDate date() {
            return date;
        }

        /** Replaces what this household contributes by what its (new) timeline says. */
        public void update(HouseholdTimeline household) {
            Contribution old = byHousehold.remove(household.householdId());
            if (old != null) {
                byArea.get(old.area().key()).add(old, -1);
            }
            contribution(household, date).ifPresent(c -> {
                byHousehold.put(household.householdId(), c);
                byArea.computeIfAbsent(c.area().key(), k -> new Tally(c.area())).add(c, 1);
            });
        }

        /** The figures of each area, by area key, in the order given. */
        public Map<String, Figures> of(List<Area> areas) {
            Map<String, Figures> figures = new LinkedHashMap<>();
            for (Area area : areas) {
                Tally total = new Tally(area);
                byArea.values().stream().filter(t -> area.covers(t.area)).forEach(total::addAll);
                total.deprived.values().removeIf(n -> n[0] == 0 && n[1] == 0);
                total.characteristics.values().removeIf(n -> n[0] == 0 && n[1] == 0);
                figures.putIfAbsent(area.key(), figures(total, date));
            }
            return figures;
        }
    }

    private final FactIndex index;
    private final AreaStatistics statistics;
    private final Training training;

    public FigureCalculator(FactIndex index, AreaStatistics statistics, Training training) {
        this.index = index;
        this.statistics = statistics;
        this.training = training;
    }

    /** A calculator over another index (a rebuild), sharing statistics and training. */
    public FigureCalculator over(FactIndex other) {
        return new FigureCalculator(other, statistics, training);
    }

    public Figures of(Area area, LocalDate date) {
        return of(List.of(area), date).get(area.key());
    }

    /** The figures of each area on {@code date}, by area key, in the order given. */
    public Map<String, Figures> of(List<Area> areas, LocalDate date) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        areas.forEach(a -> tallies.putIfAbsent(a.key(), new Tally(a)));
        Map<String, List<Tally>> hitsByArea = new HashMap<>();
        for (HouseholdTimeline household : index.timelines()) {
            contribution(household, date).ifPresent(c -> {
                for (Tally t : hitsByArea.computeIfAbsent(c.area().key(), k -> tallies.values().stream()
                        .filter(t -> t.area.covers(c.area())).toList())) {
                    t.add(c, 1);
                }
            });
        }
        Map<String, Figures> figures = new LinkedHashMap<>();
        tallies.forEach((k, t) -> figures.put(k, figures(t, date)));
        return figures;
    }

    /** Today's figures, to be kept current with {@link Running#update}. */
    public Running running(LocalDate date) {
        Running running = new Running(date);
        index.timelines().forEach(running::update);
        return running;
    }

    private static Optional<Contribution> contribution(HouseholdTimeline household, LocalDate date) {
        var found = household.on(date);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HouseholdTimeline.State state = found.get();
        HouseholdClass c = state.classification();
        long insurable = 0;
        long insured = 0;
        long pupils = 0;
        long supported = 0;
        boolean loanNeed = false;
        boolean loanGranted = false;
        if (c == HouseholdClass.POOR || c == HouseholdClass.NEAR_POOR) {
            for (HouseholdTimeline.Member m : state.members()) {
                int age = m.ageOn(date);
                if (age >= 6) {
                    insurable++;
                    insured += household.hasCard(m.personId(), date) ? 1 : 0;
                }
                if (age >= 3 && age < 18) {
                    pupils++;
                    supported += household.hasStudySupport(m.personId(), date) ? 1 : 0;
                }
            }
            for (HouseholdTimeline.LoanNeed loan : household.loans()) {
                if (!loan.submittedOn().isAfter(date)) {
                    loanNeed = true;
                    loanGranted |= loan.grantedOn() != null && !loan.grantedOn().isAfter(date);
                }
            }
        }
        List<String> characteristics = c == HouseholdClass.POOR || c == HouseholdClass.NEAR_POOR
                ? Characteristic.of(state.members(), date) : List.of();
        return Optional.of(new Contribution(state.area(), c, state.members().size(), state.deprived(),
                characteristics, insurable,
                insured, pupils, supported, loanNeed, loanGranted));
    }

    private Figures figures(Tally t, LocalDate date) {
        var denominator = statistics.denominator(t.area, date.getYear());
        BigDecimal poorRate = denominator.map(d -> Figures.percent(t.households.get("POOR"), d.households()))
                .orElse(null);
        BigDecimal nearPoorRate = denominator.map(d -> Figures.percent(t.households.get("NEAR_POOR"), d.households()))
                .orElse(null);
        Map<String, Figures.Deprived> deprived = new LinkedHashMap<>();
        t.deprived.forEach((code, n) -> deprived.put(code, new Figures.Deprived(n[0], n[1])));
        Map<String, Figures.Deprived> characteristics = new LinkedHashMap<>();
        t.characteristics.forEach((code, n) -> characteristics.put(code, new Figures.Deprived(n[0], n[1])));
        Long officers = denominator.map(AreaStatistics.Denominator::officers).orElse(null);
        return new Figures(t.area.key(), t.area.name(), date, Map.copyOf(t.households), t.peoplePoor,
                t.peopleNearPoor, poorRate, nearPoorRate,
                denominator.map(d -> new Figures.Denominator(d.year(), d.households(), d.population())).orElse(null),
                deprived, characteristics,
                Figures.Coverage.of(t.insurable, t.insured, "Người từ 6 tuổi trở lên thuộc hộ nghèo, cận nghèo có thẻ "
                        + "BHYT còn hạn (trẻ dưới 6 tuổi được cấp thẻ riêng theo luật)"),
                Figures.Coverage.of(t.pupils, t.supported, "Trẻ từ 3 đến dưới 18 tuổi thuộc hộ nghèo, cận nghèo "
                        + "được miễn, giảm học phí hoặc hỗ trợ chi phí học tập"),
                Figures.Coverage.of(t.loanNeeds, t.loansGranted, "Hộ nghèo, cận nghèo đã đăng ký nhu cầu vay vốn "
                        + "Ngân hàng Chính sách xã hội và được cho vay"),
                Figures.Coverage.of(officers == null ? 0 : officers,
                        officers == null ? 0 : Math.min(officers, training.trained(t.area, date)),
                        "Cán bộ làm công tác giảm nghèo được tập huấn trong năm (số cán bộ theo số liệu thống kê)"));
    }

    /** Class changes decided from {@code from} to {@code to} (inclusive), in each area, by area key. */
    public Map<String, Changes> changes(List<Area> areas, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> transitions = new LinkedHashMap<>();
        Map<String, long[]> extra = new LinkedHashMap<>();
        areas.forEach(a -> {
            transitions.put(a.key(), new TreeMap<>());
            extra.put(a.key(), new long[8]);
        });
        for (HouseholdTimeline household : index.timelines()) {
            for (HouseholdTimeline.Change change : household.changes()) {
                if (change.on().isBefore(from) || change.on().isAfter(to)) {
                    continue;
                }
                for (Area area : areas) {
                    if (!area.covers(change.area())) {
                        continue;
                    }
                    transitions.get(area.key()).merge(change.transition(), 1L, Long::sum);
                    long[] x = extra.get(area.key());
                    if (change.from() == HouseholdClass.POOR) {
                        x[change.to() == HouseholdClass.NEAR_POOR ? 0 : 1]++;
                        x[5]++;
                    }
                    if (change.to() == HouseholdClass.POOR) {
                        x[4]++;
                    }
                    if (change.from() == HouseholdClass.NEAR_POOR) {
                        x[7]++;
                    }
                    if (change.to() == HouseholdClass.NEAR_POOR) {
                        x[6]++;
                    }
                }
            }
            var removed = household.removedOn();
            if (removed.isPresent() && !removed.get().isBefore(from) && !removed.get().isAfter(to)) {
                var before = household.on(removed.get().minusDays(1));
                if (before.isPresent()) {
                    for (Area area : areas) {
                        if (area.covers(before.get().area())) {
                            if (before.get().classification() == HouseholdClass.POOR) {
                                extra.get(area.key())[2]++;
                            } else if (before.get().classification() == HouseholdClass.NEAR_POOR) {
                                extra.get(area.key())[3]++;
                            }
                        }
                    }
                }
            }
        }
        Map<String, Changes> result = new LinkedHashMap<>();
        for (Area area : areas) {
            long[] x = extra.get(area.key());
            result.put(area.key(), new Changes(Map.copyOf(transitions.get(area.key())), x[0], x[1], x[2], x[3],
                    x[4], x[5], x[6], x[7]));
        }
        return result;
    }

    /** The figures at the end of each month of {@code year} up to {@code last} (the last point is {@code last}). */
    public List<Map.Entry<LocalDate, Figures>> monthly(Area area, int year, LocalDate last) {
        List<Map.Entry<LocalDate, Figures>> series = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            LocalDate end = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
            if (end.isAfter(last)) {
                end = last;
            }
            series.add(Map.entry(end, of(area, end)));
            if (end.equals(last)) {
                break;
            }
        }
        return series;
    }
}
