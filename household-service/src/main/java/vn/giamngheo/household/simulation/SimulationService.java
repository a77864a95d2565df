package vn.giamngheo.household.simulation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.classification.AssessmentException;
import vn.giamngheo.household.classification.AssessmentService;
import vn.giamngheo.household.classification.Classifier;
import vn.giamngheo.household.classification.DeprivationIndicator;
import vn.giamngheo.household.classification.Evidence;
import vn.giamngheo.household.classification.Income;
import vn.giamngheo.household.classification.PovertyStandard;
import vn.giamngheo.household.registry.ClassRecord;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.AreaType;
import vn.giamngheo.platform.units.UnitCatalog;

/**
 * What-if: classifies today's registry under a chosen standard and date, from each household's latest decided
 * assessment (its income per person and deprived indicators), and changes nothing. Indicators the chosen standard
 * does not have are dropped; indicators it has that were never surveyed (e.g. waste before 2027) count as not
 * deprived — both are reported so that the figures are read with care.
 */
@Service
public class SimulationService {

    /**
     * @param middleBand  the middle-living band the figures were computed with
     * @param moved       households whose simulated class differs from their current one
     * @param transitions "FROM->TO" → households, over all units
     */
    public record Result(String standard, LocalDate referenceDate, boolean provisionalStandard,
            BandApplied middleBand, Map<HouseholdClass, Long> current, Map<HouseholdClass, Long> simulated,
            long moved, Map<String, Long> transitions, long notAssessed, long unitNotResolved,
            List<String> indicatorsDropped, List<String> indicatorsNotSurveyed, Map<String, UnitResult> units) {
    }

    /**
     * Which middle-living band (hộ có mức sống trung bình) a simulation applies. The 2027–2030 band is not defined by
     * any source yet and the standard carries the 2022–2025 one provisionally (domain README decision 4), so for such a
     * standard the caller says which band it means.
     */
    public enum BandChoice {
        /** The band as the standard's file has it (for 2027–2030: the carried 2022–2025 lines). */
        AS_FILED,
        /** No band: every household above the poverty line is ABOVE. */
        NONE,
        /** The lines given with the request, e.g. a band an administrator proposes. */
        PROPOSED
    }

    /** @param ruralVnd, urbanVnd the upper lines of a PROPOSED band, VND per person per month */
    public record MiddleBand(BandChoice choice, Long ruralVnd, Long urbanVnd) {
    }

    /**
     * @param lines             the band's upper lines as applied; null for NONE
     * @param provisionalReason why the lines applied are not settled; null when they are
     */
    public record BandApplied(BandChoice choice, Map<AreaType, Long> lines, String provisionalReason) {
    }

    /** @param transitions "FROM->TO" → households */
    public record UnitResult(Map<HouseholdClass, Long> current, Map<HouseholdClass, Long> simulated,
            Map<String, Long> transitions) {
    }

    private final HouseholdRegistry registry;
    private final AssessmentService assessments;
    private final UnitCatalog units;
    private final Classifier classifier;

    SimulationService(HouseholdRegistry registry, AssessmentService assessments, UnitCatalog units,
            Classifier classifier) {
        this.registry = registry;
        this.assessments = assessments;
        this.units = units;
        this.classifier = classifier;
    }

    public Result simulate(String standardCode, LocalDate referenceDate, MiddleBand band) {
        PovertyStandard filed = assessments.standard(standardCode, referenceDate);
        PovertyStandard standard = withBand(filed, band);
        Map<AreaType, Long> bandLines = standard.incomeLines().get(PovertyStandard.MIDDLE);
        BandApplied applied = new BandApplied(band == null ? BandChoice.AS_FILED : band.choice(),
                band != null && band.choice() == BandChoice.NONE ? null : bandLines,
                standard.provisionalLines().get(PovertyStandard.MIDDLE));
        Map<String, Long> transitions = new TreeMap<>();
        long[] moved = {0};
        Map<HouseholdClass, Long> current = counts();
        Map<HouseholdClass, Long> simulated = counts();
        Map<String, UnitAccumulator> byUnit = new TreeMap<>();
        Set<String> dropped = new TreeSet<>();
        long[] notAssessed = {0};
        long[] unresolved = {0};
        registry.forEachActive(household -> {
            if (household.classHistory().isEmpty()) {
                notAssessed[0]++;
                return;
            }
            ClassRecord latest = household.classHistory().getLast();
            AreaType area = areaOn(household.unitCode(), household.unitSince(), referenceDate, latest);
            if (area == null) {
                unresolved[0]++;
                return;
            }
            List<String> kept = latest.deprivedIndicators().stream()
                    .filter(code -> standard.indicator(code).isPresent()).toList();
            latest.deprivedIndicators().stream().filter(code -> standard.indicator(code).isEmpty())
                    .forEach(dropped::add);
            HouseholdClass result;
            try {
                result = classifier.classify(standard, area, null,
                        new Income.MonthlyPerCapita(latest.monthlyIncomePerCapitaVnd()), new Evidence.Declared(kept),
                        referenceDate).householdClass();
            } catch (AssessmentException e) {
                throw new IllegalStateException("household " + household.id() + ": " + e.getMessage(), e);
            }
            HouseholdClass now = household.currentClass();
            current.merge(now, 1L, Long::sum);
            simulated.merge(result, 1L, Long::sum);
            if (now != result) {
                moved[0]++;
                transitions.merge(now + "->" + result, 1L, Long::sum);
            }
            // A household of a split unit whose successor is not recorded yet is counted under its recorded unit.
            byUnit.computeIfAbsent(units.coverage(household.unitCode(), household.unitSince(), referenceDate)
                    .covering().orElse(household.unitCode()), u -> new UnitAccumulator()).add(now, result);
        });
        List<String> notSurveyed = standard.indicators().stream().map(DeprivationIndicator::code)
                .filter(code -> !surveyedAnywhere(code)).toList();
        Map<String, UnitResult> unitResults = new TreeMap<>();
        byUnit.forEach((unit, acc) -> unitResults.put(unit, acc.result()));
        return new Result(standard.code(), referenceDate, standard.provisional(), applied, current, simulated,
                moved[0], transitions, notAssessed[0], unresolved[0], List.copyOf(dropped), notSurveyed, unitResults);
    }

    /** The standard with the chosen middle band; a provisional band is never applied without being chosen. */
    private static PovertyStandard withBand(PovertyStandard standard, MiddleBand band) {
        Map<AreaType, Long> middle = standard.incomeLines().get(PovertyStandard.MIDDLE);
        String provisional = standard.provisionalLines().get(PovertyStandard.MIDDLE);
        if (band == null) {
            if (provisional != null) {
                throw new AssessmentException("middleBand", standard.code() + "'s middle-living band is provisional ("
                        + provisional + "): say which band to simulate — AS_FILED (the band as filed), NONE (no band) "
                        + "or PROPOSED with ruralVnd and urbanVnd");
            }
            return standard;
        }
        boolean lines = band.ruralVnd() != null || band.urbanVnd() != null;
        if (band.choice() != BandChoice.PROPOSED && lines) {
            throw new AssessmentException(band.ruralVnd() != null ? "middleBand.ruralVnd" : "middleBand.urbanVnd",
                    "lines are given only with the choice PROPOSED");
        }
        if (band.choice() != BandChoice.AS_FILED && middle == null) {
            throw new AssessmentException("middleBand.choice", standard.code() + " has no middle-living band to "
                    + "change (its lines: " + standard.incomeLines().keySet() + ")");
        }
        Map<AreaType, Long> poverty = standard.incomeLines().get(PovertyStandard.POVERTY);
        return switch (band.choice()) {
            case AS_FILED -> standard;
            // The band collapses onto the poverty line: above it no household is MIDDLE.
            case NONE -> standard.withLine(PovertyStandard.MIDDLE, poverty, null);
            case PROPOSED -> {
                Map<AreaType, Long> proposed = new EnumMap<>(AreaType.class);
                proposed.put(AreaType.RURAL, proposedLine(band.ruralVnd(), "middleBand.ruralVnd", poverty,
                        AreaType.RURAL));
                proposed.put(AreaType.URBAN, proposedLine(band.urbanVnd(), "middleBand.urbanVnd", poverty,
                        AreaType.URBAN));
                yield standard.withLine(PovertyStandard.MIDDLE, proposed, "proposed for this simulation");
            }
        };
    }

    private static long proposedLine(Long value, String field, Map<AreaType, Long> poverty, AreaType area) {
        if (value == null) {
            throw new AssessmentException(field, "a PROPOSED band gives its upper line for each area type");
        }
        if (poverty != null && value <= poverty.get(area)) {
            throw new AssessmentException(field, "must be above the poverty line of " + poverty.get(area)
                    + " VND (" + area + ")");
        }
        return value;
    }

    /**
     * The area type on the simulated date: of the unit covering the household's territory then (following successors
     * of merged units), else the area type of its latest decision.
     */
    private AreaType areaOn(String unitCode, LocalDate unitSince, LocalDate date, ClassRecord latest) {
        return units.coverage(unitCode, unitSince, date).covering().flatMap(code -> units.find(code, date))
                .flatMap(AdministrativeUnit::areaType)
                .orElseGet(() -> latest.areaType() == null ? null : AreaType.valueOf(latest.areaType()));
    }

    private boolean surveyedAnywhere(String code) {
        return assessments.standards().stream().filter(s -> !s.provisional())
                .anyMatch(s -> s.indicator(code).isPresent());
    }

    private static Map<HouseholdClass, Long> counts() {
        Map<HouseholdClass, Long> counts = new EnumMap<>(HouseholdClass.class);
        for (HouseholdClass c : HouseholdClass.values()) {
            counts.put(c, 0L);
        }
        return counts;
    }

    private static final class UnitAccumulator {
        private final Map<HouseholdClass, Long> current = counts();
        private final Map<HouseholdClass, Long> simulated = counts();
        private final Map<String, Long> transitions = new TreeMap<>();

        void add(HouseholdClass from, HouseholdClass to) {
            current.merge(from, 1L, Long::sum);
            simulated.merge(to, 1L, Long::sum);
            if (from != to) {
                transitions.merge(from + "->" + to, 1L, Long::sum);
            }
        }

        UnitResult result() {
            return new UnitResult(current, simulated, transitions);
        }
    }
}
