package vn.giamngheo.policy.eligibility;

import java.time.LocalDate;

/**
 * What follows a change of a household's eligibility view that a department made here: its decisions are brought in
 * line with it. The view's controller calls this port; the decisions implement it, so eligibility knows nothing of
 * them. (The inbound flows, which change the view and then the decisions in one pass over a poll, live with the
 * decisions.)
 */
public interface Reconciler {

    /** After the facts other departments keep changed, from the day they take effect. */
    void factsChanged(String householdId, LocalDate from);
}
