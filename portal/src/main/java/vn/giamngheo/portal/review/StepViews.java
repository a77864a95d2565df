package vn.giamngheo.portal.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * household-service's review round as the meeting, posting, decision and document pages need it (contract A: the
 * round with its decision blockers, and the round's list of households with their heads and villages).
 */
public final class StepViews {

    private StepViews() {
    }

    /** {@code GET /api/v1/review-rounds/{id}}. */
    public record RoundView(ReviewViews.Round round, LocalDate decisionTakesEffectOn, List<Survey> surveys, List<Complaint> complaints,
            List<ReviewViews.Blocker> decisionBlockers, LocalDate canDecideFrom) {

        public RoundView {
            surveys = surveys == null ? List.of() : surveys;
            complaints = complaints == null ? List.of() : complaints;
            decisionBlockers = decisionBlockers == null ? List.of() : decisionBlockers;
        }

        public Optional<Survey> survey(String householdId) {
            return surveys.stream().filter(s -> s.householdId().equals(householdId)).findFirst();
        }

        /** The surveys a village meeting votes on: marked done (a draft is not yet a survey). */
        public List<Survey> surveyed() {
            return surveys.stream().filter(s -> !"DRAFT".equals(s.status())).toList();
        }

        public boolean decided() {
            return round.decision() != null;
        }

        /** The last day an annual round's decision may be dated (14 December of its year); null for a monthly one. */
        public LocalDate lastDecisionDay() {
            return "ANNUAL".equals(round.kind()) ? LocalDate.of(round.referenceDate().getYear(), 12, 14) : null;
        }

        public long openComplaints() {
            return complaints.stream().filter(c -> "OPEN".equals(c.status())).count();
        }
    }

    public record Survey(String householdId, String status, String classification, Long monthlyIncomePerCapitaVnd,
            List<String> deprivedIndicators, List<Vote> votes) {

        public Survey {
            votes = votes == null ? List.of() : votes;
            deprivedIndicators = deprivedIndicators == null ? List.of() : deprivedIndicators;
        }

        /** The last vote of a village meeting on this household; null before any. */
        public Vote lastVote() {
            return votes.isEmpty() ? null : votes.getLast();
        }
    }

    public record Vote(LocalDate date, int participants, int agreeing) {
    }

    public record Complaint(String id, String householdId, String text, LocalDate filedOn, String status, String resolution,
            LocalDate resolvedOn) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** One surveyed household as a page shows it: who, where, the class in force and the proposed one. */
    public record Row(String householdId, String headName, String village, String classInForce, Survey survey) {

        public String proposed() {
            return survey.classification();
        }

        public boolean changes() {
            return survey.classification() != null && !survey.classification().equals(classInForce);
        }
    }

    /** The round's surveyed households, in the list's order (village, then head's name), with their heads. */
    static List<Row> rows(RoundView round, ReviewViews.ToSurvey list) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (ReviewViews.ToSurveyHousehold h : list.households()) {
            round.survey(h.householdId()).filter(s -> !"DRAFT".equals(s.status())).ifPresent(s -> rows.put(
                    h.householdId(), new Row(h.householdId(), h.headName(), h.village(), h.classInForce(), s)));
        }
        List<Row> all = new ArrayList<>(rows.values());
        for (Survey s : round.surveyed()) {
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
