package vn.giamngheo.household.classification;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.validation.annotation.Validated;
import vn.giamngheo.platform.rules.RuleFiles;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassificationConfiguration.StandardProperties.class)
class ClassificationConfiguration {

    /** @param files standard files or patterns ({@code classpath:standards/*.yaml}), loaded and checked at start-up */
    @Validated
    @ConfigurationProperties("household.standards")
    record StandardProperties(@NotEmpty List<String> files) {
    }

    @Bean
    StandardCatalog standardCatalog(StandardProperties properties, ResourcePatternResolver resolver) {
        return StandardCatalog.load(RuleFiles.resolve(resolver, properties.files()));
    }

    @Bean
    Classifier classifier() {
        return new Classifier();
    }
}
