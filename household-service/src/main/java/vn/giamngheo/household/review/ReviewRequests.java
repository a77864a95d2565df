package vn.giamngheo.household.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.registry.CitizenIdRules;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.FieldProblem;

/**
 * Households' requests for a review and their answers: recorded at the commune, taken by the monthly review that
 * starts after them ({@link MonthlyCycle}), answered by a round's decision or refused in writing, and shown overdue once
 * the answer is late.
 */
@Service
public class ReviewRequests {

    /**
     * A request with its timing.
     *
     * @param reviewStartsOn the monthly review that takes it
     * @param dueBy          the last day of the chairman's answer; null when the holidays of that year are not recorded
     * @param overdue        still open after {@code dueBy}
     * @param answeredLate   answered after {@code dueBy}
     * @param dueByNote      why {@code dueBy} is provisional or unknown; null when it is settled
     */
    public record RequestView(String id, String householdId, String unitCode, ReviewRequest.Form form,
            LocalDate receivedOn, ReviewRequest.Channel channel, ReviewRequest.Status status, LocalDate reviewStartsOn,
            LocalDate dueBy, boolean overdue, boolean answeredLate, String dueByNote, ReviewRequest.Answer answer,
            String recordedBy, String recordedByName, String receiptNumber, String headName, String village,
            String citizenIdMasked, String phone, String suggestedHouseholdId) {

        /** Without what identifies the sender of an online request: for callers who see no names (a service). */
        public RequestView withoutSender() {
            return new RequestView(id, householdId, unitCode, form, receivedOn, channel, status, reviewStartsOn, dueBy,
                    overdue, answeredLate, dueByNote, answer, recordedBy, recordedByName, receiptNumber, null, null,
                    null, null, null);
        }
    }

    /**
     * What the sender of an online request is told: never whether the citizen id matches a household.
     *
     * @param reviewStartsOn the monthly review that takes it
     * @param dueBy          the last day of the commune's answer; null when the holidays of that year are not recorded
     */
    public record Receipt(String receiptNumber, LocalDate receivedOn, String unitName, LocalDate reviewStartsOn,
            LocalDate dueBy) {
    }

    /** @param created false when the same person had sent the same form for the same unit that day */
    public record Submitted(Receipt receipt, boolean created) {
    }

    /** An online request as typed on the public page; {@code phone} may be null. */
    public record Submission(String unitCode, String village, String headName, String citizenId, String phone,
            ReviewRequest.Form form) {
    }

    /**
     * What a monthly round takes: the requests its unit received in its window, and when they are due.
     *
     * @param notSurveyed households with an open request in the window and no survey in the round yet (a draft is not
     *                    one)
     * @param overdue     requests of the window still open after {@code dueBy}
     */
    public record RoundRequests(LocalDate reviewStartsOn, LocalDate receivedFrom, LocalDate receivedTo,
            LocalDate dueBy, String dueByNote, List<RequestView> requests, List<String> notSurveyed, long overdue) {
    }

    /** @param created false when the same request had been recorded before */
    public record Recorded(RequestView request, boolean created) {
    }

    private final ReviewRequestStore store;
    private final HouseholdRegistry registry;
    private final UnitCatalog units;
    private final MonthlyCycle cycle;
    private final WorkingCalendar calendar;
    private final Set<String> signerRoles;
    private final CitizenIdRules citizenIds;
    private final Clock clock;

    ReviewRequests(ReviewRequestStore store, HouseholdRegistry registry, UnitCatalog units,
            ReviewService.ReviewProperties properties, WorkingCalendar calendar, CitizenIdRules citizenIds,
            Clock clock) {
        this.store = store;
        this.registry = registry;
        this.units = units;
        this.citizenIds = citizenIds;
        this.cycle = properties.monthly();
        this.signerRoles = properties.signerRoles();
        this.calendar = calendar;
        this.clock = clock;
    }

    public Recorded record(String householdId, ReviewRequest.Form form, LocalDate receivedOn,
            ReviewRequest.Channel channel, String recordedBy, String recordedByName) {
        Household household = household(householdId);
        if (household.status() != HouseholdStatus.ACTIVE) {
            throw ReviewRuleException.invalid("householdId", "household " + householdId
                    + " is no longer in the registry");
        }
        LocalDate today = LocalDate.now(clock);
        ReviewRequest request = ReviewRequest.receive(householdId, unitOn(household, receivedOn), form, receivedOn,
                channel, recordedBy, recordedByName, clock.instant(), today);
        requireListedForForm04(household, form, receivedOn, "form");
        Optional<ReviewRequest> before = store.sameRequest(householdId, form, receivedOn);
        if (before.isPresent()) {
            return new Recorded(view(before.get(), today), false);
        }
        boolean created = store.insertIfAbsent(request);
        return new Recorded(view(created ? request : store.find(request.id()).orElseThrow(), today), created);
    }

    /** The unit a household's request of {@code date} belongs to: the one covering the household's unit that day. */
    private String unitOn(Household household, LocalDate date) {
        return units.coveringOn(household.unitCode(), date).orElse(household.unitCode());
    }

    /** Form 04 asks to leave the list: only for a household on the poor or near-poor list on {@code date}. */
    private static void requireListedForForm04(Household household, ReviewRequest.Form form, LocalDate date,
            String field) {
        if (form != ReviewRequest.Form.FORM_04) {
            return;
        }
        HouseholdClass listed = household.classOn(date);
        if (listed != HouseholdClass.POOR && listed != HouseholdClass.NEAR_POOR) {
            throw ReviewRuleException.invalid(field, "Form 04 asks to leave the poor or near-poor list, and household "
                    + household.id() + " is not on it on " + date + " (its class: "
                    + (listed == null ? "none decided" : listed) + "); Form 01 asks for a review");
        }
    }

    /**
     * What is wrong with an online request beyond its shape, each naming its field: the unit must be a commune-level
     * unit in force today, the citizen id a possible one (12 digits, a province code first), the phone a Vietnamese
     * mobile number. Says nothing about whether the citizen id is a registered person's.
     */
    public List<FieldProblem> problems(Submission submission) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Optional<AdministrativeUnit> unit = units.find(submission.unitCode(), today);
        if (unit.isEmpty()) {
            problems.add(new FieldProblem("unitCode", "no administrative unit with code " + submission.unitCode()
                    + " is in force today (" + today + ")"));
        } else if (!unit.get().type().isCommuneLevel()) {
            problems.add(new FieldProblem("unitCode", submission.unitCode() + " (" + unit.get().name()
                    + ") is not a commune-level unit: a request goes to the commune or ward"));
        }
        citizenIds.malformed(submission.citizenId())
                .ifPresent(m -> problems.add(new FieldProblem("citizenId", m.reason())));
        if (submission.phone() != null && !submission.phone().isBlank() && mobile(submission.phone()) == null) {
            problems.add(new FieldProblem("phone", "must be a Vietnamese mobile number, e.g. 0912345678 or "
                    + "+84912345678"));
        }
        return problems;
    }

    private static final Pattern MOBILE = Pattern.compile("(?:\\+84|84|0)([35789]\\d{8})");

    /** A mobile number as 0 and 9 digits, separators dropped; null when it is not one. */
    private static String mobile(String phone) {
        Matcher m = MOBILE.matcher(phone.replaceAll("[\\s.()-]", ""));
        return m.matches() ? "0" + m.group(1) : null;
    }

    /**
     * Records an online request (check {@link #problems} first) under a new receipt number, awaiting an officer's
     * verification. The same citizen id, unit and form again the same day (before it is verified): the same receipt.
     */
    public Submitted submit(Submission submission) {
        LocalDate today = LocalDate.now(clock);
        String key = submission.citizenId() + "|" + submission.unitCode() + "|" + submission.form() + "|" + today;
        Optional<ReviewRequest> before = store.submission(key).flatMap(store::find);
        if (before.isPresent()) {
            return new Submitted(receipt(before.get()), false);
        }
        String series = submission.unitCode() + "-" + today.format(DateTimeFormatter.ofPattern("yyMM"));
        String number = "TD-" + series + "-" + String.format("%04d", store.nextReceipt(series));
        String holder = store.claimSubmission(key, number);
        if (!holder.equals(number)) {
            before = store.find(holder);
            if (before.isPresent()) {
                return new Submitted(receipt(before.get()), false);
            }
            number = holder; // claimed, but its request was never written: write it now
        }
        String phone = submission.phone() == null || submission.phone().isBlank() ? null : mobile(submission.phone());
        ReviewRequest request = ReviewRequest.online(ReviewRequest.Applicant.of(number, submission.headName().strip(),
                submission.village().strip(), submission.citizenId(), phone), submission.unitCode(),
                submission.form(), today, clock.instant());
        boolean created = store.insertIfAbsent(request);
        return new Submitted(receipt(created ? request : store.find(number).orElseThrow()), created);
    }

    private Receipt receipt(ReviewRequest r) {
        LocalDate start = cycle.reviewTaking(r.receivedOn());
        return new Receipt(r.applicant().receiptNumber(), r.receivedOn(),
                units.find(r.unitCode(), r.receivedOn()).map(AdministrativeUnit::name).orElse(r.unitCode()), start,
                due(start).dueBy());
    }

    /**
     * An officer matched an online request to a household of its unit: it becomes that household's open request
     * received on the day it was sent. When the household already has a request of that form and day, that one
     * answers and the online one is closed as its repeat ({@code created} false).
     */
    public Recorded verify(String id, String householdId, String officer, String officerName) {
        ReviewRequest online = request(id);
        online.requireAwaitingVerification();
        LocalDate today = LocalDate.now(clock);
        Household household = registry.find(householdId).filter(h -> h.status() == HouseholdStatus.ACTIVE)
                .filter(h -> unitOn(h, online.receivedOn()).equals(online.unitCode()))
                .orElseThrow(() -> ReviewRuleException.invalid("householdId", "'" + householdId + "' is not an active "
                        + "household of unit " + online.unitCode()));
        requireListedForForm04(household, online.form(), online.receivedOn(), "householdId");
        Optional<ReviewRequest> same = store.sameRequest(householdId, online.form(), online.receivedOn());
        if (same.isPresent()) {
            store.update(online.rejected("the same as request " + same.get().id() + " of the household, recorded "
                    + "before", officer, officerName, today));
            store.releaseSubmissions(id);
            return new Recorded(view(same.get(), today), false);
        }
        ReviewRequest verified = online.verified(householdId, officer, officerName);
        store.update(verified);
        store.releaseSubmissions(id);
        return new Recorded(view(verified, today), true);
    }

    /** An officer could not match an online request to a household of its unit: closed with the reason. */
    public RequestView reject(String id, String reason, String officer, String officerName) {
        LocalDate today = LocalDate.now(clock);
        ReviewRequest rejected = request(id).rejected(reason, officer, officerName, today);
        store.update(rejected);
        store.releaseSubmissions(id);
        return view(rejected, today);
    }

    /** The chairman's written refusal, with its reasons (Decision 24/2021 Art. 5 cl. 2). */
    public RequestView refuse(String id, String number, LocalDate date, String signerRole, String reasons) {
        if (!signerRoles.contains(signerRole)) {
            throw ReviewRuleException.invalid("signerRole", "'" + signerRole + "' may not sign the answer (roles: "
                    + String.join(", ", signerRoles) + ")");
        }
        LocalDate today = LocalDate.now(clock);
        ReviewRequest refused = request(id).refuse(number, date, signerRole, reasons, today);
        store.update(refused);
        return view(refused, today);
    }

    public ReviewRequest request(String id) {
        return store.find(id).orElseThrow(() -> new ReviewRuleException(ReviewRuleException.Kind.NOT_FOUND, "id",
                "review request " + id + " was not found"));
    }

    public RequestView view(String id) {
        return view(request(id), LocalDate.now(clock));
    }

    /**
     * The requests of a unit (null: every unit), received in [from, to], with the given status; {@code overdueOnly}
     * keeps those still open after their answer was due.
     */
    public List<RequestView> list(String unitCode, ReviewRequest.Status status, boolean overdueOnly, LocalDate from,
            LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        return store.ofUnit(unitCode, from, to).stream()
                .filter(r -> status == null || r.status() == status)
                .map(r -> view(r, today))
                .filter(v -> !overdueOnly || v.overdue())
                .toList();
    }

    /** The requests a monthly round takes: those its unit received in the month before the review it belongs to. */
    RoundRequests ofRound(ReviewRound round, Collection<Survey> surveys) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = cycle.reviewUnderWayOn(round.referenceDate());
        MonthlyCycle.Window window = cycle.window(start);
        Due due = due(start);
        List<RequestView> taken = store.ofUnit(round.unitCode(), window.from(), window.to()).stream()
                .filter(r -> r.householdId() != null) // online ones are a household's once verified
                .map(r -> view(r, today)).toList();
        Set<String> surveyed = surveys.stream().filter(s -> s.status() != SurveyStatus.DRAFT).map(Survey::householdId)
                .collect(Collectors.toSet());
        List<String> notSurveyed = taken.stream().filter(r -> r.status() == ReviewRequest.Status.OPEN)
                .map(RequestView::householdId).filter(h -> !surveyed.contains(h)).distinct().toList();
        return new RoundRequests(start, window.from(), window.to(), due.dueBy(), due.note(), taken, notSurveyed,
                taken.stream().filter(RequestView::overdue).count());
    }

    /**
     * The requests each round takes to survey (one query for all of them): those its unit received in the round's
     * window — an annual round's year, a monthly round's month before it started ({@link MonthlyCycle#window}) — still
     * open, or answered by the round's own decision. Keyed by round id.
     */
    Map<String, List<ReviewRequest>> takenBy(Collection<ReviewRound> rounds) {
        Map<String, List<ReviewRequest>> taken = new HashMap<>();
        if (rounds.isEmpty()) {
            return taken;
        }
        Map<String, MonthlyCycle.Window> windows = new HashMap<>();
        for (ReviewRound round : rounds) {
            windows.put(round.id(), window(round));
            taken.put(round.id(), new ArrayList<>());
        }
        LocalDate from = windows.values().stream().map(MonthlyCycle.Window::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = windows.values().stream().map(MonthlyCycle.Window::to).max(LocalDate::compareTo).orElseThrow();
        Set<String> unitCodes = rounds.stream().map(ReviewRound::unitCode).collect(Collectors.toSet());
        Map<String, List<ReviewRound>> byUnit = rounds.stream().collect(Collectors.groupingBy(ReviewRound::unitCode));
        for (ReviewRequest r : store.ofUnit(unitCodes.size() == 1 ? unitCodes.iterator().next() : null, from, to)) {
            for (ReviewRound round : byUnit.getOrDefault(r.unitCode(), List.of())) {
                boolean mine = r.status() == ReviewRequest.Status.OPEN
                        || (r.answer() != null && round.id().equals(r.answer().roundId()));
                if (mine && r.householdId() != null && windows.get(round.id()).contains(r.receivedOn())) {
                    taken.get(round.id()).add(r);
                }
            }
        }
        return taken;
    }

    /** The requests a round takes: an annual round's year, a monthly round's window. */
    private MonthlyCycle.Window window(ReviewRound round) {
        int year = round.referenceDate().getYear();
        return round.kind() == ReviewKind.ANNUAL
                ? new MonthlyCycle.Window(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                : cycle.window(cycle.reviewUnderWayOn(round.referenceDate()));
    }

    /**
     * The last day of the answer to the requests of the monthly review under way on {@code date}; null when the
     * holidays of that year are not recorded.
     */
    LocalDate monthlyDueBy(LocalDate date) {
        return due(cycle.reviewUnderWayOn(date)).dueBy();
    }

    /** A decision answers every open request its households filed up to the decision's date. */
    void answeredByDecision(String roundId, String number, LocalDate date, String signerRole,
            Collection<String> householdIds) {
        for (ReviewRequest open : store.openOf(householdIds)) {
            if (open.answerableBy(date)) {
                store.update(open.decided(roundId, number, date, signerRole));
            }
        }
    }

    private Household household(String householdId) {
        return registry.find(householdId).orElseThrow(() -> new ReviewRuleException(
                ReviewRuleException.Kind.NOT_FOUND, "householdId", "household " + householdId + " was not found"));
    }

    private record Due(LocalDate dueBy, String note) {
    }

    private Due due(LocalDate reviewStart) {
        try {
            LocalDate dueBy = cycle.answerDueBy(reviewStart, calendar);
            return new Due(dueBy, calendar.provisionalBetween(reviewStart, dueBy)
                    ? "counted with public holidays that are provisional in the holidays file" : null);
        } catch (WorkingCalendar.YearNotCovered e) {
            return new Due(null, e.getMessage());
        }
    }

    private RequestView view(ReviewRequest r, LocalDate today) {
        LocalDate start = cycle.reviewTaking(r.receivedOn());
        Due due = due(start);
        boolean overdue = due.dueBy() != null && r.status() == ReviewRequest.Status.OPEN && today.isAfter(due.dueBy());
        boolean late = due.dueBy() != null && r.answer() != null && r.answer().date().isAfter(due.dueBy());
        ReviewRequest.Applicant a = r.applicant();
        return new RequestView(r.id(), r.householdId(), r.unitCode(), r.form(), r.receivedOn(), r.channel(),
                r.status(), start, due.dueBy(), overdue, late, due.note(), r.answer(), r.recordedBy(),
                r.recordedByName(), a == null ? null : a.receiptNumber(), a == null ? null : a.headName(),
                a == null ? null : a.village(), a == null ? null : a.citizenIdMasked(), a == null ? null : a.phone(),
                suggestion(r));
    }

    /** For an online request awaiting verification: the active household of its unit with that citizen id. */
    private String suggestion(ReviewRequest r) {
        if (r.status() != ReviewRequest.Status.AWAITING_VERIFICATION || r.applicant().citizenId() == null) {
            return null;
        }
        return registry.activeHouseholdOf(r.applicant().citizenId())
                .filter(h -> unitOn(h, r.receivedOn()).equals(r.unitCode())).map(Household::id).orElse(null);
    }
}
