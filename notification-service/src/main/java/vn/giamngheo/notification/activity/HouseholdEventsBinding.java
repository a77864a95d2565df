package vn.giamngheo.notification.activity;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.notification.messages.MessageTriggers;
import vn.giamngheo.notification.messages.PostingReminders;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

/**
 * Inbound flow {@code householdEvents-in-0} ← {@code household.events}: the households' activity, an SMS for each
 * class decision, a reminder for each review round's posting.
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
