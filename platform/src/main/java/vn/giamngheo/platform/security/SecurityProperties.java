package vn.giamngheo.platform.security;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The token issuer every service trusts (the local OpenID Connect provider on port 9000, or the city's own).
 *
 * @param issuer    the exact {@code iss} of accepted tokens
 * @param jwkSetUri where the issuer's public keys are; default {@code <issuer>/oauth2/jwks}
 * @param audience  the {@code aud} a token must name
 * @param maxJsonBytes          the largest JSON request body accepted (413 beyond)
 * @param publicCallsPerMinute  calls a minute one address may make to the API without a token (429 beyond)
 * @param signedCallbacks       paths a partner calls without a token but with a signature checked by the endpoint
 *                              (BHXH's card callbacks, the SMS gateway's delivery reports): not limited as anonymous
 *                              calls, since one partner address sends them all
 */
@Validated
@ConfigurationProperties("giamngheo.security")
public record SecurityProperties(@NotBlank String issuer, String jwkSetUri, @NotBlank String audience,
        Integer maxJsonBytes, Integer publicCallsPerMinute, List<String> signedCallbacks) {

    public SecurityProperties {
        issuer = issuer == null ? "http://localhost:9000" : issuer;
        audience = audience == null ? "giamngheo" : audience;
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuer + "/oauth2/jwks" : jwkSetUri;
        maxJsonBytes = maxJsonBytes == null ? 1024 * 1024 : maxJsonBytes;
        publicCallsPerMinute = publicCallsPerMinute == null ? 120 : publicCallsPerMinute;
        signedCallbacks = signedCallbacks == null ? List.of() : List.copyOf(signedCallbacks);
    }
}
