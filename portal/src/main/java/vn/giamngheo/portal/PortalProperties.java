package vn.giamngheo.portal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the portal finds the OpenID Connect provider and the four services, and how long it waits for them.
 *
 * @param signIn   the provider and this portal's client at it
 * @param services the services' base URLs, as the portal's server reaches them
 * @param timeouts how long a page waits for a service before saying it does not answer
 */
@Validated
@ConfigurationProperties("portal")
public record PortalProperties(@NotNull @Valid SignIn signIn, @NotNull @Valid Services services,
        @NotNull @Valid Timeouts timeouts) {

    /**
     * @param issuer       the provider's issuer as it appears in tokens, and as the browser reaches it
     * @param backChannel  where the portal's server reaches the provider for tokens and keys (the issuer when empty);
     *                     lets the server use 127.0.0.1 while the browser goes to localhost
     * @param clientId     this portal's client id at the provider
     * @param clientSecret its secret (confidential client; PKCE is used as well)
     */
    public record SignIn(@NotNull URI issuer, URI backChannel, @NotBlank String clientId,
            @NotBlank String clientSecret) {

        public URI serverSideIssuer() {
            return backChannel == null || backChannel.toString().isBlank() ? issuer : backChannel;
        }
    }

    public record Services(@NotNull URI household, @NotNull URI policy, @NotNull URI notification,
            @NotNull URI reporting) {
    }

    /**
     * @param connect a service that does not accept the connection within this is taken as down
     * @param read    a service that has not answered within this is taken as not answering; a page shows what the
     *                others said rather than wait longer
     */
    public record Timeouts(@NotNull Duration connect, @NotNull Duration read) {
    }
}
