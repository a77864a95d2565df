package vn.giamngheo.reporting;

import static vn.giamngheo.platform.security.Role.CITY_ADMIN;
import static vn.giamngheo.platform.security.Role.COMMUNE_CHAIRMAN;
import static vn.giamngheo.platform.security.Role.DEPARTMENT_OFFICER;
import static vn.giamngheo.platform.security.Role.LABOUR_OFFICER;
import static vn.giamngheo.platform.security.Role.STEERING_VIEWER;
import static vn.giamngheo.platform.security.Role.WARD_OFFICER;
import static vn.giamngheo.platform.security.Role.names;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import vn.giamngheo.platform.security.EndpointRules;

/**
 * Who may call what in reporting-service. Open: the public dashboard (its page, data and stream: aggregates only).
 * Reading figures, plans, statistics, training and reports: every officer role and the steering committee. Changing
 * plans, statistics and training records: the administrator and the Labour office. Reconciliation: the administrator.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    EndpointRules reportingRules() {
        return r -> {
            r.requestMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard.js", "/dashboard.css", "/favicon.ico",
                    "/api/v1/dashboard", "/api/v1/areas/*/stream").permitAll();
            // Before the reads of figures: a reconciliation's result names households whose facts differ.
            r.requestMatchers("/api/v1/reconciliation").hasRole(CITY_ADMIN.name());
            r.requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER,
                    WARD_OFFICER, COMMUNE_CHAIRMAN, DEPARTMENT_OFFICER, STEERING_VIEWER));
            r.requestMatchers("/api/v1/plans/**", "/api/v1/statistics", "/api/v1/training/**")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER));
        };
    }
}
