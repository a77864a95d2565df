package vn.giamngheo.reporting;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.rules.RuleFiles;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.facts.FactRecorder;
import vn.giamngheo.reporting.facts.FactStore;
import vn.giamngheo.reporting.plans.Plans;

/**
 * The reporting beans and the three inbound flows: {@code householdEvents-in-0} ← {@code household.events},
 * {@code benefitEvents-in-0} ← {@code benefit.events}, {@code cardEvents-in-0} ← {@code insurance-card.events}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
class ReportingConfiguration {

    @Bean
    Areas areas(UnitCatalog units) {
        return new Areas(units);
    }

    @Bean
    FactStore factStore(Aggregates aggregates, MongoDatabase database) {
        return new FactStore(aggregates, database, "");
    }

    /** Loaded from the store before the consumers start (bindings start with the context's lifecycle). */
    @Bean
    FactIndex factIndex(FactStore store, Areas areas) {
        return FactIndex.load(store, areas);
    }

    @Bean
    FactRecorder factRecorder(FactStore store, FactIndex index) {
        return new FactRecorder(store, index);
    }

    @Bean
    BatchEventDispatcher householdEvents(FactRecorder recorder, EventMetrics metrics) {
        return recorder.householdEvents(metrics);
    }

    @Bean
    BatchEventDispatcher benefitEvents(FactRecorder recorder, EventMetrics metrics) {
        return recorder.benefitEvents(metrics);
    }

    @Bean
    BatchEventDispatcher cardEvents(FactRecorder recorder, EventMetrics metrics) {
        return recorder.cardEvents(metrics);
    }

    @Bean
    Plans plans(Aggregates aggregates, MongoDatabase database, Areas areas, Clock clock, ReportingProperties properties,
            ResourcePatternResolver resolver) {
        List<String> files = properties.plans() == null ? List.of() : properties.plans();
        return new Plans(aggregates, database, areas, clock,
                files.isEmpty() ? List.of() : RuleFiles.resolve(resolver, files));
    }
}
