package vn.giamngheo.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Tokens for service tests, signed with a key made for this JVM. The services under test trust that key
 * ({@link TestInfrastructureConfiguration} gives them its public half) and check everything else as in production:
 * issuer {@value #ISSUER} (the platform's default), audience {@value #AUDIENCE}, expiry.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final String AUDIENCE = "giamngheo";
    private static final KeyPair KEYS = keys();
    private static final KeyPair OTHER_KEYS = keys();

    private TestTokens() {
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of this JVM's signing key, which the services under test trust. */
    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    /** A token with the given roles, units and department, valid for an hour. */
    public static String of(String subject, List<String> roles, List<String> units, String department) {
        return sign(claims(subject, roles, units, department, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1))),
                KEYS);
    }

    /**
     * A person's token as the portal relays it: the login as subject and the full name in {@code name}, as the
     * provider issues them to people who sign in (machine clients' tokens have no name).
     */
    public static String person(String login, String name, String role, String... units) {
        return person(login, name, List.of(role), List.of(units), null);
    }

    /** A person's token with a department (a department officer's). */
    public static String person(String login, String name, List<String> roles, List<String> units,
            String department) {
        JWTClaimsSet claims = claims(login, roles, units, department, ISSUER, AUDIENCE,
                Instant.now().plus(Duration.ofHours(1)));
        return sign(new JWTClaimsSet.Builder(claims).claim("name", name).build(), KEYS);
    }

    public static String cityAdmin() {
        return of("admin@test", List.of("CITY_ADMIN"), List.of("*"), null);
    }

    public static String role(String role, String... units) {
        return of(role.toLowerCase() + "@test", List.of(role), List.of(units), null);
    }

    public static String departmentOfficer(String department) {
        return of(department.toLowerCase() + "@test", List.of("DEPARTMENT_OFFICER"), List.of("*"), department);
    }

    /** An administrator's token that expired {@code ago}. */
    public static String expired(Duration ago) {
        return sign(claims("admin@test", List.of("CITY_ADMIN"), List.of("*"), null, ISSUER, AUDIENCE,
                Instant.now().minus(ago)), KEYS);
    }

    /** An administrator's token from another issuer, signed with our key. */
    public static String foreignIssuer() {
        return sign(claims("admin@test", List.of("CITY_ADMIN"), List.of("*"), null, "http://elsewhere.test",
                AUDIENCE, Instant.now().plus(Duration.ofHours(1))), KEYS);
    }

    /** An administrator's token for another audience. */
    public static String otherAudience() {
        return sign(claims("admin@test", List.of("CITY_ADMIN"), List.of("*"), null, ISSUER, "another-app",
                Instant.now().plus(Duration.ofHours(1))), KEYS);
    }

    /** An administrator's token signed with a key the services do not trust. */
    public static String foreignKey() {
        return sign(claims("admin@test", List.of("CITY_ADMIN"), List.of("*"), null, ISSUER, AUDIENCE,
                Instant.now().plus(Duration.ofHours(1))), OTHER_KEYS);
    }

    /** A ward officer's token whose payload was changed to claim the administrator's role after signing. */
    public static String tampered() {
        String[] parts = role("WARD_OFFICER", "08707").split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"x\",\"roles\":[\"CITY_ADMIN\"],"
                        + "\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}").getBytes());
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, List<String> units, String department,
            String issuer, String audience, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(expires.minus(Duration.ofHours(2)))).expirationTime(Date.from(expires))
                .claim("roles", roles).claim("units", units).claim("department", department).build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
