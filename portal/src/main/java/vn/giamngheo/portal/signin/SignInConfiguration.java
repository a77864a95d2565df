package vn.giamngheo.portal.signin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.portal.PortalProperties;

/**
 * Sign-in: OpenID Connect authorization code with PKCE (the portal is a confidential client and uses PKCE as well)
 * against the provider the services trust. Tokens stay in the person's session on the server; the browser holds only
 * the session cookie. Every page needs a signed-in person; every form carries a CSRF token; signing out ends the
 * session here and at the provider.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    /** The registration id: the redirect URI ends in /login/oauth2/code/giamngheo. */
    static final String REGISTRATION = "giamngheo";

    /** The claims the services act on, taken from the access token when the ID token lacks them. */
    private static final Set<String> PERSON_CLAIMS = Set.of("name", "roles", "units", "department");

    @Bean
    ClientRegistrationRepository clientRegistrations(PortalProperties properties) {
        PortalProperties.SignIn signIn = properties.signIn();
        String issuer = trimmed(signIn.issuer());
        String server = trimmed(signIn.serverSideIssuer());
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(signIn.clientId())
                .clientSecret(signIn.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .clientName("Giảm Nghèo")
                // The endpoints of Spring Authorization Server, given here rather than discovered so that the portal
                // starts (and shows its own error pages) while the provider is still starting or down.
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(server + "/oauth2/token")
                .jwkSetUri(server + "/oauth2/jwks")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    private static String trimmed(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Gives the session's access token, refreshing it with the refresh token once it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /**
     * The person as the ID token says, with the roles, units and department of their access token when the ID
     * token does not carry them. The access token came straight from the provider's token endpoint on the
     * back channel, so reading its claims here needs no signature check; each service checks it on every call.
     */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> officers(JsonMapper json) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> claims = new HashMap<>();
            accessTokenClaims(json, request.getAccessToken().getTokenValue()).forEach((name, value) -> {
                if (PERSON_CLAIMS.contains(name) && !user.getIdToken().hasClaim(name)) {
                    claims.put(name, value);
                }
            });
            if (claims.isEmpty()) {
                return user;
            }
            claims.put("sub", user.getSubject());
            if (user.getUserInfo() != null) {
                claims.putAll(user.getUserInfo().getClaims());
            }
            return new DefaultOidcUser(user.getAuthorities(), user.getIdToken(), new OidcUserInfo(claims), "sub");
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> accessTokenClaims(JsonMapper json, String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Map.of();
        }
        try {
            return json.readValue(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8),
                    Map.class);
        } catch (RuntimeException notAJwt) {
            return Map.of();
        }
    }

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients, OAuth2UserService<OidcUserRequest, OidcUser> officers,
            PortalProperties properties) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        URI issuer = properties.signIn().issuer();
        String provider = issuer.getScheme() + "://" + issuer.getAuthority();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error", "/actuator/health",
                                "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(o -> o
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(authorizationRequests))
                        .authorizedClientRepository(authorizedClients)
                        .userInfoEndpoint(u -> u.oidcUserService(officers)))
                .oauth2Client(c -> c.authorizedClientRepository(authorizedClients))
                .logout(l -> l.logoutSuccessHandler(signedOut))
                .csrf(Customizer.withDefaults())
                .headers(h -> h
                        // No inline script or style anywhere. The sign-out form is redirected on to the provider,
                        // which form-action must allow.
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; object-src 'none'; "
                                + "base-uri 'self'; form-action 'self' " + provider + "; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
