package vn.giamngheo.notification.messages;

import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
class MessageConfiguration {

    /** Loaded and checked at start-up: a broken template stops the service here, not at send time. */
    @Bean
    Templates templates(MessagingProperties properties) {
        return Templates.load(properties.templates());
    }

    /** Inbound flow {@code cardEvents-in-0} ← {@code insurance-card.events} (this service's own): tell people. */
    @Bean
    Consumer<Message<byte[]>> cardEvents(MessageTriggers triggers, EventMetrics metrics) {
        return EventDispatcher.builder(metrics)
                .onEach(triggers, EventTypes.INSURANCE_CARD_ISSUED, EventTypes.INSURANCE_CARD_FAILED)
                .build();
    }
}
