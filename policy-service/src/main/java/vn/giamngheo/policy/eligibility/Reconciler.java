package vn.giamngheo.policy.eligibility;

import java.time.LocalDate;

/**
 * What follows each change of a household's eligibility view: its decisions are brought in line with it. The view's
 * inbound flows and its controller call this port; the decisions implement it, so eligibility knows nothing of them.
 */
public interface Reconciler {

    /** After a household event changed the view: reconcile on the event's effective date, then up to today. */
    void reconcile(String householdId);

    /** After the facts other departments keep changed, from the day they take effect. */
    void factsChanged(String householdId, LocalDate from);

    /** After a benefit the household receives was granted or revoked, from the day that took effect. */
    void receiptsChanged(String householdId, LocalDate from);
}
