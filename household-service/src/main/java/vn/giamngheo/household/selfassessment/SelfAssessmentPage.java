package vn.giamngheo.household.selfassessment;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public self-assessment page (plan 2022, sub-project 5.2: "IT that helps poor households identify their own
 * status"): plain questions in Vietnamese, answered by the evaluate API; nothing is stored.
 */
@Configuration(proxyBeanMethods = false)
class SelfAssessmentPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/tu-danh-gia").setViewName("forward:/tu-danh-gia.html");
        registry.addRedirectViewController("/", "/tu-danh-gia");
    }
}
