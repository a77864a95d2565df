package vn.giamngheo.notification.messages;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

/**
 * Inbound flow {@code householdEvents-in-0} ← {@code household.events}: the households' activity, an SMS for each
 * class decision, a reminder for each review round's posting ({@link HouseholdEventsHandler}, one record at a time for
 * now). It lives with the messages, which read the activity, so that the activity depends on no other feature.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdEventsBinding {

    @Bean
    Consumer<Message<byte[]>> householdEvents(HouseholdEventsHandler handler, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .onEach(handler, EventTypes.HOUSEHOLD_REGISTERED, EventTypes.HOUSEHOLD_UPDATED,
                        EventTypes.HOUSEHOLD_RECLASSIFIED, EventTypes.REVIEW_POSTING_STARTED,
                        EventTypes.HOUSEHOLD_REMOVED)
                .build();
    }
}
