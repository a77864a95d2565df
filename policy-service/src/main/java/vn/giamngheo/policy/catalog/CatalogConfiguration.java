package vn.giamngheo.policy.catalog;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.validation.annotation.Validated;
import vn.giamngheo.platform.rules.RuleFiles;
import vn.giamngheo.platform.units.UnitCatalog;

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
        return PolicyCatalog.load(RuleFiles.resolve(resolver, properties.files()), properties.departments());
    }

    @Bean
    EligibilityEvaluator eligibilityEvaluator(PolicyCatalog catalog, UnitCatalog units) {
        return new EligibilityEvaluator(catalog, new FormerProvinces(units));
    }
}
