package vn.giamngheo.household.simulation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    public record Result(String standard, LocalDate referenceDate, boolean provisionalStandard,
            Map<HouseholdClass, Long> current, Map<HouseholdClass, Long> simulated, long notAssessed,
            long unitNotResolved, List<String> indicatorsDropped, List<String> indicatorsNotSurveyed,
            Map<String, UnitResult> units) {
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

    public Result simulate(String standardCode, LocalDate referenceDate) {
        PovertyStandard standard = assessments.standard(standardCode, referenceDate);
        Map<HouseholdClass, Long> current = counts();
        Map<HouseholdClass, Long> simulated = counts();
        Map<String, UnitAccumulator> byUnit = new TreeMap<>();
        java.util.Set<String> dropped = new java.util.TreeSet<>();
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
            // A household of a split unit whose successor is not recorded yet is counted under its recorded unit.
            byUnit.computeIfAbsent(units.coverage(household.unitCode(), household.unitSince(), referenceDate)
                    .covering().orElse(household.unitCode()), u -> new UnitAccumulator()).add(now, result);
        });
        List<String> notSurveyed = standard.indicators().stream().map(DeprivationIndicator::code)
                .filter(code -> !surveyedAnywhere(code)).toList();
        Map<String, UnitResult> unitResults = new TreeMap<>();
        byUnit.forEach((unit, acc) -> unitResults.put(unit, acc.result()));
        return new Result(standard.code(), referenceDate, standard.provisional(), current, simulated, notAssessed[0],
                unresolved[0], List.copyOf(dropped), notSurveyed, unitResults);
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
