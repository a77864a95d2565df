package vn.giamngheo.household.review;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewService.ReviewProperties.class)
class ReviewConfiguration {
}
