package vn.giamngheo.household.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.classification.SurveyAnswers;

/**
 * A household's draft result in a round: the assessment from its survey, and the village meeting's votes on it.
 *
 * @param status                    DRAFT while the officer is still filling the survey in (it does not count as
 *                                  surveyed), SURVEYED once marked done
 * @param classification            null for a draft whose answers are not complete yet
 * @param areaType                  null for a draft whose answers are not complete yet
 * @param monthlyIncomePerCapitaVnd rounded up to the whole VND, as published in events; null for a draft whose answers
 *                                  are not complete yet
 * @param answersFingerprint        identifies the survey answers, so the same answers sent again change nothing
 * @param answers                   the answers as recorded, so that the form can be reopened; null for surveys
 *                                  recorded before they were kept
 */
public record Survey(
        String roundId,
        String householdId,
        SurveyStatus status,
        String assessmentId,
        HouseholdClass classification,
        String standard,
        String areaType,
        Long monthlyIncomePerCapitaVnd,
        List<String> deprivedIndicators,
        List<String> explanation,
        Instant surveyedAt,
        String answersFingerprint,
        List<Vote> votes,
        Answers answers) {

    /**
     * The answers of a survey as the officer gave them (the survey request's fields): income, annual with members or
     * per person per month, and the deprivations, declared or as facts. A draft may leave any of them out.
     */
    public record Answers(Long annualIncomeVnd, Integer memberCount, Long monthlyIncomePerCapitaVnd,
            List<String> deprivedIndicators, SurveyAnswers.Facts facts) {
    }

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
                monthlyIncomePerCapitaVnd, deprivedIndicators, explanation, surveyedAt, answersFingerprint, all, answers);
    }
}
