package vn.giamngheo.household.review;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.platform.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewService.ReviewProperties.class)
class ReviewConfiguration {

    /** Rounds publish {@code review.posting-started} through their own outbox. */
    @Bean
    OutboxCollection reviewRoundOutbox() {
        return new OutboxCollection(ReviewStore.ROUNDS);
    }
}
