package vn.giamngheo.policy.applications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.platform.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    /** The relay publishes the application events written with each step. */
    @Bean
    OutboxCollection applicationOutbox() {
        return new OutboxCollection(ApplicationStore.COLLECTION);
    }
}
