package vn.giamngheo.notification.messages;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.notification.activity.HouseholdActivity;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.Outcome;

/**
 * Inbound flow {@code householdEvents-in-0} ← {@code household.events}: the households' activity, an SMS for each
 * class decision, a reminder for each review round's posting — a poll at a time, one bulk write per collection. It
 * lives with the messages, which read the activity, so that the activity depends on no other feature.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdEventsBinding {

    /** The activity views, the class-decision messages and the posting reminders of a poll's household events. */
    static BatchHandler handler(HouseholdActivity activity, MessageTriggers messages, PostingReminders postings) {
        return (List<EventEnvelope<?>> events) -> MessageTriggers.combine(activity.seenAll(events),
                messages.handle(events), postings.postedAll(events));
    }

    @Bean
    Consumer<Message<byte[]>> householdEvents(HouseholdActivity activity, MessageTriggers messages,
            PostingReminders postings, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .onEach(handler(activity, messages, postings), EventTypes.HOUSEHOLD_REGISTERED,
                        EventTypes.HOUSEHOLD_UPDATED, EventTypes.HOUSEHOLD_RECLASSIFIED,
                        EventTypes.REVIEW_POSTING_STARTED, EventTypes.HOUSEHOLD_REMOVED)
                .build();
    }
}
