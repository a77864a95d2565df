package vn.giamngheo.household.registry;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.household.HouseholdClass;

/**
 * What a commune chairman's decision says of one household, and the assessment it rests on.
 *
 * @param referenceDate the round's reference date, which chose the standard and the area type
 */
public record Decision(
        String roundId,
        String decisionNumber,
        LocalDate decisionDate,
        LocalDate effectiveDate,
        String standard,
        LocalDate referenceDate,
        String areaType,
        String assessmentId,
        long monthlyIncomePerCapitaVnd,
        List<String> deprivedIndicators,
        HouseholdClass householdClass,
        List<String> explanation) {
}
