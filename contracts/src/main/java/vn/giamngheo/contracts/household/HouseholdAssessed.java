package vn.giamngheo.contracts.household;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Require;

/** A review decision recorded an assessment of the household, whether or not its class changed. */
public record HouseholdAssessed(
        String householdId,
        long sequence,
        String assessmentId,
        String unitCode,
        String standard,
        LocalDate referenceDate,
        String areaType,
        long monthlyIncomePerCapitaVnd,
        List<String> deprivedIndicators,
        HouseholdClass classification,
        String reviewRoundId,
        String decisionNumber,
        LocalDate decisionDate) implements DomainEvent {

    public HouseholdAssessed {
        Require.present(householdId, "householdId");
        Require.positive(sequence, "sequence");
        Require.present(assessmentId, "assessmentId");
        Require.present(unitCode, "unitCode");
        Require.present(standard, "standard");
        Require.present(referenceDate, "referenceDate");
        Require.present(areaType, "areaType");
        deprivedIndicators = List.copyOf(Require.present(deprivedIndicators, "deprivedIndicators"));
        Require.present(classification, "classification");
        Require.present(reviewRoundId, "reviewRoundId");
        Require.present(decisionNumber, "decisionNumber");
        Require.present(decisionDate, "decisionDate");
    }

    @Override
    public String aggregateId() {
        return householdId;
    }
}
