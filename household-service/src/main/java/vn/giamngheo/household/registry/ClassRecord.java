package vn.giamngheo.household.registry;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.Transition;

/**
 * One decision on a household's class: the review round, the commune chairman's decision, and the assessment behind it.
 *
 * @param areaType  URBAN or RURAL, of the household's unit on the round's reference date
 * @param fromClass null for a household's first classification
 */
public record ClassRecord(
        String roundId,
        String decisionNumber,
        LocalDate decisionDate,
        LocalDate effectiveDate,
        String standard,
        String areaType,
        HouseholdClass fromClass,
        HouseholdClass toClass,
        Transition transition,
        String assessmentId,
        long monthlyIncomePerCapitaVnd,
        List<String> deprivedIndicators,
        List<String> explanation) {

    public ClassRecord {
        deprivedIndicators = List.copyOf(deprivedIndicators);
        explanation = List.copyOf(explanation);
    }

    public boolean changed() {
        return fromClass != toClass;
    }
}
