package vn.giamngheo.platform.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The token issuer every service trusts (the local OpenID Connect provider on port 9000, or the province's own), and the
 * limits at the edge. Defaults in {@code platform-defaults.yml}.
 *
 * @param issuer               the exact {@code iss} of accepted tokens
 * @param jwkSetUri            where the issuer's public keys are; blank for {@code <issuer>/oauth2/jwks}
 * @param audience             the {@code aud} a token must name
 * @param maxBodyBytes         the largest request body accepted, whatever its type, but an upload to
 *                             {@code uploadPaths} (413 beyond)
 * @param uploadPaths          paths (Ant patterns) that take a multipart upload, bounded by the multipart limits instead
 * @param publicCallsPerMinute calls a minute one client may make to the API without a bearer token (429 beyond)
 * @param signedCallbacks      paths a partner calls without a token but with a signature checked by the endpoint
 *                             (BHXH's card callbacks, the SMS gateway's delivery reports)
 * @param partnerCallsPerMinute calls a minute one client may make to {@code signedCallbacks}: one partner address sends
 *                             them all, so far more than an anonymous caller, yet not without bound (each costs a
 *                             signature check over its body)
 */
@Validated
@ConfigurationProperties("giamngheo.security")
public record SecurityProperties(@NotBlank String issuer, String jwkSetUri, @NotBlank String audience,
        @Min(1024) int maxBodyBytes, @NotNull List<String> uploadPaths, @Min(1) int publicCallsPerMinute,
        @NotNull List<String> signedCallbacks, @Min(1) int partnerCallsPerMinute) {

    public SecurityProperties {
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuer + "/oauth2/jwks" : jwkSetUri;
        uploadPaths = List.copyOf(uploadPaths);
        signedCallbacks = List.copyOf(signedCallbacks);
    }
}
