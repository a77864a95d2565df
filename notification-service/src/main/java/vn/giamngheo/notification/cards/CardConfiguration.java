package vn.giamngheo.notification.cards;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

@Configuration(proxyBeanMethods = false)
class CardConfiguration {

    /**
     * Inbound flow {@code benefitEvents-in-0} ← {@code benefit.events}: health-insurance decisions become card requests,
     * every decision an SMS to the household ({@link BenefitEventsHandler}, one record at a time for now).
     */
    @Bean
    Consumer<Message<byte[]>> benefitEvents(BenefitEventsHandler handler, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .onEach(handler, EventTypes.BENEFIT_GRANTED, EventTypes.BENEFIT_CHANGED, EventTypes.BENEFIT_REVOKED)
                .build();
    }
}
