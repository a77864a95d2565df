package vn.giamngheo.notification.messages;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.notification.activity.HouseholdActivity;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

/**
 * Inbound flow {@code householdEvents-in-0} ← {@code household.events}: the households' activity, an SMS for each
 * class decision, a reminder for each review round's posting. It lives with the messages, which read the activity,
 * so that the activity depends on no other feature.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdEventsBinding {

    @Bean
    Consumer<Message<byte[]>> householdEvents(HouseholdActivity activity, MessageTriggers messages,
            PostingReminders postings, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, activity::seen)
                .on(EventTypes.HOUSEHOLD_UPDATED, activity::seen)
                .on(EventTypes.HOUSEHOLD_RECLASSIFIED,
                        e -> MessageTriggers.combine(activity.seen(e), messages.reclassified(e)))
                .on(EventTypes.REVIEW_POSTING_STARTED, postings::posted)
                .on(EventTypes.HOUSEHOLD_REMOVED, activity::seen)
                .build();
    }
}
