package vn.giamngheo.policy.decisions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.policy.eligibility.EligibilityView;

/**
 * One household as a pass over a poll (or a request, or the daily job) reads it: its view and its decisions, read
 * once, changed in memory as each event and each day that matters is worked through, and written at the end — each
 * decision's changes as one {@link Change} from the version read, with all their events in order.
 */
final class HouseholdDecisions {

    private final String householdId;
    private final EligibilityView loaded;
    /** The view as the pass leaves it: the events folded in, the reconciliation marks moved on. */
    EligibilityView view;
    private final TreeMap<String, BenefitDecision> decisions = new TreeMap<>();
    private final Map<String, Change<BenefitDecision>> changes = new LinkedHashMap<>();

    /** @param view null when no view is stored; {@code decisions} as stored */
    HouseholdDecisions(String householdId, EligibilityView view, List<BenefitDecision> decisions) {
        this.householdId = householdId;
        this.loaded = view;
        this.view = view;
        decisions.forEach(d -> this.decisions.put(d.id(), d));
    }

    String householdId() {
        return householdId;
    }

    /** The view as read, before the pass. */
    EligibilityView loaded() {
        return loaded;
    }

    /** The view, once a household event made it; else null. */
    EligibilityView known() {
        return view != null && view.known() ? view : null;
    }

    /** The household's decisions as the pass has them, by id. */
    Collection<BenefitDecision> decisions() {
        return decisions.values();
    }

    boolean holds(String decisionId) {
        return decisions.containsKey(decisionId);
    }

    /**
     * A new decision with its {@code benefit.granted}, unless one with its id exists (a replay).
     *
     * @return false when it exists: nothing changes
     */
    boolean grant(BenefitDecision granted, Change.Event<?> event) {
        if (decisions.containsKey(granted.id())) {
            return false;
        }
        change(granted, event);
        return true;
    }

    /** A decision's next state (one version later) with its event. */
    void change(BenefitDecision after, Change.Event<?> event) {
        Change<BenefitDecision> before = changes.get(after.id());
        BenefitDecision current = decisions.get(after.id());
        List<Change.Event<?>> events = new ArrayList<>(before == null ? List.of() : before.events());
        events.add(event);
        long expected = before != null ? before.expectedVersion() : current == null ? Change.NEW : current.version();
        changes.put(after.id(), new Change<>(expected, after, events, List.of()));
        decisions.put(after.id(), after);
    }

    /** What the pass decided: one change per decision. */
    List<Change<BenefitDecision>> changes() {
        return List.copyOf(changes.values());
    }

    /** Whether the pass moved the view's reconciliation marks. */
    boolean marked() {
        return view != null && view.known() && view.marksDiffer(loaded);
    }
}
