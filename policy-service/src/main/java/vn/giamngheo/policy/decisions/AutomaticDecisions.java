package vn.giamngheo.policy.decisions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.policy.catalog.EligibilityEvaluator;
import vn.giamngheo.policy.catalog.EligibilityFacts;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.catalog.PolicyVersion;
import vn.giamngheo.policy.catalog.Schedule;
import vn.giamngheo.policy.eligibility.EligibilityView;
import vn.giamngheo.policy.eligibility.EligibilityViews;
import vn.giamngheo.policy.eligibility.Reconciler;

/**
 * Brings a household's decisions in line with what the policies in force say — grants, changed entitlements,
 * revocations — each written with its events in one document:
 * <ul>
 * <li>after each household event, on the event's effective date;</li>
 * <li>on each later day that matters, up to today: a member's birthday (turning 6, 60, 70, 75, 80), the end of the
 * 36-month newly-escaped window, a policy version or an amount starting or ending. The view keeps the next such day
 * ({@code nextReviewOn}); the daily job and each event catch up to today.</li>
 * </ul>
 * Automatic decisions are granted here; decisions on an approved application are only changed or revoked here, and
 * only when they pay something regularly (a loan or a one-off grant stays as approved). Reconciling twice changes
 * nothing, so a redelivered or replayed event is harmless.
 *
 * <p>Work is done a pass at a time over many households ({@link #decide}): their views and decisions are read in one
 * query each, every event and day that matters is worked through in memory in its order ({@link HouseholdDecisions}),
 * the decisions are written in one bulk write, and the households another writer changed meanwhile are read and
 * worked through again. The reconciliation marks are written last ({@link #mark}), so a pass interrupted before them is
 * done again by the redelivery.
 */
@Service
public class AutomaticDecisions implements Reconciler {

    private static final Logger log = LoggerFactory.getLogger(AutomaticDecisions.class);
    public static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    /** Passes over the households another writer changed meanwhile, in all. */
    private static final int ATTEMPTS = 3;
    /** Households per pass of the daily job. */
    private static final int CHUNK = 500;

    private final DecisionStore store;
    private final EligibilityViews views;
    private final EligibilityEvaluator evaluator;
    private final PolicyCatalog catalog;
    private final Clock clock;
    /** One household is worked on by one thread at a time (the event consumers, the daily job, a facts update). */
    private final ReentrantLock[] locks = new ReentrantLock[256];

    AutomaticDecisions(DecisionStore store, EligibilityViews views, EligibilityEvaluator evaluator,
            PolicyCatalog catalog, Clock clock) {
        this.store = store;
        this.views = views;
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code body} holding the households' locks (taken in one order, so two passes cannot wait on each other). */
    <T> T locked(Collection<String> householdIds, Supplier<T> body) {
        TreeSet<Integer> stripes = new TreeSet<>();
        householdIds.forEach(id -> stripes.add(Math.floorMod(id.hashCode(), locks.length)));
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (int stripe : stripes) {
                locks[stripe].lock();
                held.add(locks[stripe]);
            }
            return body.get();
        } finally {
            held.reversed().forEach(ReentrantLock::unlock);
        }
    }

    /**
     * One pass: reads the views and the decisions of those of {@code householdIds} that are in {@code reading} (one
     * query for the views, two for the decisions; the others start from no view and no decisions), works through each household with {@code step}, writes every decision changed in one bulk write, and works
     * through again, from what is stored then, the households of which a decision was changed meanwhile by another
     * writer. Call it holding the households' {@linkplain #locked locks}; the caller writes the views' own changes and
     * then {@linkplain #mark the marks}.
     *
     * @return the households as the pass left them; those still conflicting after the last attempt are logged and left
     */
    Map<String, HouseholdDecisions> decide(Collection<String> householdIds, Collection<String> reading,
            Consumer<HouseholdDecisions> step) {
        Map<String, HouseholdDecisions> done = new LinkedHashMap<>();
        Set<String> remaining = new LinkedHashSet<>(householdIds);
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            List<String> read = remaining.stream().filter(reading::contains).toList();
            Map<String, EligibilityView> views = this.views.loadAll(read);
            Map<String, List<BenefitDecision>> decisions = store.ofHouseholds(read);
            List<Change<BenefitDecision>> changes = new ArrayList<>();
            Map<String, String> householdOf = new HashMap<>();
            for (String householdId : remaining) {
                HouseholdDecisions household = new HouseholdDecisions(householdId, views.get(householdId),
                        decisions.getOrDefault(householdId, List.of()));
                step.accept(household);
                done.put(householdId, household);
                household.changes().forEach(c -> {
                    changes.add(c);
                    householdOf.put(c.after().id(), householdId);
                });
            }
            DecisionStore.Written written = store.write(changes);
            remaining = new LinkedHashSet<>();
            for (String conflicted : written.conflicted()) {
                remaining.add(householdOf.get(conflicted));
            }
            if (!remaining.isEmpty() && attempt == ATTEMPTS) {
                log.info("Decisions of households {} kept changing meanwhile; left as they are", remaining);
                break;
            }
        }
        return done;
    }

    /** Writes the reconciliation marks the pass moved (the last write of a pass). */
    void mark(Collection<HouseholdDecisions> households) {
        views.mark(households.stream().filter(HouseholdDecisions::marked).map(h -> h.view).toList());
    }

    /** A pass over households, marks included, holding their locks. */
    private Map<String, HouseholdDecisions> pass(Collection<String> householdIds,
            Consumer<HouseholdDecisions> step) {
        return locked(householdIds, () -> {
            Map<String, HouseholdDecisions> done = decide(householdIds, householdIds, step);
            mark(done.values());
            return done;
        });
    }

    /** After a household event: on its effective date unless already done, then up to today. */
    public void reconcile(String householdId) {
        pass(List.of(householdId), this::reconcile);
    }

    /** {@link #reconcile(String)} within a pass, with the view as the pass has it. */
    void reconcile(HouseholdDecisions household) {
        EligibilityView view = household.known();
        if (view == null) {
            return;
        }
        long sequence = view.sequence();
        Long reconciled = view.reconciledSequence();
        LocalDate next = view.nextReviewOn();
        if (reconciled == null || reconciled < sequence) {
            LocalDate on = view.effectiveDate();
            // A class decision's days that matter before it takes effect come first, under the class in force
            // then: a child's birthday on 20 December still counts in the poor household's year that an annual
            // decision of 10 December ends on 1 January. (Other events' facts, members above all, hold from their
            // own date only.)
            boolean newClass = view.previousClass() != null && on.equals(view.classifiedSince());
            while (newClass && next != null && next.isBefore(on)) {
                bringInLine(household, next);
                next = nextDayThatMatters(view, next);
            }
            bringInLine(household, on);
            next = nextDayThatMatters(view, on);
            household.view = view.reconciled(sequence, next);
        }
        LocalDate today = LocalDate.now(clock);
        if (next != null && !next.isAfter(today)) {
            catchUp(household, today); // only when a day that matters has already come
        }
    }

    /** After a department recorded facts of the household, valid from {@code from}. */
    @Override
    public void factsChanged(String householdId, LocalDate from) {
        pass(List.of(householdId), household -> {
            EligibilityView view = household.known();
            if (view == null) {
                throw new java.util.NoSuchElementException("No view of household " + householdId);
            }
            LocalDate effective = view.effectiveDate();
            LocalDate on = from.isBefore(effective) ? effective : from;
            bringInLine(household, on);
            household.view = view.scheduled(nextDayThatMatters(view, on));
            catchUp(household, LocalDate.now(clock));
        });
    }

    /**
     * After a decision the household's rules read (a social pension, social assistance) started or ended on
     * {@code from}, here or in another department's instance: reconciled from that day if it has come, else on it.
     */
    public void receiptsChanged(String householdId, LocalDate from) {
        pass(List.of(householdId), household -> receiptsChanged(household, from));
    }

    /** {@link #receiptsChanged(String, LocalDate)} within a pass. */
    void receiptsChanged(HouseholdDecisions household, LocalDate from) {
        EligibilityView view = household.known();
        if (view == null || view.classification() == null || view.effectiveDate() == null) {
            return; // the household events reconcile it when they come, receipts included
        }
        LocalDate today = LocalDate.now(clock);
        if (from.isAfter(today)) {
            LocalDate stored = view.nextReviewOn();
            if (stored == null || stored.isAfter(from)) {
                household.view = view.scheduled(from);
            }
            return;
        }
        LocalDate effective = view.effectiveDate();
        LocalDate on = from.isBefore(effective) ? effective : from;
        bringInLine(household, on);
        household.view = view.scheduled(nextDayThatMatters(view, on));
        catchUp(household, today);
    }

    /**
     * Reconciles the household on each day that matters up to {@code until}, in order.
     *
     * @return the number of days reconciled
     */
    public int catchUp(String householdId, LocalDate until) {
        return catchUpAll(List.of(householdId), until);
    }

    /**
     * {@link #catchUp(String, LocalDate)} for many households, a pass of {@value #CHUNK} at a time.
     *
     * @return the number of days reconciled in all
     */
    public int catchUpAll(List<String> householdIds, LocalDate until) {
        return counted(householdIds, household -> catchUp(household, until));
    }

    /** {@code work} over households, a pass of {@value #CHUNK} at a time: the sum of what it counts for each. */
    private int counted(List<String> householdIds, java.util.function.ToIntFunction<HouseholdDecisions> work) {
        int total = 0;
        for (int i = 0; i < householdIds.size(); i += CHUNK) {
            Map<String, Integer> counted = new HashMap<>();
            pass(householdIds.subList(i, Math.min(householdIds.size(), i + CHUNK)),
                    household -> counted.put(household.householdId(), work.applyAsInt(household)));
            total += counted.values().stream().mapToInt(Integer::intValue).sum();
        }
        return total;
    }

    private int catchUp(HouseholdDecisions household, LocalDate until) {
        int days = 0;
        while (true) {
            EligibilityView view = household.known();
            LocalDate next = view == null ? null : view.nextReviewOn();
            if (next == null || next.isAfter(until)) {
                return days;
            }
            bringInLine(household, next);
            household.view = view.scheduled(nextDayThatMatters(view, next));
            days++;
        }
    }

    private void bringInLine(HouseholdDecisions household, LocalDate on) {
        EligibilityView view = household.known();
        if (view.classification() == null) {
            return; // not classified yet: nothing to decide
        }
        boolean removed = view.removedOn() != null && !on.isBefore(view.removedOn());
        List<EligibilityEvaluator.Decision> eligible = removed ? List.of() : evaluator.eligible(facts(view, on), on);
        apply(household, eligible, on, removed
                ? "Hộ không còn trong danh sách hộ gia đình từ " + VN_DATE.format(on) + "." : basis(view), null);
    }

    /**
     * After the policy files changed: what the household should have received under the files now in force and does
     * not is granted from the day it should have started, and followed to today with its changes (so a top-up revoked
     * on a date a file has since moved is given back from that date, with its events); then every decision is brought
     * in line as of today. Only automatic decisions outside exclusive groups are given back; only days since the
     * household's class began are looked at, since what the view knows of earlier days is not kept.
     *
     * @return the number of decisions granted from a past day
     */
    public int catalogChanged(String householdId, LocalDate today) {
        return catalogChangedAll(List.of(householdId), today);
    }

    /** {@link #catalogChanged(String, LocalDate)} for many households, a pass of {@value #CHUNK} at a time. */
    public int catalogChangedAll(List<String> householdIds, LocalDate today) {
        return counted(householdIds, household -> catalogChanged(household, today));
    }

    private int catalogChanged(HouseholdDecisions household, LocalDate today) {
        EligibilityView view = household.known();
        if (view == null || view.classification() == null || view.removedOn() != null
                || view.classifiedSince() == null) {
            return 0;
        }
        LocalDate since = view.classifiedSince();
        List<BenefitDecision> decisions = List.copyOf(household.decisions());
        List<String> beneficiaries = new ArrayList<>(List.of("HOUSEHOLD"));
        view.members().forEach(m -> beneficiaries.add(m.personId()));
        Map<String, LocalDate> starts = new HashMap<>();
        catalog.all().stream().filter(v -> !v.applicationRequired() && v.exclusiveGroup() == null)
                .map(PolicyVersion::code).distinct().forEach(code -> {
                    for (String beneficiary : beneficiaries) {
                        List<BenefitDecision> earlier = decisions.stream().filter(d -> d.policyCode().equals(code)
                                && d.beneficiary().equals(beneficiary)).toList();
                        if (earlier.stream().noneMatch(d -> d.status() == BenefitDecision.Status.ACTIVE)) {
                            LocalDate start = since;
                            for (BenefitDecision d : earlier) {
                                if (d.validTo() != null && d.validTo().plusDays(1).isAfter(start)) {
                                    start = d.validTo().plusDays(1);
                                }
                            }
                            if (!start.isAfter(today)) {
                                starts.put(code + ":" + beneficiary, start);
                            }
                        }
                    }
                });
        int restored = starts.isEmpty() ? 0 : giveBack(household, starts, today);
        bringInLine(household, today);
        EligibilityView after = household.known();
        LocalDate stored = after.nextReviewOn();
        LocalDate next = nextDayThatMatters(after, today);
        if (next != null && (stored == null || next.isBefore(stored))) {
            household.view = after.scheduled(next);
        }
        return restored;
    }

    /**
     * Follows each policy and beneficiary ({@code CODE:beneficiary}) from its start to {@code today}, one evaluation
     * per day that matters: granted the first day it holds, then changed and revoked as the days say.
     */
    private int giveBack(HouseholdDecisions household, Map<String, LocalDate> starts, LocalDate today) {
        EligibilityView view = household.known();
        String householdId = household.householdId();
        String basis = basis(view);
        Map<String, BenefitDecision> current = new HashMap<>();
        int granted = 0;
        LocalDate day = starts.values().stream().min(LocalDate::compareTo).orElseThrow();
        while (day != null && !day.isAfter(today)) {
            LocalDate on = day;
            Map<String, EligibilityEvaluator.Decision> eligible = new HashMap<>();
            evaluator.eligible(facts(view, on), on).forEach(d -> eligible.put(d.policyCode() + ":" + d.beneficiary(), d));
            for (Map.Entry<String, LocalDate> pair : starts.entrySet()) {
                if (pair.getValue().isAfter(on)) {
                    continue;
                }
                EligibilityEvaluator.Decision want = eligible.get(pair.getKey());
                BenefitDecision have = current.get(pair.getKey());
                if (have == null && want != null) {
                    String personId = want.beneficiary().equals("HOUSEHOLD") ? null : want.beneficiary();
                    BenefitDecision grant = granted(householdId, personId, want, entitlement(want),
                            want.reason() + " " + basis, on);
                    if (!household.grant(grant, grantedEvent(grant))) {
                        continue; // given back by an earlier run
                    }
                    current.put(pair.getKey(), grant);
                    granted++;
                } else if (have != null && want == null) {
                    revoke(household, have, on, "Không còn đủ điều kiện từ " + VN_DATE.format(on) + ". " + basis);
                    current.remove(pair.getKey());
                } else if (have != null && (!have.entitlement().equals(entitlement(want))
                        || !have.policyVersion().equals(want.policyVersion()))) {
                    Entitlement entitlement = entitlement(want);
                    String reason = want.reason() + " " + basis;
                    BenefitDecision changed = have.changed(on, want.policyVersion(), entitlement, reason);
                    household.change(changed, new Change.Event<>(EventTypes.BENEFIT_CHANGED, new BenefitChanged(
                            have.id(), changed.version(), have.policyCode(), want.policyVersion(), want.department(),
                            householdId, have.personId(), on, have.entitlement(), entitlement, reason)));
                    current.put(pair.getKey(), changed);
                }
            }
            LocalDate next = nextDayThatMatters(view, on);
            for (LocalDate start : starts.values()) {
                if (start.isAfter(on) && (next == null || start.isBefore(next))) {
                    next = start;
                }
            }
            day = next;
        }
        return granted;
    }

    /** The next day after {@code after} on which the household's decisions may change without an event; or null. */
    LocalDate nextDayThatMatters(EligibilityView view, LocalDate after) {
        if (view.classification() == null || view.removedOn() != null) {
            return null;
        }
        LocalDate next = null;
        SortedSet<LocalDate> policyDays = catalog.changeDates().tailSet(after.plusDays(1));
        if (!policyDays.isEmpty()) {
            next = policyDays.first();
        }
        for (EligibilityView.Member m : view.members()) {
            next = earlier(next, nextBirthday(m.dateOfBirth(), after));
        }
        for (EligibilityFacts.Receipt r : view.receivedBenefits()) {
            for (LocalDate day : new LocalDate[] {r.from(), r.to() == null ? null : r.to().plusDays(1)}) {
                if (day != null && day.isAfter(after)) {
                    next = earlier(next, day);
                }
            }
        }
        LocalDate escaped = view.escapedPovertyOn();
        if (escaped != null) {
            LocalDate windowEnds = escaped.plusMonths(EligibilityFacts.NEWLY_ESCAPED_MONTHS);
            if (windowEnds.isAfter(after)) {
                next = earlier(next, windowEnds);
            }
        }
        LocalDate since = view.classifiedSince();
        if (since != null && since.isAfter(after)) {
            next = earlier(next, since); // a decided class that takes effect later
        }
        return next;
    }

    /** The first day after {@code after} on which a person born on {@code born} is a year older. */
    static LocalDate nextBirthday(LocalDate born, LocalDate after) {
        int years = Math.max(0, Period.between(born, after).getYears()) + 1;
        LocalDate day = born.plusYears(years);
        // Born on 29 February: in other years the age changes on 1 March.
        return Period.between(born, day).getYears() < years ? day.plusDays(1) : day;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** Why, in the citizen's terms: the class and the commune decision that recognised it. */
    private static String basis(EligibilityView view) {
        String classVi = switch (view.classification()) {
            case "POOR" -> "hộ nghèo";
            case "NEAR_POOR" -> "hộ cận nghèo";
            case "MIDDLE" -> "hộ có mức sống trung bình";
            default -> "hộ không thuộc diện nghèo, cận nghèo";
        };
        String number = view.classDecision().decisionNumber();
        return number == null ? "Căn cứ: " + classVi + "."
                : "Căn cứ: " + classVi + " theo Quyết định " + number + " ngày "
                        + VN_DATE.format(view.classDecision().decisionDate()) + ".";
    }

    /** A decision on an approved loan or one-off grant stays as approved whatever happens to the household later. */
    private boolean settled(BenefitDecision d) {
        if (d.applicationId() == null) {
            return false;
        }
        Schedule schedule = catalog.version(d.policyVersion()).map(v -> v.schedule()).orElse(Schedule.NONE);
        return schedule == Schedule.NONE || schedule == Schedule.ONCE;
    }

    /**
     * Grants, changes and revokes so that the household's decisions are {@code eligible} from {@code on}. Of an
     * exclusive group only what is paid competes — automatic decisions and those held — and the highest stays; a lower
     * one held is revoked, naming the one that outranks it.
     *
     * @param onlyCodes null for every policy; else only these policies' decisions are touched
     */
    private void apply(HouseholdDecisions household, List<EligibilityEvaluator.Decision> eligible, LocalDate on,
            String basis, Set<String> onlyCodes) {
        String householdId = household.householdId();
        Map<String, BenefitDecision> active = new HashMap<>();
        for (BenefitDecision d : household.decisions()) {
            // In force on that day, including a decision already revoked from a later day (a class that changes on
            // 1 January): it still pays until then and must not be granted twice.
            if (!settled(d) && d.on(on) != null && (onlyCodes == null || onlyCodes.contains(d.policyCode()))) {
                active.put(d.policyCode() + ":" + d.beneficiary(), d);
            }
        }
        List<EligibilityEvaluator.Decision> wanted = eligible.stream()
                .filter(d -> onlyCodes == null || onlyCodes.contains(d.policyCode())).toList();
        Set<String> held = active.keySet();
        List<EligibilityEvaluator.Decision> paid = EligibilityEvaluator.onlyTheHighest(wanted,
                d -> !d.applicationRequired() || held.contains(d.policyCode() + ":" + d.beneficiary()),
                d -> held.contains(d.policyCode() + ":" + d.beneficiary()));
        Map<String, EligibilityEvaluator.Decision> outranking = new HashMap<>();
        for (EligibilityEvaluator.Decision d : wanted) {
            if (!paid.contains(d)) {
                paid.stream().filter(p -> d.exclusiveGroup().equals(p.exclusiveGroup())
                        && d.beneficiary().equals(p.beneficiary())).findFirst()
                        .ifPresent(p -> outranking.put(d.policyCode() + ":" + d.beneficiary(), p));
            }
        }
        List<BenefitDecision> grants = new ArrayList<>();
        for (EligibilityEvaluator.Decision want : paid) {
            Entitlement entitlement = entitlement(want);
            String reason = want.reason() + " " + basis;
            BenefitDecision have = active.remove(want.policyCode() + ":" + want.beneficiary());
            String personId = want.beneficiary().equals("HOUSEHOLD") ? null : want.beneficiary();
            if (have == null) {
                if (!want.applicationRequired()) {
                    grants.add(granted(householdId, personId, want, entitlement, reason, on));
                }
            } else if (!have.entitlement().equals(entitlement) || !have.policyVersion().equals(want.policyVersion())) {
                BenefitDecision changed = have.changed(on, want.policyVersion(), entitlement, reason);
                BenefitChanged event = new BenefitChanged(have.id(), changed.version(), have.policyCode(),
                        want.policyVersion(), want.department(), householdId, personId, on, have.entitlement(),
                        entitlement, reason);
                household.change(changed, new Change.Event<>(EventTypes.BENEFIT_CHANGED, event));
            }
        }
        grants.forEach(granted -> household.grant(granted, grantedEvent(granted)));
        for (Map.Entry<String, BenefitDecision> stale : active.entrySet()) {
            EligibilityEvaluator.Decision higher = outranking.get(stale.getKey());
            String reason = higher == null ? "Không còn đủ điều kiện từ " + VN_DATE.format(on) + ". " + basis
                    : "Từ " + VN_DATE.format(on) + " hưởng " + catalog.version(higher.policyVersion())
                            .map(v -> v.name().toLowerCase(VIETNAMESE)).orElse(higher.policyCode()) + " "
                            + String.format(VIETNAMESE, "%,d", higher.entitlement().monthlyAmountVnd())
                            .replace(',', '.') + " đồng/tháng, mức cao hơn; hai chế độ không hưởng đồng thời. "
                            + basis;
            revoke(household, stale.getValue(), on, reason);
        }
    }

    /** A new automatic decision, not yet written. */
    private static BenefitDecision granted(String householdId, String personId, EligibilityEvaluator.Decision want,
            Entitlement entitlement, String reason, LocalDate on) {
        // The id names the person, or the household itself for household-level benefits.
        return new BenefitDecision(BenefitDecision.id(want.policyCode(), personId == null ? householdId : personId,
                on), householdId, personId, want.policyCode(), want.policyVersion(), want.department(), on, null,
                BenefitDecision.Status.ACTIVE, entitlement, reason, null,
                List.of(new BenefitDecision.Change(on, want.policyVersion(), entitlement)), 1);
    }

    private static Change.Event<BenefitGranted> grantedEvent(BenefitDecision granted) {
        return new Change.Event<>(EventTypes.BENEFIT_GRANTED, new BenefitGranted(granted.id(), 1,
                granted.policyCode(), granted.policyVersion(), granted.department(), granted.householdId(),
                granted.personId(), granted.validFrom(), null, granted.entitlement(), granted.reason()));
    }

    private static void revoke(HouseholdDecisions household, BenefitDecision stale, LocalDate on, String reason) {
        BenefitDecision revoked = stale.revoked(on, reason);
        household.change(revoked, new Change.Event<>(EventTypes.BENEFIT_REVOKED, new BenefitRevoked(stale.id(),
                revoked.version(), stale.policyCode(), stale.department(), stale.householdId(), stale.personId(), on,
                reason)));
    }

    /**
     * The decision on an approved application, written once however often the approval is retried.
     *
     * @throws IllegalStateException when another decision already has this policy, beneficiary and day
     */
    public BenefitDecision grantApproved(String applicationId, String householdId, String personId,
            EligibilityEvaluator.Decision want, Entitlement entitlement, LocalDate on, String reason) {
        return locked(List.of(householdId), () -> {
            var existing = store.ofApplication(applicationId);
            if (existing.isPresent()) {
                return existing.get();
            }
            BenefitDecision decision = new BenefitDecision(BenefitDecision.id(want.policyCode(),
                    personId == null ? householdId : personId, on), householdId, personId, want.policyCode(),
                    want.policyVersion(), want.department(), on, null, BenefitDecision.Status.ACTIVE, entitlement,
                    reason, applicationId, List.of(new BenefitDecision.Change(on, want.policyVersion(), entitlement)),
                    1);
            decide(List.of(householdId), List.of(householdId), household -> {
                if (!household.grant(decision, grantedEvent(decision))) {
                    throw new IllegalStateException("decision " + decision.id() + " exists already");
                }
            });
            if (store.ofApplication(applicationId).isEmpty()) {
                throw new IllegalStateException("decision " + decision.id() + " was not written");
            }
            if (want.exclusiveGroup() != null) {
                // The one approved outranks what the person held of its group; the lower one ends today. Written
                // after the approved one, so that readers learn of it first and never see the person without either.
                mark(decide(List.of(householdId), List.of(householdId), household -> {
                    EligibilityView view = household.known();
                    if (view != null) {
                        apply(household, evaluator.eligible(facts(view, on), on), on, basis(view),
                                catalog.codesOfGroup(want.exclusiveGroup()));
                    }
                }).values());
            }
            return decision;
        });
    }

    /** Whether the beneficiary already receives the policy's benefit (an active decision). */
    public boolean receives(String householdId, String policyCode, String personId) {
        return store.ofHousehold(householdId).stream().anyMatch(d -> d.status() == BenefitDecision.Status.ACTIVE
                && d.policyCode().equals(policyCode) && Objects.equals(d.personId(), personId));
    }

    /** Decisions in force on some day of [from, to], of one department and one household when given. */
    public List<BenefitDecision> inForce(String department, LocalDate from, LocalDate to, String householdId) {
        return store.inForce(department, from, to, householdId);
    }

    public List<BenefitDecision> ofHousehold(String householdId) {
        return store.ofHousehold(householdId);
    }

    /** The event contract's form of an entitlement. */
    public static Entitlement entitlement(EligibilityEvaluator.Decision d) {
        var e = d.entitlement();
        if (e.premiumSupportPercent() != null) {
            return new Entitlement("PREMIUM_SHARE", e.premiumSupportPercent(), null, null, null, null);
        }
        if (e.exemptionPercent() != null) {
            return new Entitlement("FEE_EXEMPTION", e.exemptionPercent(), null, null, null, null);
        }
        if (e.monthlyAmountVnd() != null) {
            return new Entitlement("CASH", null, e.monthlyAmountVnd(), "MONTHLY", null, null);
        }
        if (e.oneOffAmountVnd() != null) {
            return new Entitlement("CASH", null, e.oneOffAmountVnd(), "ONCE", null, null);
        }
        if (e.maxLoanVnd() != null) {
            return new Entitlement("LOAN", null, null, null, e.maxLoanVnd(), e.annualInterestPercent());
        }
        if (e.maxLoanPerMonthVnd() != null) {
            // A student loan's ceiling is per month of study (Decision 05/2022/QĐ-TTg).
            return new Entitlement("LOAN", null, null, "MONTHLY", e.maxLoanPerMonthVnd(), e.annualInterestPercent());
        }
        return new Entitlement("SERVICE", null, null, null, null, null);
    }

    /**
     * What the view knows on {@code on}: the household events' facts and those the departments recorded, with the class
     * in force that day — the one a later-effective decision replaces, before that decision takes effect.
     */
    public static EligibilityFacts facts(EligibilityView view, LocalDate on) {
        LocalDate since = view.classifiedSince();
        EligibilityView.ClassDecision previous = view.previousClass();
        if (previous == null || since == null || !on.isBefore(since)) {
            return facts(view, view.classDecision());
        }
        LocalDate previousSince = previous.classifiedSince();
        if (previousSince != null && on.isBefore(previousSince)) {
            return facts(view, view.classDecision());
        }
        return facts(view, previous);
    }

    /** What the view knows under {@code inForce}: the household events' facts, those recorded, what each receives. */
    private static EligibilityFacts facts(EligibilityView view, EligibilityView.ClassDecision inForce) {
        List<EligibilityFacts.Person> members = new ArrayList<>();
        for (EligibilityView.Member m : view.members()) {
            EligibilityView.MemberFacts f = view.factsOf(m.personId());
            members.add(new EligibilityFacts.Person(m.personId(), m.dateOfBirth(), f.schooling(), f.publicSchool(),
                    f.pensionVnd(), f.disability(), f.noOneObligedToSupport()));
        }
        return new EligibilityFacts(inForce == null ? null : inForce.classification(),
                inForce == null ? null : inForce.classifiedSince(), inForce == null ? null : inForce.escapedPovertyOn(),
                view.unitCode(), view.farming(), view.facts().electricityKwhPerMonth(), members,
                view.receivedBenefits());
    }
}
