package vn.giamngheo.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The local OpenID Connect provider. Each demo client stands for one role (and its units or department); it gets a
 * JWT with the client-credentials grant, carrying {@code roles}, {@code units} and {@code department} claims and the
 * platform's audience:
 * <pre>curl -s -u ward-officer-08707:demo -d grant_type=client_credentials localhost:9000/oauth2/token</pre>
 * The signing key is made at start-up, so tokens do not outlive a restart.
 */
@SpringBootApplication
public class AuthServer {

    /** A demo client: its roles, the units it acts for, its department. */
    record Demo(String clientId, List<String> roles, List<String> units, String department) {
    }

    static final List<Demo> DEMO = List.of(
            new Demo("city-admin", List.of("CITY_ADMIN"), List.of("*"), null),
            new Demo("labour-officer", List.of("LABOUR_OFFICER"), List.of("*"), null),
            new Demo("ward-officer-08707", List.of("WARD_OFFICER"), List.of("08707"), null),
            new Demo("ward-officer-08716", List.of("WARD_OFFICER"), List.of("08716"), null),
            new Demo("chairman-08707", List.of("COMMUNE_CHAIRMAN"), List.of("08707"), null),
            new Demo("chairman-08716", List.of("COMMUNE_CHAIRMAN"), List.of("08716"), null),
            new Demo("education-officer", List.of("DEPARTMENT_OFFICER"), List.of("*"), "EDUCATION"),
            new Demo("bank-officer", List.of("DEPARTMENT_OFFICER"), List.of("*"), "SOCIAL_POLICY_BANK"),
            new Demo("health-insurance-officer", List.of("DEPARTMENT_OFFICER"), List.of("*"), "HEALTH_INSURANCE"),
            new Demo("bhxh-system", List.of("BHXH_SYSTEM"), List.of(), null),
            new Demo("steering-viewer", List.of("STEERING_VIEWER"), List.of(), null),
            new Demo("platform", List.of("PLATFORM_SERVICE"), List.of("*"), null));

    public static void main(String[] args) {
        SpringApplication.run(AuthServer.class, args);
    }

    @Bean
    RegisteredClientRepository clients(@Value("${auth.demo-secret}") String secret,
            @Value("${auth.token-lifetime}") Duration lifetime) {
        // Stored as BCrypt hashes: the same demo secret hashes differently for each client.
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        List<RegisteredClient> clients = new ArrayList<>();
        for (Demo demo : DEMO) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(demo.clientId().getBytes()).toString())
                    .clientId(demo.clientId())
                    .clientSecret("{bcrypt}" + bcrypt.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(lifetime).build())
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The claims of the platform: audience, roles, units and department of the client's role. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims(@Value("${auth.audience}") String audience) {
        Map<String, Demo> byClient = new java.util.HashMap<>();
        DEMO.forEach(d -> byClient.put(d.clientId(), d));
        return context -> {
            Demo demo = byClient.get(context.getRegisteredClient().getClientId());
            context.getClaims().audience(List.of(audience));
            if (demo != null) {
                context.getClaims().claim("roles", demo.roles()).claim("units", demo.units());
                if (demo.department() != null) {
                    context.getClaims().claim("department", demo.department());
                }
            }
        };
    }

    @Bean
    AuthorizationServerSettings settings(@Value("${auth.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    @Bean
    JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
