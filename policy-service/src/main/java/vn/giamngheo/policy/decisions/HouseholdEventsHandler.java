package vn.giamngheo.policy.decisions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.persistence.SequencedViews;
import vn.giamngheo.policy.eligibility.EligibilityViews;

/**
 * {@code household.events} a poll at a time: each event changes the household's eligibility view, and each event but
 * a registration is followed by reconciling the household's automatic decisions with the view as that event left it —
 * also on a duplicate, so that if a crash came between the view and the decisions, the redelivery finishes the work.
 *
 * <p>The poll's households are read in one query (views) and two (decisions) — those with only a registration in
 * the poll are not read: nothing is decided for them, and the view's guard tells a duplicate; each household's events
 * are worked through in their order in memory; then the decisions are written in one bulk write and the views in one
 * (guarded by the household's sequence; the reconciliation marks go with each household's last event). The decisions
 * come first: a pass interrupted after them is done again by the redelivery, which finds the views unchanged and
 * decides the same.
 */
@Component
class HouseholdEventsHandler implements BatchHandler {

    private final EligibilityViews views;
    private final AutomaticDecisions decisions;

    HouseholdEventsHandler(EligibilityViews views, AutomaticDecisions decisions) {
        this.views = views;
        this.decisions = decisions;
    }

    @Override
    public List<Outcome> handle(List<EventEnvelope<?>> events) {
        Map<String, List<Integer>> byHousehold = new LinkedHashMap<>();
        Set<String> reconciled = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope<?> event = events.get(i);
            byHousehold.computeIfAbsent(event.subject(), h -> new ArrayList<>()).add(i);
            if (!(event.data() instanceof HouseholdRegistered)) {
                reconciled.add(event.subject());
            }
        }
        return decisions.locked(byHousehold.keySet(), () -> {
            Outcome[] outcomes = new Outcome[events.size()];
            // Per household, as its last pass decided: the events that change the view, and their writes.
            Map<String, List<Integer>> changing = new HashMap<>();
            Map<String, List<SequencedViews.Update>> updates = new HashMap<>();
            Map<String, HouseholdDecisions> done = decisions.decide(byHousehold.keySet(), reconciled, household -> {
                List<Integer> mine = new ArrayList<>();
                List<SequencedViews.Update> writes = new ArrayList<>();
                for (int i : byHousehold.get(household.householdId())) {
                    EventEnvelope<?> event = events.get(i);
                    var applied = EligibilityViews.apply(household.view, event);
                    outcomes[i] = applied.isPresent() ? Outcome.APPLIED : Outcome.DUPLICATE;
                    applied.ifPresent(a -> {
                        household.view = a.after();
                        mine.add(i);
                        writes.add(a.update());
                    });
                    if (!(event.data() instanceof HouseholdRegistered)) {
                        decisions.reconcile(household);
                    }
                }
                changing.put(household.householdId(), mine);
                updates.put(household.householdId(), writes);
            });
            // The marks go with the household's last view write when it has one (one write fewer); else alone.
            List<Integer> written = new ArrayList<>();
            List<SequencedViews.Update> writes = new ArrayList<>();
            Map<Integer, HouseholdDecisions> carrying = new HashMap<>();
            List<HouseholdDecisions> alone = new ArrayList<>();
            for (String householdId : byHousehold.keySet()) {
                HouseholdDecisions household = done.get(householdId);
                List<SequencedViews.Update> mine = new ArrayList<>(updates.get(householdId));
                Bson marks = household.marked() ? EligibilityViews.marks(household.view) : null;
                if (marks != null && !mine.isEmpty()) {
                    SequencedViews.Update last = mine.removeLast();
                    mine.add(new SequencedViews.Update(last.id(), last.sequence(),
                            Updates.combine(last.update(), marks)));
                    carrying.put(written.size() + mine.size() - 1, household);
                } else if (marks != null) {
                    alone.add(household);
                }
                written.addAll(changing.get(householdId));
                writes.addAll(mine);
            }
            List<Outcome> stored = views.write(writes);
            for (int w = 0; w < written.size(); w++) {
                outcomes[written.get(w)] = stored.get(w);
                if (stored.get(w) != Outcome.APPLIED && carrying.containsKey(w)) {
                    alone.add(carrying.get(w)); // another writer moved the view on meanwhile: the marks alone
                }
            }
            decisions.mark(alone);
            return List.of(outcomes);
        });
    }

    /** Inbound flow {@code householdEvents-in-0} ← {@code household.events}. */
    @Configuration(proxyBeanMethods = false)
    static class Binding {

        @Bean
        BatchEventDispatcher householdEvents(HouseholdEventsHandler handler, EventMetrics metrics) {
            return BatchEventDispatcher.builder(metrics)
                    .on(EventTypes.HOUSEHOLD_REGISTERED, EventTypes.HOUSEHOLD_UPDATED,
                            EventTypes.HOUSEHOLD_RECLASSIFIED, EventTypes.HOUSEHOLD_REMOVED)
                    .handledBy(handler);
        }
    }
}
