package vn.giamngheo.household.classification;

import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.validation.annotation.Validated;

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
        List<Resource> resources = new ArrayList<>();
        for (String location : properties.files()) {
            try {
                resources.addAll(Arrays.asList(resolver.getResources(location)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list standard files at " + location, e);
            }
        }
        return StandardCatalog.load(resources);
    }

    @Bean
    Classifier classifier() {
        return new Classifier();
    }
}
