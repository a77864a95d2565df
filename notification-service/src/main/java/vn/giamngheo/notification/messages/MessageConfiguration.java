package vn.giamngheo.notification.messages;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
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
    BatchEventDispatcher cardEvents(MessageTriggers triggers, EventMetrics metrics) {
        return BatchEventDispatcher.builder(metrics)
                .on(EventTypes.INSURANCE_CARD_ISSUED, EventTypes.INSURANCE_CARD_FAILED)
                .handledBy(triggers);
    }
}
