package vn.giamngheo.policy.eligibility;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

/** Inbound flow {@code householdEvents-in-0} ← {@code household.events}. */
@Configuration(proxyBeanMethods = false)
class HouseholdEventsBinding {

    @Bean
    Consumer<Message<byte[]>> householdEvents(EligibilityViews views, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, views::registered)
                .on(EventTypes.HOUSEHOLD_UPDATED, views::updated)
                .on(EventTypes.HOUSEHOLD_REMOVED, views::removed)
                .build();
    }
}
