package vn.giamngheo.policy.decisions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;
import vn.giamngheo.policy.catalog.EligibilityEvaluator;
import vn.giamngheo.policy.catalog.EligibilityFacts;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.catalog.PolicyVersion;
import vn.giamngheo.policy.catalog.Schedule;
import vn.giamngheo.policy.eligibility.EligibilityViews;
import vn.giamngheo.policy.eligibility.Reconciler;

/**
 * Brings a household's decisions in line with what the policies in force say — grants, changed entitlements,
 * revocations — each written with its event in one document:
 * <ul>
 * <li>after each household event, on the event's effective date;</li>
 * <li>on each later day that matters, up to today: a member's birthday (turning 6, 60, 70, 75, 80), the end of the
 * 36-month newly-escaped window, a policy version or an amount starting or ending. The view keeps the next such day
 * ({@code nextReviewOn}); the daily job and each event catch up to today.</li>
 * </ul>
 * Automatic decisions are granted here; decisions on an approved application are only changed or revoked here, and
 * only when they pay something regularly (a loan or a one-off grant stays as approved). Reconciling twice changes
 * nothing, so a redelivered or replayed event is harmless.
 */
@Service
public class AutomaticDecisions implements Reconciler {

    private static final Logger log = LoggerFactory.getLogger(AutomaticDecisions.class);
    public static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final DecisionStore store;
    private final EligibilityViews views;
    private final EligibilityEvaluator evaluator;
    private final PolicyCatalog catalog;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    /** One household is reconciled by one thread at a time (the event consumer, the daily job, a facts update). */
    private final Object[] locks = new Object[256];

    AutomaticDecisions(DecisionStore store, EligibilityViews views, EligibilityEvaluator evaluator,
            PolicyCatalog catalog, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.views = views;
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    private Object lock(String householdId) {
        return locks[Math.floorMod(householdId.hashCode(), locks.length)];
    }

    /** After a household event: on its effective date unless already done, then up to today. */
    @Override
    public void reconcile(String householdId) {
        synchronized (lock(householdId)) {
            Document view = views.find(householdId).orElse(null);
            if (view == null) {
                return;
            }
            long sequence = view.getLong("sequence");
            Long reconciled = view.getLong("reconciledSequence");
            String stored = view.getString("nextReviewOn");
            LocalDate next = stored == null ? null : LocalDate.parse(stored);
            if (reconciled == null || reconciled < sequence) {
                LocalDate on = LocalDate.parse(view.getString("effectiveDate"));
                // A class decision's days that matter before it takes effect come first, under the class in force
                // then: a child's birthday on 20 December still counts in the poor household's year that an annual
                // decision of 10 December ends on 1 January. (Other events' facts, members above all, hold from their
                // own date only.)
                boolean newClass = view.get(EligibilityViews.PREVIOUS_CLASS) != null
                        && on.toString().equals(view.getString("classifiedSince"));
                while (newClass && next != null && next.isBefore(on)) {
                    bringInLine(view, next);
                    next = nextDayThatMatters(view, next);
                }
                bringInLine(view, on);
                next = nextDayThatMatters(view, on);
                views.reconciled(householdId, sequence, next);
            }
            LocalDate today = LocalDate.now(clock);
            if (next != null && !next.isAfter(today)) {
                catchUp(householdId, today); // only when a day that matters has already come
            }
        }
    }

    /** After a department recorded facts of the household, valid from {@code from}. */
    @Override
    public void factsChanged(String householdId, LocalDate from) {
        synchronized (lock(householdId)) {
            Document view = views.find(householdId).orElseThrow();
            LocalDate effective = LocalDate.parse(view.getString("effectiveDate"));
            LocalDate on = from.isBefore(effective) ? effective : from;
            bringInLine(view, on);
            views.scheduled(householdId, nextDayThatMatters(view, on));
            catchUp(householdId, LocalDate.now(clock));
        }
    }

    /**
     * After a decision the household's rules read (a social pension, social assistance) started or ended on
     * {@code from}, here or in another department's instance: reconciled from that day if it has come, else on it.
     */
    @Override
    public void receiptsChanged(String householdId, LocalDate from) {
        synchronized (lock(householdId)) {
            Document view = views.find(householdId).orElse(null);
            if (view == null || view.getString("classification") == null || view.getString("effectiveDate") == null) {
                return; // the household events reconcile it when they come, receipts included
            }
            LocalDate today = LocalDate.now(clock);
            if (from.isAfter(today)) {
                String stored = view.getString("nextReviewOn");
                if (stored == null || LocalDate.parse(stored).isAfter(from)) {
                    views.scheduled(householdId, from);
                }
                return;
            }
            LocalDate effective = LocalDate.parse(view.getString("effectiveDate"));
            LocalDate on = from.isBefore(effective) ? effective : from;
            bringInLine(view, on);
            views.scheduled(householdId, nextDayThatMatters(view, on));
            catchUp(householdId, today);
        }
    }

    /**
     * Reconciles the household on each day that matters up to {@code until}, in order.
     *
     * @return the number of days reconciled
     */
    public int catchUp(String householdId, LocalDate until) {
        synchronized (lock(householdId)) {
            int days = 0;
            while (true) {
                Document view = views.find(householdId).orElse(null);
                String next = view == null ? null : view.getString("nextReviewOn");
                if (next == null || LocalDate.parse(next).isAfter(until)) {
                    return days;
                }
                LocalDate on = LocalDate.parse(next);
                bringInLine(view, on);
                views.scheduled(householdId, nextDayThatMatters(view, on));
                days++;
            }
        }
    }

    private void bringInLine(Document view, LocalDate on) {
        if (view.getString("classification") == null) {
            return; // not classified yet: nothing to decide
        }
        String householdId = view.getString("_id");
        String removedOn = view.getString("removedOn");
        boolean removed = removedOn != null && !on.isBefore(LocalDate.parse(removedOn));
        List<EligibilityEvaluator.Decision> eligible = removed ? List.of() : evaluator.eligible(facts(view, on), on);
        apply(householdId, eligible, on, removed
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
        synchronized (lock(householdId)) {
            Document view = views.find(householdId).orElse(null);
            if (view == null || view.getString("classification") == null || view.getString("removedOn") != null
                    || view.getString("classifiedSince") == null) {
                return 0;
            }
            LocalDate since = LocalDate.parse(view.getString("classifiedSince"));
            List<BenefitDecision> decisions = store.ofHousehold(householdId);
            List<String> beneficiaries = new ArrayList<>(List.of("HOUSEHOLD"));
            view.getList("members", Document.class, List.of()).forEach(m -> beneficiaries.add(m.getString("personId")));
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
            int restored = starts.isEmpty() ? 0 : giveBack(view, starts, today);
            bringInLine(views.find(householdId).orElseThrow(), today);
            Document after = views.find(householdId).orElseThrow();
            String stored = after.getString("nextReviewOn");
            LocalDate next = nextDayThatMatters(after, today);
            if (next != null && (stored == null || next.isBefore(LocalDate.parse(stored)))) {
                views.scheduled(householdId, next);
            }
            return restored;
        }
    }

    /**
     * Follows each policy and beneficiary ({@code CODE:beneficiary}) from its start to {@code today}, one evaluation
     * per day that matters: granted the first day it holds, then changed and revoked as the days say.
     */
    private int giveBack(Document view, Map<String, LocalDate> starts, LocalDate today) {
        String householdId = view.getString("_id");
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
                    var grant = granted(householdId, personId, want, entitlement(want), want.reason() + " " + basis,
                            on);
                    if (store.insertAll(householdId, List.of(grant)).isEmpty()) {
                        continue; // given back by an earlier run
                    }
                    relay.wake(DecisionStore.COLLECTION, grant.getKey().id());
                    current.put(pair.getKey(), grant.getKey());
                    granted++;
                } else if (have != null && want == null) {
                    revoke(have, on, "Không còn đủ điều kiện từ " + VN_DATE.format(on) + ". " + basis);
                    current.remove(pair.getKey());
                } else if (have != null && (!have.entitlement().equals(entitlement(want))
                        || !have.policyVersion().equals(want.policyVersion()))) {
                    Entitlement entitlement = entitlement(want);
                    String reason = want.reason() + " " + basis;
                    BenefitDecision changed = have.changed(on, want.policyVersion(), entitlement, reason);
                    write(changed, outbox.entry(EventTypes.BENEFIT_CHANGED, new BenefitChanged(have.id(),
                            changed.version(), have.policyCode(), want.policyVersion(), want.department(),
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
    LocalDate nextDayThatMatters(Document view, LocalDate after) {
        if (view.getString("classification") == null || view.getString("removedOn") != null) {
            return null;
        }
        LocalDate next = null;
        SortedSet<LocalDate> policyDays = catalog.changeDates().tailSet(after.plusDays(1));
        if (!policyDays.isEmpty()) {
            next = policyDays.first();
        }
        for (Document m : view.getList("members", Document.class, List.of())) {
            next = earlier(next, nextBirthday(LocalDate.parse(m.getString("dateOfBirth")), after));
        }
        for (EligibilityFacts.Receipt r : EligibilityViews.receipts(view)) {
            for (LocalDate day : new LocalDate[] {r.from(), r.to() == null ? null : r.to().plusDays(1)}) {
                if (day != null && day.isAfter(after)) {
                    next = earlier(next, day);
                }
            }
        }
        String escaped = view.getString("escapedPovertyOn");
        if (escaped != null) {
            LocalDate windowEnds = LocalDate.parse(escaped).plusMonths(EligibilityFacts.NEWLY_ESCAPED_MONTHS);
            if (windowEnds.isAfter(after)) {
                next = earlier(next, windowEnds);
            }
        }
        String since = view.getString("classifiedSince");
        if (since != null && LocalDate.parse(since).isAfter(after)) {
            next = earlier(next, LocalDate.parse(since)); // a decided class that takes effect later
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
    private static String basis(Document view) {
        String classVi = switch (view.getString("classification")) {
            case "POOR" -> "hộ nghèo";
            case "NEAR_POOR" -> "hộ cận nghèo";
            case "MIDDLE" -> "hộ có mức sống trung bình";
            default -> "hộ không thuộc diện nghèo, cận nghèo";
        };
        String number = view.getString("decisionNumber");
        return number == null ? "Căn cứ: " + classVi + "."
                : "Căn cứ: " + classVi + " theo Quyết định " + number + " ngày "
                        + VN_DATE.format(LocalDate.parse(view.getString("decisionDate"))) + ".";
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
    private void apply(String householdId, List<EligibilityEvaluator.Decision> eligible, LocalDate on, String basis,
            Set<String> onlyCodes) {
        Map<String, BenefitDecision> active = new HashMap<>();
        for (BenefitDecision d : store.ofHousehold(householdId)) {
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
        List<Map.Entry<BenefitDecision, List<Document>>> grants = new ArrayList<>();
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
                write(changed, outbox.entry(EventTypes.BENEFIT_CHANGED, event));
            }
        }
        for (String id : store.insertAll(householdId, grants)) {
            relay.wake(DecisionStore.COLLECTION, id);
        }
        for (Map.Entry<String, BenefitDecision> stale : active.entrySet()) {
            EligibilityEvaluator.Decision higher = outranking.get(stale.getKey());
            String reason = higher == null ? "Không còn đủ điều kiện từ " + VN_DATE.format(on) + ". " + basis
                    : "Từ " + VN_DATE.format(on) + " hưởng " + catalog.version(higher.policyVersion())
                            .map(v -> v.name().toLowerCase(VIETNAMESE)).orElse(higher.policyCode()) + " "
                            + String.format(VIETNAMESE, "%,d", higher.entitlement().monthlyAmountVnd())
                            .replace(',', '.') + " đồng/tháng, mức cao hơn; hai chế độ không hưởng đồng thời. "
                            + basis;
            revoke(stale.getValue(), on, reason);
        }
    }

    /** A new automatic decision with its {@code benefit.granted}, not yet written. */
    private Map.Entry<BenefitDecision, List<Document>> granted(String householdId, String personId,
            EligibilityEvaluator.Decision want, Entitlement entitlement, String reason, LocalDate on) {
        // The id names the person, or the household itself for household-level benefits.
        BenefitDecision granted = new BenefitDecision(BenefitDecision.id(want.policyCode(),
                personId == null ? householdId : personId, on), householdId, personId, want.policyCode(),
                want.policyVersion(), want.department(), on, null, BenefitDecision.Status.ACTIVE, entitlement, reason,
                null, List.of(new BenefitDecision.Change(on, want.policyVersion(), entitlement)), 1);
        return Map.entry(granted, List.of(grantedEvent(granted)));
    }

    private Document grantedEvent(BenefitDecision granted) {
        return outbox.entry(EventTypes.BENEFIT_GRANTED, new BenefitGranted(granted.id(), 1, granted.policyCode(),
                granted.policyVersion(), granted.department(), granted.householdId(), granted.personId(),
                granted.validFrom(), null, granted.entitlement(), granted.reason()));
    }

    /** Writes a new decision with its {@code benefit.granted}; false when it exists already (a replay). */
    boolean insert(BenefitDecision granted) {
        if (store.insert(granted, List.of(grantedEvent(granted)))) {
            relay.wake(DecisionStore.COLLECTION, granted.id());
            return true;
        }
        return false;
    }

    private void revoke(BenefitDecision stale, LocalDate on, String reason) {
        BenefitDecision revoked = stale.revoked(on, reason);
        BenefitRevoked event = new BenefitRevoked(stale.id(), revoked.version(), stale.policyCode(),
                stale.department(), stale.householdId(), stale.personId(), on, reason);
        write(revoked, outbox.entry(EventTypes.BENEFIT_REVOKED, event));
    }

    private void write(BenefitDecision after, Document event) {
        if (store.update(after, List.of(event))) {
            relay.wake(DecisionStore.COLLECTION, after.id());
        } else {
            log.info("Decision {} changed meanwhile; left as it is", after.id());
        }
    }

    /**
     * The decision on an approved application, written once however often the approval is retried.
     *
     * @throws IllegalStateException when another decision already has this policy, beneficiary and day
     */
    public BenefitDecision grantApproved(String applicationId, String householdId, String personId,
            EligibilityEvaluator.Decision want, Entitlement entitlement, LocalDate on, String reason) {
        synchronized (lock(householdId)) {
            var existing = store.ofApplication(applicationId);
            if (existing.isPresent()) {
                return existing.get();
            }
            BenefitDecision decision = new BenefitDecision(BenefitDecision.id(want.policyCode(),
                    personId == null ? householdId : personId, on), householdId, personId, want.policyCode(),
                    want.policyVersion(), want.department(), on, null, BenefitDecision.Status.ACTIVE, entitlement,
                    reason, applicationId, List.of(new BenefitDecision.Change(on, want.policyVersion(), entitlement)),
                    1);
            if (!insert(decision)) {
                throw new IllegalStateException("decision " + decision.id() + " exists already");
            }
            if (want.exclusiveGroup() != null) {
                // The one approved outranks what the person held of its group; the lower one ends today.
                views.find(householdId).ifPresent(view -> apply(householdId, evaluator.eligible(facts(view, on), on), on,
                        basis(view), catalog.codesOfGroup(want.exclusiveGroup())));
            }
            return decision;
        }
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
    public static EligibilityFacts facts(Document view, LocalDate on) {
        String since = view.getString("classifiedSince");
        Document previous = view.get(EligibilityViews.PREVIOUS_CLASS, Document.class);
        if (previous == null || since == null || !on.isBefore(LocalDate.parse(since))) {
            return facts(view);
        }
        String previousSince = previous.getString("classifiedSince");
        if (previousSince != null && on.isBefore(LocalDate.parse(previousSince))) {
            return facts(view);
        }
        Document asThen = new Document(view);
        previous.forEach(asThen::put);
        return facts(asThen);
    }

    /** What the view knows: the household events' facts, those the departments recorded, what each receives. */
    public static EligibilityFacts facts(Document view) {
        List<EligibilityFacts.Person> members = new ArrayList<>();
        for (Document m : view.getList("members", Document.class, List.of())) {
            String personId = m.getString("personId");
            EligibilityViews.MemberFacts f = EligibilityViews.factsOf(view, personId);
            members.add(new EligibilityFacts.Person(personId, LocalDate.parse(m.getString("dateOfBirth")),
                    f.schooling(), f.publicSchool(), f.pensionVnd(), f.disability(), f.noOneObligedToSupport()));
        }
        String since = view.getString("classifiedSince");
        String escaped = view.getString("escapedPovertyOn");
        return new EligibilityFacts(view.getString("classification"), since == null ? null : LocalDate.parse(since),
                escaped == null ? null : LocalDate.parse(escaped), view.getString("unitCode"),
                EligibilityViews.farming(view), EligibilityViews.electricityKwhPerMonth(view), members,
                EligibilityViews.receipts(view));
    }
}
