package vn.giamngheo.household.registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    CitizenIdRules citizenIdRules(@Value("${household.citizen-ids.file}") Resource file) {
        return CitizenIdRules.load(file);
    }
}
