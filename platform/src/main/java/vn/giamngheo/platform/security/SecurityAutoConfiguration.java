package vn.giamngheo.platform.security;

import com.mongodb.client.MongoDatabase;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import vn.giamngheo.platform.PlatformProperties;
import vn.giamngheo.platform.audit.AuditController;
import vn.giamngheo.platform.deadletters.DeadLetterController;
import vn.giamngheo.platform.audit.AuditFilter;
import vn.giamngheo.platform.audit.AuditLog;
import vn.giamngheo.platform.audit.AuditedReads;
import vn.giamngheo.platform.web.InputGuardFilter;
import vn.giamngheo.platform.web.Problems;
import vn.giamngheo.platform.web.PublicRateLimitFilter;

/**
 * Every service is an OAuth2 resource server: a request needs a valid bearer token (signature from the issuer's key
 * set, issuer, audience, expiry) unless the service's {@link EndpointRules} or the platform open it; roles come from
 * the token's {@code roles} claim. No token or a bad one is a 401, a valid token without the role a 403, both as
 * problem details. Stateless: no session, no cookie, so no CSRF token either.
 */
@AutoConfiguration(after = vn.giamngheo.platform.PlatformAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
@Import({AuditController.class, DeadLetterController.class})
public class SecurityAutoConfiguration {

    /**
     * On every response, pages included (the self-assessment page, the public dashboard): scripts, styles, images and
     * calls from this origin only, no inline script or style (the pages keep theirs in files), no plugins, no
     * {@code <base>} elsewhere, forms posting here only, and no framing by another site. The pages link nowhere else
     * and nothing here reads the Referer, so none is sent ({@code no-referrer}): a dashboard address with its area
     * or a page's query never reaches another site.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The issuer's key set from {@code jwk-set-uri} (fetched on first use, cached); or, where the context holds an
     * {@link RSAPublicKey} bean (the service tests), that key. The same checks either way.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<RSAPublicKey> trustedKey) {
        RSAPublicKey key = trustedKey.getIfAvailable();
        if (key == null) {
            return Tokens.decoder(properties.jwkSetUri(), properties.issuer(), properties.audience());
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        decoder.setJwtValidator(Tokens.validator(properties.issuer(), properties.audience()));
        return decoder;
    }

    @Bean
    AuditLog auditLog(MongoDatabase database, PlatformProperties properties) {
        return new AuditLog(database, properties.serviceName());
    }

    @Bean
    @ConditionalOnMissingBean
    AuditedReads auditedReads() {
        return new AuditedReads(List.of());
    }

    @Bean
    AuditFilter auditFilter(AuditLog audit, AuditedReads reads, Clock clock) {
        return new AuditFilter(audit, reads, clock);
    }

    /** Before Spring Security's chain (order -100): floods of anonymous calls are cut first. */
    @Bean
    FilterRegistrationBean<PublicRateLimitFilter> publicRateLimit(SecurityProperties properties, Clock clock) {
        FilterRegistrationBean<PublicRateLimitFilter> registration = new FilterRegistrationBean<>(
                new PublicRateLimitFilter(properties.publicCallsPerMinute(), properties.partnerCallsPerMinute(),
                        properties.signedCallbacks(), clock));
        registration.setOrder(-300);
        return registration;
    }

    /** Body size and operator keys, before anything reads the body. */
    @Bean
    FilterRegistrationBean<InputGuardFilter> inputGuard(SecurityProperties properties) {
        FilterRegistrationBean<InputGuardFilter> registration = new FilterRegistrationBean<>(
                new InputGuardFilter(properties.maxBodyBytes(), properties.uploadPaths()));
        registration.setOrder(-250);
        return registration;
    }

    /** After Spring Security's chain (order -100), so the caller is known. */
    @Bean
    FilterRegistrationBean<AuditFilter> auditFilterRegistration(AuditFilter filter) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain platformSecurity(HttpSecurity http, ObjectProvider<EndpointRules> rules, AuditFilter audit)
            throws Exception {
        BearerTokenAuthenticationEntryPoint unauthenticated = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs",
                            "/v3/api-docs/**").permitAll();
                    a.requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(Role.CITY_ADMIN.name(),
                            Role.PLATFORM_SERVICE.name());
                    a.requestMatchers(HttpMethod.GET, "/api/v1/audit").hasAnyRole(Role.CITY_ADMIN.name(),
                            Role.LABOUR_OFFICER.name());
                    // dead letters hold whole events (names, citizen ids): the city's administrator only
                    a.requestMatchers("/api/v1/dead-letters", "/api/v1/dead-letters/**")
                            .hasRole(Role.CITY_ADMIN.name());
                    rules.orderedStream().forEach(r -> r.apply(a));
                    a.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(Tokens.authenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> {
                            unauthenticated.commence(request, response, e);
                            Problems.write(response, 401, "Unauthorized", "Sign in: this needs a valid bearer token ("
                                    + e.getMessage() + ")");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            denied.handle(request, response, e);
                            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                                    .getAuthentication();
                            if (auth != null && request.getRequestURI().startsWith("/api/v1/")) {
                                audit.record(request, 403, auth);
                            }
                            Problems.write(response, 403, "Forbidden", "Your role does not allow this");
                        }));
        return http.build();
    }
}
