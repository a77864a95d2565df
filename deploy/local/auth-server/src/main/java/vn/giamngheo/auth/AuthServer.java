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

    /** A demo client: who it stands for, its roles, the units it acts for, its department. */
    record Demo(String clientId, String standsFor, List<String> roles, List<String> units, String department) {
    }

    /*
     * Two levels since 2025-07-01: the province's Sở NN&MT (role LABOUR_OFFICER, the name kept so that tokens and
     * provider mappings stay valid) over the communes, each with its officers and its chairman; the departments.
     */
    static final List<Demo> DEMO = List.of(
            new Demo("city-admin", "Quản trị hệ thống", List.of("CITY_ADMIN"), List.of("*"), null),
            new Demo("so-nnmt", "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ (giảm nghèo)", List.of("LABOUR_OFFICER"),
                    List.of("*"), null),
            new Demo("labour-officer", "Sở NN&MT (tên cũ của client: phòng LĐTBXH thành phố)", List.of("LABOUR_OFFICER"),
                    List.of("*"), null),
            new Demo("ward-officer-08707", "Cán bộ Phường Vĩnh Yên", List.of("WARD_OFFICER"), List.of("08707"), null),
            new Demo("ward-officer-08716", "Cán bộ Phường Vĩnh Phúc", List.of("WARD_OFFICER"), List.of("08716"), null),
            new Demo("ward-officer-04828", "Cán bộ Phường Thống Nhất", List.of("WARD_OFFICER"), List.of("04828"), null),
            new Demo("commune-officer-04891", "Cán bộ Xã Tiền Phong", List.of("WARD_OFFICER"), List.of("04891"), null),
            new Demo("chairman-08707", "Chủ tịch UBND Phường Vĩnh Yên", List.of("COMMUNE_CHAIRMAN"), List.of("08707"),
                    null),
            new Demo("chairman-08716", "Chủ tịch UBND Phường Vĩnh Phúc", List.of("COMMUNE_CHAIRMAN"), List.of("08716"),
                    null),
            new Demo("chairman-04828", "Chủ tịch UBND Phường Thống Nhất", List.of("COMMUNE_CHAIRMAN"),
                    List.of("04828"), null),
            new Demo("chairman-04891", "Chủ tịch UBND Xã Tiền Phong", List.of("COMMUNE_CHAIRMAN"), List.of("04891"),
                    null),
            new Demo("education-officer", "Sở Giáo dục và Đào tạo", List.of("DEPARTMENT_OFFICER"), List.of("*"),
                    "EDUCATION"),
            new Demo("bank-officer", "Ngân hàng Chính sách xã hội", List.of("DEPARTMENT_OFFICER"), List.of("*"),
                    "SOCIAL_POLICY_BANK"),
            new Demo("health-insurance-officer", "Bộ phận thẻ BHYT", List.of("DEPARTMENT_OFFICER"), List.of("*"),
                    "HEALTH_INSURANCE"),
            new Demo("bhxh-system", "Hệ thống BHXH", List.of("BHXH_SYSTEM"), List.of(), null),
            new Demo("steering-viewer", "Ban chỉ đạo các chương trình MTQG tỉnh", List.of("STEERING_VIEWER"), List.of(),
                    null),
            new Demo("platform", "Các dịch vụ của nền tảng", List.of("PLATFORM_SERVICE"), List.of("*"), null));

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
                    .clientName(demo.standsFor())
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
