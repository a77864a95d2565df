package vn.giamngheo.policy.eligibility;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.Outcome;

/** Inbound flow {@code householdEvents-in-0} ← {@code household.events}. */
@Configuration(proxyBeanMethods = false)
class HouseholdEventsBinding {

    /** Each change of the view is followed by reconciling the household's automatic decisions. */
    @Bean
    Consumer<Message<byte[]>> householdEvents(EligibilityViews views, Reconciler decisions,
            EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, views::registered)
                .on(EventTypes.HOUSEHOLD_UPDATED, e -> thenDecide(views.updated(e), e.subject(), decisions))
                .on(EventTypes.HOUSEHOLD_RECLASSIFIED, e -> thenDecide(views.reclassified(e), e.subject(), decisions))
                .on(EventTypes.HOUSEHOLD_REMOVED, e -> thenDecide(views.removed(e), e.subject(), decisions))
                .build();
    }

    /** Also on a duplicate: if a crash came between the view and the decisions, the redelivery finishes the work. */
    private static Outcome thenDecide(Outcome outcome, String householdId, Reconciler decisions) {
        decisions.reconcile(householdId);
        return outcome;
    }
}
