package vn.giamngheo.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * What a token must be to be accepted — signed by a key of the issuer's key set, issued by the configured issuer,
 * for the platform's audience, not expired — and how its claims become roles. One place, used by the services and
 * by the tests' decoder alike.
 */
public final class Tokens {

    public static final String ROLES = "roles";
    public static final String UNITS = "units";
    public static final String DEPARTMENT = "department";
    /** The person's full name (OIDC standard claim); machine clients' tokens have none. */
    public static final String NAME = "name";

    private Tokens() {
    }

    /** Issuer, audience and time checks (with the default 60 s clock skew). */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceCheck = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not for audience " + audience, null));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceCheck);
    }

    /** A decoder that fetches the issuer's key set from {@code jwkSetUri} (and caches it). */
    public static NimbusJwtDecoder decoder(String jwkSetUri, String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(validator(issuer, audience));
        return decoder;
    }

    /** Who the token speaks for, to be written down: the person's name, or the subject when it names nobody. */
    public static String name(Jwt jwt) {
        String name = jwt.getClaimAsString(NAME);
        return name == null || name.isBlank() ? jwt.getSubject() : name.strip();
    }

    /** Roles from the {@code roles} claim as {@code ROLE_*} authorities; unknown role names grant nothing. */
    public static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            List<String> roles = jwt.getClaimAsStringList(ROLES);
            if (roles != null) {
                for (String role : roles) {
                    for (Role known : Role.values()) {
                        if (known.name().equals(role)) {
                            authorities.add(new SimpleGrantedAuthority(known.authority()));
                        }
                    }
                }
            }
            return authorities;
        });
        return converter;
    }
}
