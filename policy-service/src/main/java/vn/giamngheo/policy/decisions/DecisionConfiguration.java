package vn.giamngheo.policy.decisions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.platform.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class DecisionConfiguration {

    @Bean
    OutboxCollection decisionOutbox() {
        return new OutboxCollection(DecisionStore.COLLECTION);
    }
}
