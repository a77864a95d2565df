package vn.giamngheo.portal.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** household-service's review API as the review pages read it (contract A of issue 23). */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** A survey's answers as recorded (the survey body). */
    public record Answers(Long annualIncomeVnd, Integer memberCount, Long monthlyIncomePerCapitaVnd,
            List<String> deprivedIndicators, Facts facts) {
    }

    public record Facts(List<AnswerMember> members, BigDecimal floorAreaM2, Boolean hasDwelling, Boolean wallsDurable,
            Boolean frameDurable, Boolean roofDurable, String waterSource, String latrine, Boolean usesTelecom,
            Boolean usesInternet, Set<String> informationMeans, String wasteHandling, Boolean sickMemberUntreated) {

        public Facts {
            members = members == null ? List.of() : members;
        }
    }

    public record AnswerMember(LocalDate dateOfBirth, Boolean hasHealthInsurance, Boolean attendingSchool,
            String education, String employment, Boolean unableToWork, Boolean malnourished,
            Boolean receivesSocialAllowance) {
    }

    /** A household's survey in a round. */
    public record Survey(String roundId, String householdId, String status, String classification, String standard,
            String areaType, Long monthlyIncomePerCapitaVnd, List<String> deprivedIndicators,
            List<String> explanation, Instant surveyedAt, Answers answers, List<Vote> votes) {

        public Survey {
            deprivedIndicators = deprivedIndicators == null ? List.of() : deprivedIndicators;
            explanation = explanation == null ? List.of() : explanation;
            votes = votes == null ? List.of() : votes;
        }
    }

    /** A village meeting's vote on a household: how many took part, how many agreed. */
    public record Vote(LocalDate date, int participants, int agreeing) {
    }

    public record Decision(String number, LocalDate date, String signerRole, LocalDate effectiveDate) {
    }

    public record Round(String id, String unitCode, String kind, LocalDate referenceDate, String standard,
            Integer postingWorkingDays, String state, Instant openedAt, LocalDate lastMeetingOn,
            LocalDate postingStartedOn, LocalDate postingEndsOn, Decision decision, Long version) {
    }

    public record Complaint(String id, String householdId, String status, LocalDate filedOn, String text,
            String resolution, LocalDate resolvedOn) {
    }

    /** A reason the chairman may not sign yet (A5). */
    public record Blocker(String code, LocalDate until, Integer count) {
    }

    public record RoundView(Round round, Boolean provisionalStandard, LocalDate decisionTakesEffectOn,
            List<Survey> surveys, List<Complaint> complaints, List<Blocker> decisionBlockers,
            LocalDate canDecideFrom) {

        public RoundView {
            surveys = surveys == null ? List.of() : surveys;
            complaints = complaints == null ? List.of() : complaints;
            decisionBlockers = decisionBlockers == null ? List.of() : decisionBlockers;
        }
    }

    /** A round's counts; one the service leaves out counts 0. */
    public record Counts(Integer toSurvey, Integer drafts, Integer surveyed, Integer agreed, Integer backToSurvey,
            Integer complaintsOpen, Integer complaintsResolved) {

        public Counts {
            toSurvey = zero(toSurvey);
            drafts = zero(drafts);
            surveyed = zero(surveyed);
            agreed = zero(agreed);
            backToSurvey = zero(backToSurvey);
            complaintsOpen = zero(complaintsOpen);
            complaintsResolved = zero(complaintsResolved);
        }
    }

    private static Integer zero(Integer n) {
        return n == null ? 0 : n;
    }

    /** A round on the boards (A1). */
    public record RoundSummary(String id, String unitCode, String unitName, String kind, LocalDate referenceDate,
            String state, String standard, Instant openedAt, LocalDate postingStartedOn, LocalDate postingEndsOn,
            Decision decision, LocalDate dueBy, Boolean late, String lateReason, Counts counts) {
    }

    /** The province board (A2). */
    public record Board(LocalDate date, int year, LocalDate deadline, List<BoardCommune> communes, BoardTotals totals) {

        public Board {
            communes = communes == null ? List.of() : communes;
        }
    }

    public record BoardCommune(String unitCode, String unitName, String status, Boolean late, String lateReason,
            RoundSummary round) {
    }

    public record BoardTotals(Integer notStarted, Integer inProgress, Integer decided, Integer late) {
    }

    /** The list to survey (A3). */
    public record ToSurvey(String roundId, List<ToSurveyHousehold> households, Counts counts) {

        public ToSurvey {
            households = households == null ? List.of() : households;
        }
    }

    public record ToSurveyHousehold(String householdId, String headName, String village, Integer memberCount,
            String classInForce, List<String> why, SurveyLine survey) {
    }

    public record SurveyLine(String status, String classification, Long monthlyIncomePerCapitaVnd,
            List<String> deprivedIndicators, Instant surveyedAt) {
    }

    /** What evaluate answers. */
    public record Evaluation(String classification, String standard, Boolean provisionalStandard, String areaType,
            BigDecimal monthlyIncomePerCapitaVnd, List<String> deprivedIndicators, List<Deprivation> deprivations,
            List<String> explanation) {
    }

    public record Deprivation(String code, String name, String reason) {
    }

    /** A Form 01 / Form 04 request (and an online one awaiting verification, contract S). */
    public record Request(String id, String householdId, String unitCode, String form, LocalDate receivedOn,
            String channel, String status, LocalDate dueBy, Boolean overdue, Boolean answeredLate, Answer answer,
            String headName, String village, String citizenIdMasked, String receiptNumber,
            String suggestedHouseholdId) {

        public boolean awaitingVerification() {
            return "AWAITING_VERIFICATION".equals(status);
        }
    }

    /** The chairman's answer to a request: a decision of a round, or a written refusal. */
    public record Answer(LocalDate date, String number, String roundId, String signerRole, String reasons) {
    }
}
