package vn.giamngheo.portal.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.portal.review.ReviewViews.RoundView;
import vn.giamngheo.portal.review.ReviewViews.Survey;
import vn.giamngheo.portal.review.ReviewViews.Vote;
import java.util.Optional;

/**
 * household-service's review round as the meeting, posting, decision and document pages need it (contract A: the
 * round with its decision blockers, and the round's list of households with their heads and villages).
 */
public final class StepViews {

    private StepViews() {
    }

    /** The round's survey of a household, if any. */
    static Optional<Survey> survey(RoundView round, String householdId) {
        return round.surveys().stream().filter(s -> s.householdId().equals(householdId)).findFirst();
    }

    /** A survey marked done (a draft is not yet a survey: no meeting votes on it). */
    static boolean done(Survey survey) {
        return !"DRAFT".equals(survey.status());
    }

    /** The last day an annual round's decision may be dated (14 December of its year); null for a monthly one. */
    static LocalDate lastDecisionDay(RoundView round) {
        return "ANNUAL".equals(round.round().kind()) ? LocalDate.of(round.round().referenceDate().getYear(), 12, 14)
                : null;
    }

    /** One surveyed household as a page shows it: who, where, the class in force and the proposed one. */
    public record Row(String householdId, String headName, String village, String classInForce, Survey survey) {

        public String proposed() {
            return survey.classification();
        }

        public boolean changes() {
            return survey.classification() != null && !survey.classification().equals(classInForce);
        }

        /** The last vote of a village meeting on this household; null before any. */
        public Vote lastVote() {
            return survey.votes().isEmpty() ? null : survey.votes().getLast();
        }
    }

    /** The round's surveyed households, in the list's order (village, then head's name), with their heads. */
    static List<Row> rows(RoundView round, ReviewViews.ToSurvey list) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (ReviewViews.ToSurveyHousehold h : list.households()) {
            survey(round, h.householdId()).filter(StepViews::done).ifPresent(s -> rows.put(
                    h.householdId(), new Row(h.householdId(), h.headName(), h.village(), h.classInForce(), s)));
        }
        List<Row> all = new ArrayList<>(rows.values());
        for (Survey s : round.surveys().stream().filter(StepViews::done).toList()) {
            if (!rows.containsKey(s.householdId())) {
                all.add(new Row(s.householdId(), s.householdId(), "", null, s));
            }
        }
        return all;
    }

    /** An administrator's view of a document template (D6). */
    public record TemplateSummary(String kind, String title, Integer version, LocalDate effectiveFrom,
            Instant updatedAt, String updatedBy, boolean builtIn) {
    }

    public record Template(String kind, String title, Integer version, LocalDate effectiveFrom, String content,
            List<Placeholder> placeholders) {
    }

    /** A name a template may use ({{name}}) and what it stands for, in Vietnamese. */
    public record Placeholder(String name, String description) {
    }
}
