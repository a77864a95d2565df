package vn.giamngheo.household.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.platform.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    OutboxCollection householdOutbox() {
        return new OutboxCollection(HouseholdStore.COLLECTION);
    }
}
