package vn.giamngheo.household.review;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import vn.giamngheo.platform.rules.RuleFileException;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewService.ReviewProperties.class)
class ReviewConfiguration {

    /** The public holidays file, checked at start-up: a mistake stops the service with the file and the line. */
    @Bean
    WorkingCalendar workingCalendar(ReviewService.ReviewProperties properties, ResourceLoader loader) {
        Resource file = loader.getResource(properties.holidaysFile());
        String name = file.getFilename() == null ? file.getDescription() : file.getFilename();
        try (InputStream in = file.getInputStream()) {
            return WorkingCalendar.read(name, in);
        } catch (IOException e) {
            throw new RuleFileException(name, 0, "cannot be read: " + e.getMessage(), e);
        }
    }
}
