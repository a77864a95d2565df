package vn.giamngheo.policy.decisions;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

/** Inbound flow {@code insuranceCardEvents-in-0} ← {@code insurance-card.events}. */
@Configuration(proxyBeanMethods = false)
class InsuranceCardEventsBinding {

    @Bean
    Consumer<Message<byte[]>> insuranceCardEvents(CardStates cards, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .onEach(cards, EventTypes.INSURANCE_CARD_REQUESTED, EventTypes.INSURANCE_CARD_ISSUED,
                        EventTypes.INSURANCE_CARD_FAILED)
                .build();
    }
}
