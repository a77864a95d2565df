package vn.giamngheo.household.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.contracts.household.HouseholdClass;

/**
 * A household's draft result in a round: the assessment from its survey, and the village meeting's votes on it.
 *
 * @param monthlyIncomePerCapitaVnd rounded up to the whole VND, as published in events
 * @param answersFingerprint        identifies the survey answers, so the same answers sent again change nothing
 */
public record Survey(
        String roundId,
        String householdId,
        SurveyStatus status,
        String assessmentId,
        HouseholdClass classification,
        String standard,
        String areaType,
        long monthlyIncomePerCapitaVnd,
        List<String> deprivedIndicators,
        List<String> explanation,
        Instant surveyedAt,
        String answersFingerprint,
        List<Vote> votes) {

    /** One meeting's vote on this household. */
    public record Vote(LocalDate date, int participants, int agreeing) {
    }

    public Survey {
        deprivedIndicators = List.copyOf(deprivedIndicators);
        explanation = List.copyOf(explanation);
        votes = List.copyOf(votes);
    }

    public static String id(String roundId, String householdId) {
        return roundId + ":" + householdId;
    }

    /** Decision 24/2021: agreement of at least 50 % of participants; otherwise the household is surveyed again. */
    Survey voted(LocalDate date, int participants, int agreeing) {
        List<Vote> all = new ArrayList<>(votes);
        all.add(new Vote(date, participants, agreeing));
        SurveyStatus result = agreeing * 2 >= participants ? SurveyStatus.AGREED : SurveyStatus.BACK_TO_SURVEY;
        return new Survey(roundId, householdId, result, assessmentId, classification, standard, areaType,
                monthlyIncomePerCapitaVnd, deprivedIndicators, explanation, surveyedAt, answersFingerprint, all);
    }
}
