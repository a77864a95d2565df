package vn.giamngheo.policy.catalog;

import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.validation.annotation.Validated;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogConfiguration.PolicyProperties.class)
class CatalogConfiguration {

    /**
     * @param departments the departments this instance decides for (each department may run its own instance)
     * @param files       policy files or patterns, one file per policy version
     */
    @Validated
    @ConfigurationProperties("policy")
    record PolicyProperties(@NotEmpty Set<String> departments, @NotEmpty List<String> files) {
    }

    @Bean
    PolicyCatalog policyCatalog(PolicyProperties properties, ResourcePatternResolver resolver) {
        List<Resource> resources = new ArrayList<>();
        for (String location : properties.files()) {
            try {
                resources.addAll(Arrays.asList(resolver.getResources(location)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list policy files at " + location, e);
            }
        }
        return PolicyCatalog.load(resources, properties.departments());
    }

    @Bean
    EligibilityEvaluator eligibilityEvaluator(PolicyCatalog catalog) {
        return new EligibilityEvaluator(catalog);
    }
}
