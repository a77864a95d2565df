package vn.giamngheo.notification.messages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

/**
 * Inbound flow {@code householdEvents-in-0} ← {@code household.events}: the households' activity, an SMS for each
 * class decision, a reminder for each review round's posting ({@link HouseholdEventsHandler}), a poll at a time. It
 * lives with the messages, which read the activity, so that the activity depends on no other feature.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdEventsBinding {

    @Bean
    BatchEventDispatcher householdEvents(HouseholdEventsHandler handler, EventMetrics metrics) {
        return BatchEventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, EventTypes.HOUSEHOLD_UPDATED,
                        EventTypes.HOUSEHOLD_RECLASSIFIED, EventTypes.REVIEW_POSTING_STARTED,
                        EventTypes.HOUSEHOLD_REMOVED)
                .handledBy(handler);
    }
}
