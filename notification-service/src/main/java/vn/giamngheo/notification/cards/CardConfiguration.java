package vn.giamngheo.notification.cards;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

@Configuration(proxyBeanMethods = false)
class CardConfiguration {

    /**
     * Inbound flow {@code benefitEvents-in-0} ← {@code benefit.events}: health-insurance decisions become card requests,
     * every decision an SMS to the household ({@link BenefitEventsHandler}).
     */
    @Bean
    BatchEventDispatcher benefitEvents(BenefitEventsHandler handler, EventMetrics metrics) {
        return BatchEventDispatcher.builder(metrics)
                .on(EventTypes.BENEFIT_GRANTED, EventTypes.BENEFIT_CHANGED, EventTypes.BENEFIT_REVOKED)
                .handledBy(handler);
    }
}
