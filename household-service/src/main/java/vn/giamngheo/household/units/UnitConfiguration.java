package vn.giamngheo.household.units;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.validation.annotation.Validated;
import vn.giamngheo.platform.rules.RuleFiles;
import vn.giamngheo.platform.units.UnitCatalog;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UnitConfiguration.UnitProperties.class)
class UnitConfiguration {

    /** @param files unit data files ({@code classpath:} or {@code file:}), loaded and checked at start-up */
    @Validated
    @ConfigurationProperties("household.units")
    record UnitProperties(@NotEmpty List<String> files) {
    }

    @Bean
    UnitCatalog unitCatalog(UnitProperties properties, ResourcePatternResolver resolver) {
        return UnitCatalog.load(RuleFiles.resolve(resolver, properties.files()));
    }
}
