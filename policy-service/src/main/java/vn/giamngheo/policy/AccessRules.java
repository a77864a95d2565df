package vn.giamngheo.policy;

import static vn.giamngheo.platform.security.Role.CITY_ADMIN;
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
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.security.EndpointRules;
import vn.giamngheo.platform.security.HouseholdAccess;
import vn.giamngheo.policy.eligibility.EligibilityViews;

/**
 * Who may call what in policy-service. Open: the policies in force (public legal information). A household's
 * eligibility view and decisions: the administrator, the Labour office, ward officers and department officers.
 * Facts are recorded by ward officers, the Labour office and the departments that hold them (schooling, pensions,
 * disability). Applications are filed by ward officers and the Labour office, reviewed and decided by the owning
 * department's officers; a department officer reads only their own department's applications, entitlements and
 * payment lists (checked by the controllers, {@code DepartmentAccess}). The daily run: the administrator or the platform.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    EndpointRules policyRules() {
        return r -> {
            r.requestMatchers(HttpMethod.GET, "/api/v1/policies", "/api/v1/policies/**").permitAll();
            r.requestMatchers(HttpMethod.POST, "/api/v1/eligibility/evaluate")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER, DEPARTMENT_OFFICER));
            r.requestMatchers(HttpMethod.GET, "/api/v1/households/**", "/api/v1/entitlements",
                    "/api/v1/entitlements/payment-list.xlsx", "/api/v1/applications", "/api/v1/applications/**")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER, DEPARTMENT_OFFICER));
            r.requestMatchers(HttpMethod.PUT, "/api/v1/households/*/facts")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER, DEPARTMENT_OFFICER));
            r.requestMatchers(HttpMethod.POST, "/api/v1/applications")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER));
            r.requestMatchers(HttpMethod.POST, "/api/v1/applications/*/review", "/api/v1/applications/*/approve",
                    "/api/v1/applications/*/reject").hasAnyRole(names(CITY_ADMIN, DEPARTMENT_OFFICER));
            r.requestMatchers(HttpMethod.POST, "/api/v1/decisions/daily-run")
                    .hasAnyRole(names(CITY_ADMIN, PLATFORM_SERVICE));
        };
    }

    /** Reads of these paths return a person's data: each is audited. */
    @Bean
    AuditedReads personalReads() {
        return new AuditedReads(List.of("/api/v1/households/**", "/api/v1/applications", "/api/v1/applications/**",
                "/api/v1/entitlements", "/api/v1/entitlements/payment-list.xlsx"));
    }

    /** Households are in the units this service last saw them in, on {@code household.events}. */
    @Bean
    HouseholdAccess householdAccess(AreaAccess access, EligibilityViews views) {
        return new HouseholdAccess(access, views::unitOf);
    }
}
