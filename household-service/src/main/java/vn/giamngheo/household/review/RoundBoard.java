package vn.giamngheo.household.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;

/**
 * Rounds at a glance: a unit's rounds with their stage, counts and deadline, and the board of every commune a caller
 * acts for (the Sở NN&MT's: the province's). Read in a fixed number of queries whatever the number of rounds: the
 * rounds, their surveys' states, their complaints, the households once poor or near-poor, the requests.
 */
@Service
public class RoundBoard {

    /**
     * A round in a list.
     *
     * @param unitName   the unit's name in force on the round's reference date
     * @param dueBy      an annual round's 14 December; a monthly round's day its requests must be answered by (null when
     *                   the holidays of that year are not recorded)
     * @param late       as of today: not decided and today is after {@code dueBy}, or (annual) not posted yet and a
     *                   posting started on the next working day would end too late for a decision by {@code dueBy}
     * @param lateReason {@code PAST_DUE} or {@code NO_TIME_TO_POST}; null when not late
     */
    public record RoundSummary(String id, String unitCode, String unitName, ReviewKind kind, LocalDate referenceDate,
            RoundState state, String standard, Instant openedAt, LocalDate postingStartedOn, LocalDate postingEndsOn,
            ReviewRound.DecisionInfo decision, LocalDate dueBy, boolean late, String lateReason, RoundCounts counts) {
    }

    /**
     * @param toSurvey the households of its list to survey without a survey yet
     */
    public record RoundCounts(long toSurvey, long drafts, long surveyed, long agreed, long backToSurvey,
            long complaintsOpen, long complaintsResolved) {
    }

    public enum Status { NOT_STARTED, IN_PROGRESS, DECIDED }

    /**
     * A commune on the board.
     *
     * @param late       its round's; for a commune without one, whether a round opened on the next working day could
     *                   still be posted and decided by the deadline ({@code NOT_STARTED_IN_TIME} when not)
     * @param round      its latest round of the board's kind and year; null when it has none
     */
    public record CommuneRow(String unitCode, String unitName, Status status, boolean late, String lateReason,
            RoundSummary round) {
    }

    public record Totals(long notStarted, long inProgress, long decided, long late) {
    }

    /**
     * @param deadline an annual board's 14 December; a monthly board's answer day of the review under way on
     *                 {@code date}
     */
    public record Board(LocalDate date, int year, LocalDate deadline, List<CommuneRow> communes, Totals totals) {
    }

    private record Late(String reason) {

        static final Late NOT = new Late(null);
    }

    private final ReviewStore store;
    private final SurveyLists lists;
    private final ReviewRequests requests;
    private final WorkingCalendar calendar;
    private final UnitCatalog units;
    private final ReviewService.ReviewProperties properties;
    private final Clock clock;

    RoundBoard(ReviewStore store, SurveyLists lists, ReviewRequests requests, WorkingCalendar calendar,
            UnitCatalog units, ReviewService.ReviewProperties properties, Clock clock) {
        this.store = store;
        this.lists = lists;
        this.requests = requests;
        this.calendar = calendar;
        this.units = units;
        this.properties = properties;
        this.clock = clock;
    }

    /** The rounds of a unit (null: of every unit) of a year (null: every year), newest first. */
    public List<RoundSummary> list(String unitCode, Integer year) {
        return summaries(store.rounds(unitCode, null, year == null ? null : LocalDate.of(year, 1, 1),
                year == null ? null : LocalDate.of(year, 12, 31)));
    }

    /**
     * Every commune-level unit in force on {@code date} that {@code mayActFor}, with its latest round of {@code kind}
     * in {@code date}'s year.
     */
    public Board board(LocalDate date, ReviewKind kind, Predicate<String> mayActFor) {
        int year = date.getYear();
        LocalDate deadline = kind == ReviewKind.ANNUAL ? ReviewRound.ANNUAL_TO.atYear(year)
                : requests.monthlyDueBy(date);
        List<AdministrativeUnit> communes = units.inForceOn(date).stream()
                .filter(u -> u.type().isCommuneLevel() && mayActFor.test(u.code()))
                .sorted(Comparator.comparing(AdministrativeUnit::code)).toList();
        Set<String> codes = new java.util.HashSet<>(communes.stream().map(AdministrativeUnit::code).toList());
        Map<String, ReviewRound> latest = new LinkedHashMap<>();
        for (ReviewRound round : store.rounds(null, kind, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            if (codes.contains(round.unitCode())) {
                latest.putIfAbsent(round.unitCode(), round);
            }
        }
        Map<String, RoundSummary> summaries = new HashMap<>();
        summaries(List.copyOf(latest.values())).forEach(s -> summaries.put(s.unitCode(), s));
        Late notStarted = notStartedLate(kind, date, deadline);
        List<CommuneRow> rows = new ArrayList<>();
        long[] totals = new long[4];
        for (AdministrativeUnit commune : communes) {
            RoundSummary round = summaries.get(commune.code());
            Status status = round == null ? Status.NOT_STARTED
                    : round.decision() != null ? Status.DECIDED : Status.IN_PROGRESS;
            String lateReason = round == null ? notStarted.reason() : round.lateReason();
            rows.add(new CommuneRow(commune.code(), commune.name(), status, lateReason != null, lateReason, round));
            totals[status.ordinal()]++;
            totals[3] += lateReason != null ? 1 : 0;
        }
        return new Board(date, year, deadline, rows, new Totals(totals[0], totals[1], totals[2], totals[3]));
    }

    private List<RoundSummary> summaries(List<ReviewRound> rounds) {
        List<String> ids = rounds.stream().map(ReviewRound::id).toList();
        Map<String, Map<String, SurveyStatus>> states = new HashMap<>();
        for (ReviewStore.SurveyState s : store.surveyStates(ids)) {
            states.computeIfAbsent(s.roundId(), r -> new HashMap<>()).put(s.householdId(), s.status());
        }
        Map<String, long[]> complaints = new HashMap<>();
        for (Complaint c : store.complaintsOf(ids)) {
            complaints.computeIfAbsent(c.roundId(), r -> new long[2])[c.status() == Complaint.Status.OPEN ? 0 : 1]++;
        }
        Map<String, Map<String, Set<SurveyLists.Why>>> listed = lists.reasons(rounds, new HashMap<>());
        LocalDate today = LocalDate.now(clock);
        List<RoundSummary> result = new ArrayList<>();
        for (ReviewRound r : rounds) {
            ReviewService.ListCounts counts = ReviewService.ListCounts.of(listed.get(r.id()).keySet(),
                    states.getOrDefault(r.id(), Map.of()));
            long[] complained = complaints.getOrDefault(r.id(), new long[2]);
            LocalDate dueBy = r.kind() == ReviewKind.ANNUAL ? ReviewRound.ANNUAL_TO.atYear(r.referenceDate().getYear())
                    : requests.monthlyDueBy(r.referenceDate());
            Late late = late(r, dueBy, today);
            result.add(new RoundSummary(r.id(), r.unitCode(), units.find(r.unitCode(), r.referenceDate())
                    .map(AdministrativeUnit::name).orElse(null), r.kind(), r.referenceDate(), r.state(), r.standard(),
                    r.openedAt(), r.postingStartedOn(), r.postingEndsOn(), r.decision(), dueBy, late.reason() != null,
                    late.reason(), new RoundCounts(counts.toSurvey(), counts.drafts(), counts.surveyed(),
                            counts.agreed(), counts.backToSurvey(), complained[0], complained[1])));
        }
        return result;
    }

    /** Whether a round is late on {@code today}, and why. */
    private Late late(ReviewRound round, LocalDate dueBy, LocalDate today) {
        if (round.decision() != null || dueBy == null) {
            return Late.NOT;
        }
        if (today.isAfter(dueBy)) {
            return new Late("PAST_DUE");
        }
        if (round.kind() == ReviewKind.ANNUAL && round.postingStartedOn() == null) {
            LocalDate decidable = firstDecisionDay(today, round.postingWorkingDays());
            if (decidable != null && decidable.isAfter(dueBy)) {
                return new Late("NO_TIME_TO_POST");
            }
        }
        return Late.NOT;
    }

    /**
     * A commune without a round on {@code date} is late when one opened on the next working day (an annual one not
     * before 1 September), posted that day for the configured working days, could not be decided by the deadline.
     */
    private Late notStartedLate(ReviewKind kind, LocalDate date, LocalDate deadline) {
        if (deadline == null) {
            return Late.NOT;
        }
        if (date.isAfter(deadline)) {
            return new Late("NOT_STARTED_IN_TIME");
        }
        LocalDate from = kind == ReviewKind.ANNUAL && date.isBefore(ReviewRound.ANNUAL_FROM.atYear(date.getYear()))
                ? ReviewRound.ANNUAL_FROM.atYear(date.getYear()).minusDays(1) : date;
        LocalDate decidable = firstDecisionDay(from, properties.postingWorkingDays());
        return decidable != null && decidable.isAfter(deadline) ? new Late("NOT_STARTED_IN_TIME") : Late.NOT;
    }

    /**
     * The first day a decision could be dated if the posting started on the first working day after {@code day}: the
     * day after its last working day. Null when the holidays of those days are not recorded.
     */
    private LocalDate firstDecisionDay(LocalDate day, int postingWorkingDays) {
        try {
            return calendar.addWorkingDays(calendar.workingDaysAfter(day, 1), postingWorkingDays).plusDays(1);
        } catch (WorkingCalendar.YearNotCovered e) {
            return null;
        }
    }
}
