package vn.giamngheo.reporting.live;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxCollection;
import vn.giamngheo.platform.outbox.OutboxRelay;
import vn.giamngheo.reporting.ReportingProperties;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.figures.FigureCalculator;
import vn.giamngheo.reporting.plans.Plans;
import vn.giamngheo.reporting.plans.Progress;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    OutboxCollection progressOutbox() {
        return new OutboxCollection(ProgressStore.COLLECTION);
    }

    @Bean
    ProgressStore progressStore(MongoDatabase database, Outbox outbox, OutboxRelay relay) {
        return new ProgressStore(database, outbox, relay);
    }

    @Bean
    LiveProgress liveProgress(Areas areas, FigureCalculator calculator, Plans plans, Progress progress,
            ProgressStore store, Clock clock, FactIndex index, ReportingProperties properties) {
        return new LiveProgress(areas, calculator, plans, progress, store, clock, index,
                properties.live().toMillis(), properties.streams().heartbeat());
    }
}
