package vn.giamngheo.household.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.review.ReviewPostingStarted;
import vn.giamngheo.household.classification.AssessmentException;
import vn.giamngheo.household.classification.AssessmentService;
import vn.giamngheo.household.classification.Classification;
import vn.giamngheo.household.classification.Evidence;
import vn.giamngheo.household.classification.Income;
import vn.giamngheo.household.classification.SurveyAnswers;
import vn.giamngheo.household.registry.Decision;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.Coverage;
import vn.giamngheo.platform.units.SuccessorChoiceRequiredException;
import vn.giamngheo.platform.units.UnitCatalog;

/** Runs review rounds from opening to decision; only the decision changes a household's class. */
@Service
public class ReviewService {

    /**
     * @param signerRoles        roles that may sign a decision (domain README decision 5: configurable, since the
     *                           district step no longer exists after 2025-07-01)
     * @param postingWorkingDays default length of the public posting
     * @param maxUploadRows      households one survey spreadsheet may list (the largest commune's, with room)
     * @param holidaysFile       the public holidays of Vietnam, for counting working days
     * @param monthly            the monthly review's calendar: when it starts, which requests it takes, how long the
     *                           chairman has to answer them
     */
    @Validated
    @ConfigurationProperties("household.review")
    public record ReviewProperties(@NotEmpty Set<String> signerRoles, @Min(1) @Max(30) int postingWorkingDays,
            @Min(1) @Max(200_000) int maxUploadRows, @NotBlank String holidaysFile, @NotNull MonthlyCycle monthly) {
    }

    /** A meeting's vote on one household. */
    public record VoteInput(String householdId, int agreeing) {
    }

    /**
     * A round as officers see it.
     *
     * @param provisionalStandard   the standard it applies is not verified against the legal text as a whole
     * @param decisionTakesEffectOn an annual round's: 1 January of the year its lists are for; a monthly round's: its
     *                              decision's, once decided
     * @param requests              a monthly round's: the households' requests it takes and when they are due; null
     *                              for an annual round
     * @param decisionBlockers      what keeps the chairman from signing the decision today; empty when nothing does
     * @param canDecideFrom         the first day a decision may be dated: the day after the posting ends; null before
     *                              the posting
     */
    public record RoundView(ReviewRound round, boolean provisionalStandard, LocalDate decisionTakesEffectOn,
            List<Survey> surveys, List<Complaint> complaints, ReviewRequests.RoundRequests requests,
            List<Blocker> decisionBlockers, LocalDate canDecideFrom) {
    }

    /**
     * Why the decision cannot be signed today: {@code NOT_POSTED} (the posting has not started),
     * {@code POSTING_NOT_ENDED} ({@code until} its last day), {@code COMPLAINTS_OPEN} ({@code count} being re-checked),
     * {@code DRAFTS_LEFT} ({@code count} surveys still drafts), {@code ALREADY_DECIDED}.
     */
    public record Blocker(String code, LocalDate until, Long count) {

        static Blocker of(String code) {
            return new Blocker(code, null, null);
        }
    }

    /**
     * The list to survey of a round with each household's survey so far.
     *
     * @param counts the households of the list not surveyed yet ({@code toSurvey}) and the surveys by status
     */
    public record HouseholdsToSurvey(String roundId, List<ToSurvey> households, ListCounts counts) {
    }

    /**
     * One household of the list.
     *
     * @param classInForce its class in force on the round's reference date (null: none decided)
     * @param why          why it is on the list: CURRENT_LIST, FORM_01, FORM_04, ADDED
     * @param survey       its survey in the round so far; null when not surveyed
     */
    public record ToSurvey(String householdId, String headName, String village, int memberCount,
            HouseholdClass classInForce, Set<SurveyLists.Why> why, SurveyBrief survey) {
    }

    /** A survey's result in a list. */
    public record SurveyBrief(SurveyStatus status, HouseholdClass classification, Long monthlyIncomePerCapitaVnd,
            List<String> deprivedIndicators, java.time.Instant surveyedAt) {

        static SurveyBrief of(Survey s) {
            return new SurveyBrief(s.status(), s.classification(), s.monthlyIncomePerCapitaVnd(),
                    s.deprivedIndicators(), s.surveyedAt());
        }
    }

    /** Households of a list not surveyed yet, and surveys by status. */
    public record ListCounts(long toSurvey, long drafts, long surveyed, long agreed, long backToSurvey) {

        /** @param listed the households listed by class or request; {@code statuses} the round's surveys by household */
        static ListCounts of(Collection<String> listed, Map<String, SurveyStatus> statuses) {
            Map<SurveyStatus, Long> by = new java.util.EnumMap<>(SurveyStatus.class);
            statuses.values().forEach(st -> by.merge(st, 1L, Long::sum));
            return new ListCounts(listed.stream().filter(h -> !statuses.containsKey(h)).count(),
                    by.getOrDefault(SurveyStatus.DRAFT, 0L), by.getOrDefault(SurveyStatus.SURVEYED, 0L),
                    by.getOrDefault(SurveyStatus.AGREED, 0L), by.getOrDefault(SurveyStatus.BACK_TO_SURVEY, 0L));
        }
    }

    private final ReviewStore store;
    private final HouseholdRegistry registry;
    private final AssessmentService assessments;
    private final UnitCatalog units;
    private final ReviewProperties properties;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final ReviewRequests requests;
    private final SurveyLists lists;

    ReviewService(ReviewStore store, HouseholdRegistry registry, AssessmentService assessments, UnitCatalog units,
            ReviewProperties properties, Clock clock, WorkingCalendar calendar,
            ReviewRequests requests, SurveyLists lists) {
        this.store = store;
        this.lists = lists;
        this.calendar = calendar;
        this.requests = requests;
        this.registry = registry;
        this.assessments = assessments;
        this.units = units;
        this.properties = properties;
        this.clock = clock;
    }

    public ReviewRound open(String unitCode, ReviewKind kind, LocalDate referenceDate, String standardCode,
            Integer postingWorkingDays) {
        AdministrativeUnit unit = units.find(unitCode, referenceDate).orElseThrow(() -> ReviewRuleException.invalid(
                "unitCode", "no administrative unit with code " + unitCode + " is in force on " + referenceDate));
        if (!unit.type().isCommuneLevel()) {
            throw ReviewRuleException.invalid("unitCode", unitCode + " (" + unit.name() + ") is not a commune-level unit");
        }
        LocalDate standardDate = ReviewRound.standardDate(kind, referenceDate);
        String standard;
        try {
            standard = assessments.standard(standardCode, standardDate).code();
        } catch (AssessmentException e) {
            throw ReviewRuleException.invalid(e.field(), standardCode == null && kind == ReviewKind.ANNUAL
                    ? "an annual review of " + referenceDate.getYear() + " prepares the lists of "
                            + standardDate.getYear() + " and applies the standard in force on " + standardDate
                            + ", but " + e.getMessage() + "; name a standard"
                    : e.getMessage());
        }
        String id = unitCode + "-" + referenceDate.getYear() + "-" + kind.name().toLowerCase() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        ReviewRound round = ReviewRound.open(id, unitCode, kind, referenceDate, standard,
                postingWorkingDays == null ? properties.postingWorkingDays() : postingWorkingDays, clock.instant());
        store.insert(round);
        return round;
    }

    /** A survey marked done with complete answers (the spreadsheet's rows): classified, SURVEYED. */
    public Survey survey(String roundId, String householdId, Income income, Evidence evidence, Survey.Answers answers) {
        return survey(roundId, householdId, income, evidence, answers, false);
    }

    /**
     * Records a household's survey. Marked done ({@code draft} false): complete answers, classified, SURVEYED. A
     * draft keeps the answers so far ({@code income} or {@code evidence} null while incomplete), classified only when
     * both are complete, as DRAFT: it does not count as surveyed. The same answers again, as draft or done as before,
     * change nothing.
     *
     * @param answers the answers as the officer gave them, kept so that the form can be reopened
     */
    public Survey survey(String roundId, String householdId, Income income, Evidence evidence, Survey.Answers answers,
            boolean draft) {
        if (!draft && (income == null || evidence == null)) {
            throw new IllegalArgumentException("a survey marked done has complete answers");
        }
        ReviewRound round = round(roundId);
        Survey previous = store.survey(roundId, householdId).orElse(null);
        Survey survey = decideSurvey(round, householdId, registry.find(householdId).orElse(null), previous, income,
                evidence, answers, draft);
        if (survey != previous) {
            store.save(survey);
        }
        return survey;
    }

    /**
     * What recording a household's survey decides, from the round, the household (null: not in the registry) and its
     * survey so far: a new survey to save, or {@code previous} itself when the same answers change nothing.
     */
    private Survey decideSurvey(ReviewRound round, String householdId, Household household, Survey previous, Income income,
            Evidence evidence, Survey.Answers answers, boolean draft) {
        String roundId = round.id();
        if (household == null) {
            throw ReviewRuleException.invalid("householdId", "household " + householdId + " does not exist");
        }
        if (household.status() != HouseholdStatus.ACTIVE) {
            throw ReviewRuleException.invalid("householdId", "household " + householdId + " is no longer in the registry");
        }
        if (!inRoundUnit(household, round)) {
            throw ReviewRuleException.invalid("householdId", "household " + householdId + " belongs to unit "
                    + household.unitCode() + units.coveringOn(household.unitCode(), round.referenceDate())
                            .filter(now -> !now.equals(household.unitCode())).map(now -> " (now " + now + ")")
                            .orElse("") + ", not to the round's unit " + round.unitCode());
        }
        if (income instanceof Income.Annual annual && annual.members() != household.activeMembers().size()) {
            // Income per person divides by the household's members as registered: another count would move the
            // household across the line without anything in the registry showing why.
            throw ReviewRuleException.invalid("memberCount", "household " + householdId + " has "
                    + household.activeMembers().size() + " active members in the registry, not " + annual.members()
                    + "; record the change of members first");
        }
        boolean complete = income != null && evidence != null;
        SurveyStatus status = draft ? SurveyStatus.DRAFT : SurveyStatus.SURVEYED;
        String fingerprint = complete ? fingerprint(income, evidence, round.referenceDate()) : draftFingerprint(answers);
        if (previous != null && fingerprint.equals(previous.answersFingerprint())
                && previous.status() != SurveyStatus.BACK_TO_SURVEY
                && !(status == SurveyStatus.SURVEYED && previous.status() == SurveyStatus.DRAFT)) {
            return previous;
        }
        round.requireSurveyable(previous == null ? null : previous.status());
        List<Survey.Vote> votes = previous == null ? List.of() : previous.votes();
        Survey survey;
        if (complete) {
            Classification c = assessment(() -> assessments.evaluate(new AssessmentService.Evaluate(
                    round.referenceDate(), round.unitCode(), null, round.standard(), income, evidence)));
            survey = classified(roundId, householdId, status, c, fingerprint, votes, answers);
        } else {
            survey = new Survey(roundId, householdId, status, UUID.randomUUID().toString(), null, round.standard(),
                    null, null, List.of(), List.of(), clock.instant(), fingerprint, votes, answers);
        }
        return survey;
    }

    private Survey classified(String roundId, String householdId, SurveyStatus status, Classification c,
            String fingerprint, List<Survey.Vote> votes, Survey.Answers answers) {
        return new Survey(roundId, householdId, status, UUID.randomUUID().toString(), c.householdClass(),
                c.standard().code(), c.areaType().name(),
                c.monthlyIncomePerCapitaVnd().setScale(0, RoundingMode.CEILING).longValueExact(), c.deprivedCodes(),
                c.explanation(), clock.instant(), fingerprint, votes, answers);
    }

    /** One household's survey in the round. */
    public Survey survey(String roundId, String householdId) {
        round(roundId);
        return store.survey(roundId, householdId).orElseThrow(() -> new ReviewRuleException(
                ReviewRuleException.Kind.NOT_FOUND, "householdId", "survey of household " + householdId
                        + " in round " + roundId + " was not found"));
    }

    public ReviewRound meeting(String roundId, LocalDate date, int participants, List<VoteInput> votes) {
        ReviewRound round = round(roundId);
        if (participants < 1) {
            throw ReviewRuleException.invalid("participants", "a meeting has at least one participant");
        }
        if (votes.isEmpty()) {
            throw ReviewRuleException.invalid("votes", "a meeting votes on at least one household");
        }
        Set<String> seen = new HashSet<>();
        List<Survey> voted = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            VoteInput vote = votes.get(i);
            String field = "votes[" + i + "]";
            if (!seen.add(vote.householdId())) {
                throw ReviewRuleException.invalid(field + ".householdId", "votes twice on the same household");
            }
            if (vote.agreeing() < 0 || vote.agreeing() > participants) {
                throw ReviewRuleException.invalid(field + ".agreeing", "must be between 0 and the " + participants
                        + " participants");
            }
            Survey survey = store.survey(roundId, vote.householdId()).orElseThrow(() -> ReviewRuleException.invalid(
                    field + ".householdId", "household " + vote.householdId() + " was not surveyed in this round"));
            if (survey.status() == SurveyStatus.DRAFT) {
                throw ReviewRuleException.invalid(field + ".householdId", "the survey of household "
                        + vote.householdId() + " is a draft: mark it done before the meeting votes on it");
            }
            if (survey.status() != SurveyStatus.SURVEYED) {
                throw ReviewRuleException.conflict(field + ".householdId", survey.status() == SurveyStatus.AGREED
                        ? "the meeting already agreed on this household" : "survey this household again first");
            }
            voted.add(survey.voted(date, participants, vote.agreeing()));
        }
        ReviewRound after = round.meeting(date);
        store.update(after);
        voted.forEach(store::save);
        return after;
    }

    public ReviewRound post(String roundId, LocalDate startDate) {
        ReviewRound round = round(roundId);
        List<Survey> surveys = store.surveys(roundId);
        long agreed = surveys.stream().filter(s -> s.status() == SurveyStatus.AGREED).count();
        long drafts = surveys.stream().filter(s -> s.status() == SurveyStatus.DRAFT).count();
        ReviewRound after = round.post(startDate, surveys.size(), agreed, drafts, calendar);
        publishPosting(after, surveys.size(), agreed);
        return after;
    }

    /** The posted round with its {@code review.posting-started} event (sequence = the round's version). */
    private void publishPosting(ReviewRound posted, long surveyed, long agreed) {
        store.update(posted, new ReviewPostingStarted(posted.id(), posted.version(), posted.unitCode(),
                posted.kind().name(), posted.referenceDate(), posted.postingStartedOn(), posted.postingEndsOn(),
                (int) surveyed, (int) agreed, posted.standard()));
    }

    public Complaint complain(String roundId, String householdId, String text, LocalDate filedOn) {
        ReviewRound round = round(roundId);
        round.requirePosting();
        if (filedOn.isBefore(round.postingStartedOn()) || filedOn.isAfter(round.postingEndsOn())) {
            throw ReviewRuleException.invalid("filedOn", "complaints are received during the posting, "
                    + round.postingStartedOn() + " to " + round.postingEndsOn());
        }
        store.survey(roundId, householdId).orElseThrow(() -> ReviewRuleException.invalid("householdId",
                "household " + householdId + " is not in this round"));
        Complaint complaint = new Complaint(UUID.randomUUID().toString(), roundId, householdId, text, filedOn,
                Complaint.Status.OPEN, null, null);
        store.save(complaint);
        return complaint;
    }

    /**
     * The re-check of a complaint. Upheld: the household is surveyed again with the corrected answers and the round
     * is posted again for the full period. Rejected: the posted result stands.
     */
    public RoundView resolve(String roundId, String complaintId, boolean upheld, String resolution,
            LocalDate resolvedOn, Income income, Evidence evidence, Survey.Answers answers) {
        ReviewRound round = round(roundId);
        round.requirePosting();
        Complaint complaint = store.complaint(complaintId).filter(c -> c.roundId().equals(roundId))
                .orElseThrow(() -> new ReviewRuleException(ReviewRuleException.Kind.NOT_FOUND, "complaintId",
                        "complaint " + complaintId + " is not in round " + roundId));
        if (complaint.status() != Complaint.Status.OPEN) {
            throw ReviewRuleException.conflict("complaintId", "the complaint was already resolved");
        }
        if (resolvedOn.isBefore(complaint.filedOn())) {
            throw ReviewRuleException.invalid("resolvedOn", "is before the complaint was filed");
        }
        if (upheld) {
            if (income == null || evidence == null) {
                throw ReviewRuleException.invalid("survey", "an upheld complaint needs the corrected survey answers");
            }
            Survey previous = store.survey(roundId, complaint.householdId()).orElseThrow();
            Classification c = assessment(() -> assessments.evaluate(new AssessmentService.Evaluate(
                    round.referenceDate(), round.unitCode(), null, round.standard(), income, evidence)));
            store.save(classified(roundId, complaint.householdId(), SurveyStatus.AGREED, c,
                    fingerprint(income, evidence, round.referenceDate()), previous.votes(), answers));
            List<Survey> surveys = store.surveys(roundId);
            publishPosting(round.reposted(resolvedOn, calendar), surveys.size(),
                    surveys.stream().filter(s -> s.status() == SurveyStatus.AGREED).count());
        }
        store.save(new Complaint(complaint.id(), roundId, complaint.householdId(), complaint.text(),
                complaint.filedOn(), upheld ? Complaint.Status.UPHELD : Complaint.Status.REJECTED, resolution,
                resolvedOn));
        return view(roundId);
    }

    /**
     * The commune chairman's decision: applied to every household of the round, each once, and it answers the open
     * requests of those households. If it is interrupted, sending the same decision again finishes it.
     *
     * @param effectiveDate as the decision states it; null: an annual round's 1 January, a monthly round's date
     */
    public RoundView decide(String roundId, String number, LocalDate date, String signerRole, LocalDate effectiveDate) {
        if (!properties.signerRoles().contains(signerRole)) {
            throw ReviewRuleException.invalid("signerRole", "'" + signerRole + "' may not sign a decision (roles: "
                    + String.join(", ", properties.signerRoles()) + ")");
        }
        ReviewRound round = round(roundId);
        long open = store.complaints(roundId).stream().filter(c -> c.status() == Complaint.Status.OPEN).count();
        if (round.decision() == null) {
            long drafts = store.surveys(roundId).stream().filter(s -> s.status() == SurveyStatus.DRAFT).count();
            if (drafts > 0) {
                // A draft is not a result the meeting agreed and the public saw: it must never become a decision.
                throw ReviewRuleException.conflict("surveys", drafts + " survey(s) of the round are still drafts");
            }
        }
        ReviewRound deciding = round.decide(number, date, signerRole, effectiveDate, open);
        LocalDate today = LocalDate.now(clock);
        if (deciding != round && date.isAfter(today)) {
            // A decision dated ahead would close a round whose posting has not ended yet, as of today.
            throw ReviewRuleException.invalid("date", "is after today (" + today + "): a decision is recorded once it "
                    + "has been signed");
        }
        if (deciding != round) {
            store.update(deciding);
        }
        ReviewRound.DecisionInfo info = deciding.decision();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (Survey s : store.surveys(roundId)) {
            decisions.put(s.householdId(), new Decision(roundId, info.number(), info.date(), info.effectiveDate(),
                    s.standard(), deciding.referenceDate(), s.areaType(), s.assessmentId(),
                    s.monthlyIncomePerCapitaVnd(), s.deprivedIndicators(), s.classification(), s.explanation()));
        }
        registry.applyDecisions(decisions);
        requests.answeredByDecision(roundId, info.number(), info.date(), info.signerRole(), decisions.keySet());
        store.update(deciding.closed());
        return view(roundId);
    }

    /** What an upload did: rows recorded, rows identical to what was already recorded, and the problems. */
    public record UploadReport(int recorded, int unchanged, int rejected, List<SurveySpreadsheet.Problem> errors) {
    }

    /** The survey template of a round, prefilled with its list to survey. */
    public byte[] template(String roundId) {
        ReviewRound round = round(roundId);
        List<Household> households = lists.of(round, store.surveys(roundId).stream().map(Survey::householdId)
                .toList()).stream().map(SurveyLists.Listed::household).toList();
        return SurveySpreadsheet.template(round, assessments.standard(round.standard(), round.referenceDate()),
                households);
    }

    /** The list to survey of a round, sorted by village and head's name, with each household's survey so far. */
    public HouseholdsToSurvey toSurvey(String roundId) {
        ReviewRound round = round(roundId);
        Map<String, Survey> surveys = new LinkedHashMap<>();
        store.surveys(roundId).forEach(s -> surveys.put(s.householdId(), s));
        List<ToSurvey> households = new ArrayList<>();
        for (SurveyLists.Listed listed : lists.of(round, surveys.keySet())) {
            Household h = listed.household();
            Survey survey = surveys.get(h.id());
            households.add(new ToSurvey(h.id(), h.head().fullName(), h.village(), h.activeMembers().size(),
                    h.classOn(round.referenceDate()), listed.why(), survey == null ? null : SurveyBrief.of(survey)));
        }
        Map<String, SurveyStatus> statuses = new HashMap<>();
        surveys.forEach((h, s) -> statuses.put(h, s.status()));
        return new HouseholdsToSurvey(roundId, households, ListCounts.of(households.stream()
                .filter(t -> !t.why().equals(Set.of(SurveyLists.Why.ADDED))).map(ToSurvey::householdId).toList(),
                statuses));
    }

    /** Records the valid rows of a filled-in template; invalid rows change nothing and are reported. */
    public UploadReport upload(String roundId, InputStream file) {
        ReviewRound round = round(roundId);
        var standard = assessments.standard(round.standard(), round.referenceDate());
        int recorded = 0;
        int unchanged = 0;
        int rejected = 0;
        List<SurveySpreadsheet.Problem> errors = new ArrayList<>();
        List<SurveySpreadsheet.SheetRow> rows = SurveySpreadsheet.read(file, standard, properties.maxUploadRows());
        // The rows' households and their surveys so far are read once, a query each; the surveys are written together.
        Set<String> ids = new TreeSet<>();
        rows.stream().filter(r -> r.problems().isEmpty()).forEach(r -> ids.add(r.householdId()));
        Map<String, Household> households = registry.findAll(ids);
        Map<String, Survey> surveys = new HashMap<>();
        store.surveys(roundId, ids).forEach(s -> surveys.put(s.householdId(), s));
        Map<String, Survey> changed = new LinkedHashMap<>();
        for (SurveySpreadsheet.SheetRow row : rows) {
            if (!row.problems().isEmpty()) {
                rejected++;
                errors.addAll(row.problems());
                continue;
            }
            Survey previous = surveys.get(row.householdId());
            try {
                Survey after = decideSurvey(round, row.householdId(), households.get(row.householdId()), previous,
                        new Income.Annual(row.annualIncomeVnd(), Math.toIntExact(row.memberCount())),
                        new Evidence.Declared(row.deprived()), new Survey.Answers(row.annualIncomeVnd(),
                                Math.toIntExact(row.memberCount()), null, row.deprived(), null), false);
                if (after != previous) {
                    surveys.put(row.householdId(), after);
                    changed.put(row.householdId(), after);
                }
                if (previous != null && after.assessmentId().equals(previous.assessmentId())) {
                    unchanged++;
                } else {
                    recorded++;
                }
            } catch (ReviewRuleException e) {
                rejected++;
                errors.add(new SurveySpreadsheet.Problem(row.row(), column(e.field()), e.getMessage()));
            }
        }
        store.saveAll(changed.values());
        return new UploadReport(recorded, unchanged, rejected, errors);
    }

    private static String column(String field) {
        return switch (field) {
            case "householdId" -> "Mã hộ";
            case "memberCount" -> "Số nhân khẩu";
            case "annualIncomeVnd" -> "Tổng thu nhập 12 tháng (đồng)";
            default -> field;
        };
    }

    public RoundView view(String roundId) {
        ReviewRound round = round(roundId);
        List<Survey> surveys = store.surveys(roundId);
        boolean provisional = assessments.standards().stream()
                .anyMatch(s -> s.code().equals(round.standard()) && s.provisional());
        LocalDate takesEffect = round.listsTakeEffectOn() != null ? round.listsTakeEffectOn()
                : round.decision() == null ? null : round.decision().effectiveDate();
        List<Complaint> complaints = store.complaints(roundId);
        return new RoundView(round, provisional, takesEffect, surveys, complaints,
                round.kind() == ReviewKind.MONTHLY ? requests.ofRound(round, surveys) : null,
                blockers(round, surveys, complaints, LocalDate.now(clock)),
                round.postingEndsOn() == null ? null : round.postingEndsOn().plusDays(1));
    }

    /** What keeps the chairman from signing the round's decision on {@code today}. */
    static List<Blocker> blockers(ReviewRound round, List<Survey> surveys, List<Complaint> complaints,
            LocalDate today) {
        if (round.decision() != null) {
            return List.of(Blocker.of("ALREADY_DECIDED"));
        }
        List<Blocker> blockers = new ArrayList<>();
        if (round.postingStartedOn() == null) {
            blockers.add(Blocker.of("NOT_POSTED"));
        } else if (!today.isAfter(round.postingEndsOn())) {
            blockers.add(new Blocker("POSTING_NOT_ENDED", round.postingEndsOn(), null));
        }
        long open = complaints.stream().filter(c -> c.status() == Complaint.Status.OPEN).count();
        if (open > 0) {
            blockers.add(new Blocker("COMPLAINTS_OPEN", null, open));
        }
        long drafts = surveys.stream().filter(s -> s.status() == SurveyStatus.DRAFT).count();
        if (drafts > 0) {
            blockers.add(new Blocker("DRAFTS_LEFT", null, drafts));
        }
        return blockers;
    }

    /**
     * A household registered in a unit since merged belongs to the unit that covers its territory on the date; one of
     * a unit since split, to the successor recorded for it (422 until then, in a round of one of the successors).
     */
    private boolean inRoundUnit(Household household, ReviewRound round) {
        Coverage coverage = units.coverage(household.unitCode(), household.unitSince(), round.referenceDate());
        if (coverage instanceof Coverage.Split split && split.successorCodes().contains(round.unitCode())) {
            throw new SuccessorChoiceRequiredException(household.id(), split);
        }
        return coverage.covering().filter(round.unitCode()::equals).isPresent();
    }

    /** The round alone, without its surveys. */
    public ReviewRound round(String id) {
        return store.find(id).orElseThrow(() -> new ReviewRuleException(ReviewRuleException.Kind.NOT_FOUND, "roundId",
                "review round " + id + " was not found"));
    }

    /** The same answers give the same fingerprint, whatever the order of indicators or information means. */
    static String fingerprint(Income income, Evidence evidence, LocalDate referenceDate) {
        String answers = income + "|" + switch (evidence) {
            case Evidence.Declared declared -> "declared:" + declared.indicatorCodes().stream().sorted().toList();
            case Evidence.Surveyed surveyed -> "facts:" + surveyed.facts().toCel(referenceDate)
                    + surveyed.facts().presentOptionalFacts();
        };
        return sha256(answers);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Incomplete answers: the same answers give the same fingerprint, whatever the order of codes or means. */
    static String draftFingerprint(Survey.Answers a) {
        SurveyAnswers.Facts f = a.facts();
        SurveyAnswers.Facts facts = f == null ? null : new SurveyAnswers.Facts(f.members(), f.floorAreaM2(),
                f.hasDwelling(), f.wallsDurable(), f.frameDurable(), f.roofDurable(), f.waterSource(), f.latrine(),
                f.usesTelecom(), f.usesInternet(), f.informationMeans() == null ? null
                        : new TreeSet<>(f.informationMeans()), f.wasteHandling(), f.sickMemberUntreated());
        return sha256("draft|" + new Survey.Answers(a.annualIncomeVnd(), a.memberCount(),
                a.monthlyIncomePerCapitaVnd(), a.deprivedIndicators() == null ? null
                        : a.deprivedIndicators().stream().sorted().toList(), facts));
    }

    private static <T> T assessment(Supplier<T> call) {
        try {
            return call.get();
        } catch (AssessmentException e) {
            throw ReviewRuleException.invalid(e.field(), e.getMessage());
        }
    }
}
