package vn.giamngheo.notification;

import static vn.giamngheo.platform.security.Role.CITY_ADMIN;
import static vn.giamngheo.platform.security.Role.COMMUNE_CHAIRMAN;
import static vn.giamngheo.platform.security.Role.DEPARTMENT_OFFICER;
import static vn.giamngheo.platform.security.Role.LABOUR_OFFICER;
import static vn.giamngheo.platform.security.Role.WARD_OFFICER;
import static vn.giamngheo.platform.security.Role.names;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import vn.giamngheo.notification.activity.HouseholdActivity;
import vn.giamngheo.platform.audit.AuditedReads;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.security.EndpointRules;
import vn.giamngheo.platform.security.HouseholdAccess;

/**
 * Who may call what in notification-service. The BHXH card callbacks and the SMS gateway's delivery reports come
 * from outside systems and are authenticated by their HMAC signature (a 401 without it), not by a token. Card
 * requests: the administrator, the Labour office and department officers; messages and contacts: the administrator,
 * the Labour office and (contacts) ward officers; a commune's officer and chairman also read the card requests and
 * messages of their units' households.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    EndpointRules notificationRules() {
        return r -> {
            r.requestMatchers(HttpMethod.POST, "/api/v1/bhxh/card-callbacks", "/api/v1/sms/delivery-reports")
                    .permitAll();
            // The commune's officer and chairman answer a household's questions on its card and its messages: they
            // read them for the households of their units (the controllers check the area); only the departments and
            // the Sở NN&MT send a request or a message again.
            r.requestMatchers(HttpMethod.GET, "/api/v1/card-requests", "/api/v1/card-requests/*")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, DEPARTMENT_OFFICER, WARD_OFFICER, COMMUNE_CHAIRMAN));
            r.requestMatchers(HttpMethod.GET, "/api/v1/messages", "/api/v1/messages/*")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER, COMMUNE_CHAIRMAN));
            r.requestMatchers("/api/v1/card-requests", "/api/v1/card-requests/**")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, DEPARTMENT_OFFICER));
            r.requestMatchers("/api/v1/contacts/households/**")
                    .hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER, WARD_OFFICER));
            r.requestMatchers("/api/v1/contacts/officers", "/api/v1/contacts/officers/**", "/api/v1/messages",
                    "/api/v1/messages/**", "/api/v1/households/**").hasAnyRole(names(CITY_ADMIN, LABOUR_OFFICER));
        };
    }

    /** Reads of these paths return a person's data: each is audited. */
    @Bean
    AuditedReads personalReads() {
        return new AuditedReads(List.of("/api/v1/contacts/**", "/api/v1/messages", "/api/v1/messages/**",
                "/api/v1/card-requests", "/api/v1/card-requests/**", "/api/v1/households/**"));
    }

    /** Households are in the units this service last saw them in, on {@code household.events}. */
    @Bean
    HouseholdAccess householdAccess(AreaAccess access, HouseholdActivity activity) {
        return new HouseholdAccess(access, activity::unitOf);
    }
}
