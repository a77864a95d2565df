package vn.giamngheo.auth.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import vn.giamngheo.auth.AuthProperties;

@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    @Bean
    RegisteredClientRepository clients(AuthProperties properties) {
        // Stored as BCrypt hashes: the same demo secret hashes differently for each client.
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        List<RegisteredClient> clients = new ArrayList<>();
        for (MachineClient machine : MachineClient.DEMO) {
            clients.add(RegisteredClient.withId(id(machine.clientId()))
                    .clientId(machine.clientId())
                    .clientName(machine.standsFor())
                    .clientSecret("{bcrypt}" + bcrypt.encode(properties.demoSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build())
                    .build());
        }
        clients.add(portal(properties, bcrypt));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The officers' portal signs people in: a confidential client (its secret stays on its server) that must also
     * send a PKCE proof, so that a code stolen from a redirect is worthless without the verifier (RFC 9700 2.1.1).
     * No consent page: the portal is the platform's own application, and a person has nothing to choose. Refresh
     * tokens rotate, each living {@code idleTimeout}: a portal left unused that long cannot call on the person's
     * behalf any more.
     */
    private static RegisteredClient portal(AuthProperties properties, BCryptPasswordEncoder bcrypt) {
        AuthProperties.Portal portal = properties.portal();
        return RegisteredClient.withId(id(portal.clientId()))
                .clientId(portal.clientId())
                .clientName("Cổng thông tin cán bộ giảm nghèo")
                .clientSecret("{bcrypt}" + bcrypt.encode(portal.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(portal.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(portal.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime())
                        .refreshTokenTimeToLive(properties.idleTimeout()).reuseRefreshTokens(false).build())
                .build();
    }

    /** Stable across restarts, so that nothing keyed by the registration id changes with them. */
    private static String id(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes()).toString();
    }
}
