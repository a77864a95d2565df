package vn.giamngheo.household.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.platform.units.UnitCatalog;

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
            String recordedBy, String recordedByName) {
    }

    /**
     * What a monthly round takes: the requests its unit received in its window, and when they are due.
     *
     * @param notSurveyed households with an open request in the window and no survey in the round yet
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
    private final Clock clock;

    ReviewRequests(ReviewRequestStore store, HouseholdRegistry registry, UnitCatalog units,
            ReviewService.ReviewProperties properties, WorkingCalendar calendar, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.units = units;
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
        ReviewRequest request = ReviewRequest.receive(householdId,
                units.coveringOn(household.unitCode(), receivedOn).orElse(household.unitCode()), form, receivedOn,
                channel, recordedBy, recordedByName, clock.instant(), today);
        if (form == ReviewRequest.Form.FORM_04) {
            HouseholdClass listed = household.classOn(receivedOn);
            if (listed != HouseholdClass.POOR && listed != HouseholdClass.NEAR_POOR) {
                throw ReviewRuleException.invalid("form", "Form 04 asks to leave the poor or near-poor list, and "
                        + "household " + householdId + " is not on it on " + receivedOn + " (its class: "
                        + (listed == null ? "none decided" : listed) + "); Form 01 asks for a review");
            }
        }
        boolean created = store.insertIfAbsent(request);
        return new Recorded(view(created ? request : store.find(request.id()).orElseThrow(), today), created);
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
                .map(r -> view(r, today)).toList();
        Set<String> surveyed = surveys.stream().map(Survey::householdId).collect(Collectors.toSet());
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
        return new RequestView(r.id(), r.householdId(), r.unitCode(), r.form(), r.receivedOn(), r.channel(),
                r.status(), start, due.dueBy(), overdue, late, due.note(), r.answer(), r.recordedBy(),
                r.recordedByName());
    }
}
