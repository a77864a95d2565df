package vn.giamngheo.policy.decisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.policy.catalog.EligibilityEvaluator;
import vn.giamngheo.policy.catalog.EligibilityFacts;
import vn.giamngheo.policy.eligibility.EligibilityViews;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;

/**
 * Decisions for policies without an application: after a household's view changes, its decisions are brought in line
 * with what the policies in force say on the change's effective date — grants, changed entitlements, revocations —
 * each written with its event in one document. Reconciling twice changes nothing, so a redelivered or replayed event
 * is harmless.
 */
@Service
public class AutomaticDecisions {

    private static final Logger log = LoggerFactory.getLogger(AutomaticDecisions.class);

    private final DecisionStore store;
    private final EligibilityViews views;
    private final EligibilityEvaluator evaluator;
    private final Outbox outbox;
    private final OutboxRelay relay;

    AutomaticDecisions(DecisionStore store, EligibilityViews views, EligibilityEvaluator evaluator, Outbox outbox,
            OutboxRelay relay) {
        this.store = store;
        this.views = views;
        this.evaluator = evaluator;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Reconciles unless the view's current state was reconciled already. */
    public void reconcile(String householdId) {
        Document view = views.find(householdId).orElse(null);
        if (view == null || view.getString("classification") == null) {
            return;
        }
        long sequence = view.getLong("sequence");
        Long reconciled = view.getLong("reconciledSequence");
        if (reconciled != null && reconciled >= sequence) {
            return;
        }
        LocalDate on = LocalDate.parse(view.getString("effectiveDate"));
        boolean removed = view.getString("removedOn") != null;
        List<EligibilityEvaluator.Decision> desired = removed ? List.of()
                : evaluator.evaluate(facts(view), on).stream().filter(d -> !d.applicationRequired()).toList();
        apply(householdId, desired, on, removed ? "Hộ không còn trong danh sách hộ gia đình từ " + VN_DATE.format(on) + "."
                : basis(view));
        views.reconciled(householdId, sequence);
    }

    private static final java.time.format.DateTimeFormatter VN_DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

    private void apply(String householdId, List<EligibilityEvaluator.Decision> desired, LocalDate on,
            String basis) {
        Map<String, BenefitDecision> active = new HashMap<>();
        for (BenefitDecision d : store.ofHousehold(householdId)) {
            if (d.status() == BenefitDecision.Status.ACTIVE) {
                active.put(d.policyCode() + ":" + beneficiary(d), d);
            }
        }
        for (EligibilityEvaluator.Decision want : desired) {
            Entitlement entitlement = entitlement(want);
            String reason = want.reason() + " " + basis;
            BenefitDecision have = active.remove(want.policyCode() + ":" + want.beneficiary());
            String personId = want.beneficiary().equals("HOUSEHOLD") ? null : want.beneficiary();
            if (have == null) {
                // The id names the person, or the household itself for household-level benefits.
                BenefitDecision granted = new BenefitDecision(BenefitDecision.id(want.policyCode(),
                        personId == null ? householdId : personId, on), householdId, personId, want.policyCode(), want.policyVersion(), want.department(), on, null,
                        BenefitDecision.Status.ACTIVE, entitlement, reason, 1);
                BenefitGranted event = new BenefitGranted(granted.id(), 1, granted.policyCode(),
                        granted.policyVersion(), granted.department(), householdId, personId, on, null, entitlement,
                        reason);
                if (store.insert(granted, List.of(outbox.entry(EventTypes.BENEFIT_GRANTED, event)))) {
                    relay.wake(DecisionStore.COLLECTION, granted.id());
                }
            } else if (!have.entitlement().equals(entitlement)) {
                BenefitDecision changed = new BenefitDecision(have.id(), householdId, personId, have.policyCode(),
                        want.policyVersion(), want.department(), have.validFrom(), null, BenefitDecision.Status.ACTIVE,
                        entitlement, reason, have.version() + 1);
                BenefitChanged event = new BenefitChanged(have.id(), changed.version(), have.policyCode(),
                        want.policyVersion(), want.department(), householdId, personId, on, have.entitlement(),
                        entitlement, reason);
                write(changed, outbox.entry(EventTypes.BENEFIT_CHANGED, event));
            }
        }
        for (BenefitDecision stale : active.values()) {
            String reason = "Không còn đủ điều kiện từ " + VN_DATE.format(on) + ". " + basis;
            BenefitDecision revoked = new BenefitDecision(stale.id(), householdId, stale.personId(), stale.policyCode(),
                    stale.policyVersion(), stale.department(), stale.validFrom(), on.minusDays(1),
                    BenefitDecision.Status.REVOKED, stale.entitlement(), reason, stale.version() + 1);
            BenefitRevoked event = new BenefitRevoked(stale.id(), revoked.version(), stale.policyCode(),
                    stale.department(), householdId, stale.personId(), on, reason);
            write(revoked, outbox.entry(EventTypes.BENEFIT_REVOKED, event));
        }
    }

    private void write(BenefitDecision after, Document event) {
        if (store.update(after, List.of(event))) {
            relay.wake(DecisionStore.COLLECTION, after.id());
        } else {
            log.info("Decision {} changed meanwhile; left as it is", after.id());
        }
    }

    public List<BenefitDecision> ofHousehold(String householdId) {
        return store.ofHousehold(householdId);
    }

    private static String beneficiary(BenefitDecision d) {
        return d.personId() == null ? "HOUSEHOLD" : d.personId();
    }

    /** The event contract's form of an entitlement. */
    static Entitlement entitlement(EligibilityEvaluator.Decision d) {
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
        return new Entitlement("SERVICE", null, null, null, null, null);
    }

    /** What the view knows; facts the household events do not carry (schooling, pensions) take their defaults. */
    private static EligibilityFacts facts(Document view) {
        List<EligibilityFacts.Person> members = new ArrayList<>();
        for (Document m : view.getList("members", Document.class)) {
            members.add(new EligibilityFacts.Person(m.getString("personId"), LocalDate.parse(m.getString("dateOfBirth")),
                    "NONE", true, false, "NONE"));
        }
        String since = view.getString("classifiedSince");
        String escaped = view.getString("escapedPovertyOn");
        return new EligibilityFacts(view.getString("classification"), since == null ? null : LocalDate.parse(since),
                escaped == null ? null : LocalDate.parse(escaped), view.getString("unitCode"), false, members);
    }
}
