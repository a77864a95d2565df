package vn.giamngheo.policy.decisions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

/** Inbound flow {@code insuranceCardEvents-in-0} ← {@code insurance-card.events}. */
@Configuration(proxyBeanMethods = false)
class InsuranceCardEventsBinding {

    @Bean
    BatchEventDispatcher insuranceCardEvents(CardStates cards, EventMetrics metrics) {
        return BatchEventDispatcher.builder(metrics)
                .on(EventTypes.INSURANCE_CARD_REQUESTED, EventTypes.INSURANCE_CARD_ISSUED,
                        EventTypes.INSURANCE_CARD_FAILED)
                .handledBy(cards);
    }
}
