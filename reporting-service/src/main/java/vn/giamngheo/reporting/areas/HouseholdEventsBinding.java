package vn.giamngheo.reporting.areas;

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
    Consumer<Message<byte[]>> householdEvents(AreaProjection projection, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.HOUSEHOLD_REGISTERED, projection::registered)
                .on(EventTypes.HOUSEHOLD_UPDATED, projection::updated)
                .on(EventTypes.HOUSEHOLD_REMOVED, projection::removed)
                .build();
    }
}
