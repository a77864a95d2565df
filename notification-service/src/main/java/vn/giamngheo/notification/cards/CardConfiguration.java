package vn.giamngheo.notification.cards;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.notification.messages.MessageTriggers;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class CardConfiguration {

    @Bean
    OutboxCollection cardRequestOutbox() {
        return new OutboxCollection(CardRequestStore.COLLECTION);
    }

    /**
     * Inbound flow {@code benefitEvents-in-0} ← {@code benefit.events}: health-insurance decisions become card requests,
     * every decision an SMS to the household.
     */
    @Bean
    Consumer<Message<byte[]>> benefitEvents(CardRequests requests, MessageTriggers messages, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .on(EventTypes.BENEFIT_GRANTED, e -> MessageTriggers.combine(requests.granted(e), messages.granted(e)))
                .on(EventTypes.BENEFIT_CHANGED, e -> MessageTriggers.combine(requests.changed(e), messages.changed(e)))
                .on(EventTypes.BENEFIT_REVOKED, e -> MessageTriggers.combine(requests.revoked(e), messages.revoked(e)))
                .build();
    }
}
