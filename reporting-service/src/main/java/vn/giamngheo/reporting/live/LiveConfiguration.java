package vn.giamngheo.reporting.live;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.reporting.ReportingProperties;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.figures.FigureCalculator;
import vn.giamngheo.reporting.plans.Plans;
import vn.giamngheo.reporting.plans.Progress;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    ProgressStore progressStore(Aggregates aggregates, MongoDatabase database) {
        return new ProgressStore(aggregates, database);
    }

    @Bean
    LiveProgress liveProgress(Areas areas, FigureCalculator calculator, Plans plans, Progress progress,
            ProgressStore store, Clock clock, FactIndex index, ReportingProperties properties) {
        return new LiveProgress(areas, calculator, plans, progress, store, clock, index,
                properties.live().toMillis(), properties.streams().heartbeat());
    }
}
