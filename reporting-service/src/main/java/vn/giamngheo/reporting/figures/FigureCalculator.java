package vn.giamngheo.reporting.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static final class Tally {
        final Area area;
        final Map<String, Long> households = new LinkedHashMap<>();
        long peoplePoor;
        long peopleNearPoor;
        final Map<String, long[]> deprived = new TreeMap<>();
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
            var found = household.on(date);
            if (found.isEmpty()) {
                continue;
            }
            HouseholdTimeline.State state = found.get();
            List<Tally> hits = hitsByArea.computeIfAbsent(state.area().key(), k -> tallies.values().stream()
                    .filter(t -> t.area.covers(state.area())).toList());
            if (hits.isEmpty()) {
                continue;
            }
            HouseholdClass c = state.classification();
            String key = c == null ? "UNCLASSIFIED" : c.name();
            boolean listed = c == HouseholdClass.POOR || c == HouseholdClass.NEAR_POOR;
            long insurable = 0;
            long insured = 0;
            long pupils = 0;
            long supported = 0;
            boolean loanNeed = false;
            boolean loanGranted = false;
            if (listed) {
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
            for (Tally t : hits) {
                t.households.merge(key, 1L, Long::sum);
                if (c == HouseholdClass.POOR) {
                    t.peoplePoor += state.members().size();
                } else if (c == HouseholdClass.NEAR_POOR) {
                    t.peopleNearPoor += state.members().size();
                }
                if (listed) {
                    for (String code : state.deprived()) {
                        t.deprived.computeIfAbsent(code, k -> new long[2])[c == HouseholdClass.POOR ? 0 : 1]++;
                    }
                    t.insurable += insurable;
                    t.insured += insured;
                    t.pupils += pupils;
                    t.supported += supported;
                    t.loanNeeds += loanNeed ? 1 : 0;
                    t.loansGranted += loanGranted ? 1 : 0;
                }
            }
        }
        Map<String, Figures> figures = new LinkedHashMap<>();
        tallies.forEach((k, t) -> figures.put(k, figures(t, date)));
        return figures;
    }

    private Figures figures(Tally t, LocalDate date) {
        var denominator = statistics.denominator(t.area, date.getYear());
        BigDecimal poorRate = denominator.map(d -> Figures.percent(t.households.get("POOR"), d.households()))
                .orElse(null);
        BigDecimal nearPoorRate = denominator.map(d -> Figures.percent(t.households.get("NEAR_POOR"), d.households()))
                .orElse(null);
        Map<String, Figures.Deprived> deprived = new LinkedHashMap<>();
        t.deprived.forEach((code, n) -> deprived.put(code, new Figures.Deprived(n[0], n[1])));
        Long officers = denominator.map(AreaStatistics.Denominator::officers).orElse(null);
        return new Figures(t.area.key(), t.area.name(), date, Map.copyOf(t.households), t.peoplePoor,
                t.peopleNearPoor, poorRate, nearPoorRate,
                denominator.map(d -> new Figures.Denominator(d.year(), d.households(), d.population())).orElse(null),
                deprived,
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
