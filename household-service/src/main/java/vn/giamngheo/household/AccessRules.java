package vn.giamngheo.household;

import static vn.giamngheo.platform.security.Role.CITY_ADMIN;
import static vn.giamngheo.platform.security.Role.COMMUNE_CHAIRMAN;
import static vn.giamngheo.platform.security.Role.DEPARTMENT_OFFICER;
import static vn.giamngheo.platform.security.Role.LABOUR_OFFICER;
import static vn.giamngheo.platform.security.Role.PLATFORM_SERVICE;
import static vn.giamngheo.platform.security.Role.WARD_OFFICER;
import static vn.giamngheo.platform.security.Role.names;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import vn.giamngheo.platform.audit.AuditedReads;
import vn.giamngheo.platform.security.EndpointRules;

/**
 * Who may call what in household-service. Open: the self-assessment page, its evaluation and the online review
 * request it sends (verified by the officers below before it counts), and the reference data (units, standards).
 * Households and review rounds: the administrator, the Labour office and the ward officers (their own units, checked
 * by the controllers; the rounds' list and board show only the caller's units); households' review requests are
 * recorded by the same officers; the
 * decision and the written refusal of a request: the commune chairman (or the administrator). Rebuilding the search
 * index and editing the document templates: the administrator; reading the templates: whoever may read review rounds
 * (a round's documents are reads of the round).
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    EndpointRules householdRules() {
        return r -> {
            r.requestMatchers(HttpMethod.GET, "/tu-danh-gia", "/tu-danh-gia.html", "/*.js", "/*.css",
                    "/favicon.ico").permitAll();
            r.requestMatchers(HttpMethod.POST, "/api/v1/assessments/evaluate", "/api/v1/review-requests/online")
                    .permitAll();
            r.requestMatchers(HttpMethod.GET, "/api/v1/units", "/api/v1/units/**", "/api/v1/standards",
                    "/api/v1/standards/**").permitAll();
            r.requestMatchers(HttpMethod.POST, "/api/v1/households/search/rebuild").hasAnyRole(names(CITY_ADMIN));
            r.requestMatchers(HttpMethod.PUT, "/api/v1/document-templates/*").hasAnyRole(names(CITY_ADMIN));
            r.requestMatchers(HttpMethod.GET, "/api/v1/document-templates", "/api/v1/document-templates/*")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER, COMMUNE_CHAIRMAN, PLATFORM_SERVICE));
            r.requestMatchers(HttpMethod.POST, "/api/v1/review-rounds/*/decision",
                    "/api/v1/review-requests/*/refusal").hasAnyRole(names(CITY_ADMIN, COMMUNE_CHAIRMAN));
            // A department delivering a benefit (the bank's loan, a school's exemption) reads the one household it
            // decides for — its head and members, audited like every read — but never lists or searches the registry.
            r.requestMatchers(HttpMethod.GET, "/api/v1/households/search", "/api/v1/households/import-template")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER, COMMUNE_CHAIRMAN, PLATFORM_SERVICE));
            r.requestMatchers(HttpMethod.GET, "/api/v1/households/*").hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER,
                    WARD_OFFICER, COMMUNE_CHAIRMAN, PLATFORM_SERVICE, DEPARTMENT_OFFICER));
            r.requestMatchers(HttpMethod.GET, "/api/v1/households", "/api/v1/households/**",
                    "/api/v1/review-rounds", "/api/v1/review-rounds/board", "/api/v1/review-rounds/**",
                    "/api/v1/review-requests", "/api/v1/review-requests/**")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER, COMMUNE_CHAIRMAN, PLATFORM_SERVICE));
            r.requestMatchers("/api/v1/households", "/api/v1/households/**", "/api/v1/review-rounds",
                    "/api/v1/review-rounds/**", "/api/v1/review-requests", "/api/v1/review-requests/**")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER));
            r.requestMatchers("/api/v1/simulations", "/api/v1/simulations/**")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER));
        };
    }

    /** Reads of these paths return a person's data: each is audited. */
    @Bean
    AuditedReads personalReads() {
        return new AuditedReads(List.of("/api/v1/households", "/api/v1/households/**", "/api/v1/review-rounds/**",
                "/api/v1/review-requests", "/api/v1/review-requests/**"));
    }
}
