package vn.giamngheo.auth.signin;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import vn.giamngheo.auth.AuthProperties;
import vn.giamngheo.auth.people.People;
import vn.giamngheo.auth.tokens.TokenClaims;

/**
 * Two filter chains, as Spring Authorization Server's reference configuration has them: the protocol endpoints
 * (authorize, token, JWK set, discovery, UserInfo, RP-initiated logout at {@code /connect/logout}), whose browser
 * visitors without a session are sent to the sign-in page; and the sign-in page itself, a form login with CSRF
 * protection, in Vietnamese, with a lockout after repeated wrong passwords ({@link SignInAttempts}).
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    static final String SIGN_IN = "/login";

    /**
     * Pages from this origin only, no plugins, no framing. No {@code form-action}: after the sign-in form the browser
     * is redirected on to the portal, another origin, and browsers apply {@code form-action} to those redirects too.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain protocol(HttpSecurity http, TokenClaims claims, OAuth2AuthorizationService authorizations)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(oidc -> oidc
                        .userInfoEndpoint(u -> u.userInfoMapper(claims::userInfo))
                        .logoutEndpoint(l -> l.logoutResponseHandler(endSession(authorizations)))))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // The UserInfo endpoint takes the access token as a bearer token.
                .oauth2ResourceServer(r -> r.jwt(jwt -> { }))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SIGN_IN), browser))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain signIn(HttpSecurity http, SignInPage page) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(SIGN_IN, "/css/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(SIGN_IN).failureHandler(page.failed()).successHandler(page.succeeded()))
                .logout(l -> l.logoutSuccessUrl(SIGN_IN + "?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * Signing out from the portal ends the provider's session (the next sign-in asks for the password again) and
     * revokes what was issued to that portal session: its refresh token can no longer bring new access tokens.
     */
    private static OidcLogoutAuthenticationSuccessHandler endSession(OAuth2AuthorizationService authorizations) {
        SecurityContextLogoutHandler session = new SecurityContextLogoutHandler();
        OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
        handler.setLogoutHandler((request, response, authentication) -> {
            OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
            OAuth2Authorization issued = authorizations.findByToken(logout.getIdToken().getTokenValue(),
                    new OAuth2TokenType(OidcParameterNames.ID_TOKEN));
            if (issued != null) {
                authorizations.remove(issued);
            }
            if (logout.isPrincipalAuthenticated()) {
                session.logout(request, response, (Authentication) logout.getPrincipal());
            }
        });
        return handler;
    }

    @Bean
    SignInAttempts signInAttempts(AuthProperties properties) {
        return new SignInAttempts(properties.lockout().maxFailures(), properties.lockout().duration(),
                Clock.systemUTC());
    }

    @Bean
    UserDetailsService accounts(People people, SignInAttempts attempts) {
        return new SignInAccounts(people, attempts);
    }

    /** Held here (and not made by the server configurer) so that signing out can revoke what it finds in it. */
    @Bean
    OAuth2AuthorizationService authorizations() {
        return new InMemoryOAuth2AuthorizationService();
    }

    /**
     * The sessions the provider's ID tokens name ({@code sid}), checked at logout. A bean, so that it hears of
     * sessions that end ({@link HttpSessionEventPublisher}) and forgets them.
     */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher sessionEvents() {
        return new HttpSessionEventPublisher();
    }

    /**
     * The provider's session ends after {@code idleTimeout} without a request. Set on each session rather than with
     * {@code server.servlet.session.timeout}, which Tomcat rounds to whole minutes.
     */
    @Bean
    HttpSessionListener idleTimeout(AuthProperties properties) {
        int seconds = Math.toIntExact(properties.idleTimeout().toSeconds());
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                event.getSession().setMaxInactiveInterval(seconds);
            }
        };
    }
}
