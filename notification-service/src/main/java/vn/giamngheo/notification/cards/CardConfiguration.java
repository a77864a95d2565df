package vn.giamngheo.notification.cards;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class CardConfiguration {

    @Bean
    OutboxCollection cardRequestOutbox() {
        return new OutboxCollection(CardRequestStore.COLLECTION);
    }

    /** Inbound flow {@code benefitEvents-in-0} ← {@code benefit.events}: health-insurance decisions become requests. */
    @Bean
    Consumer<Message<byte[]>> benefitEvents(CardRequests requests, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.BENEFIT_GRANTED, requests::granted)
                .on(EventTypes.BENEFIT_CHANGED, requests::changed)
                .on(EventTypes.BENEFIT_REVOKED, requests::revoked)
                .build();
    }
}
