package vn.giamngheo.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The provider's settings; every default is in {@code application.yml}.
 *
 * @param issuer        the {@code iss} of every token; the services trust exactly this ({@code giamngheo.security.issuer})
 * @param audience      the {@code aud} of every access token: the platform's services check it
 * @param demoSecret    the demo machine clients' secret; a fixed default only because this provider is for the local
 *                      run
 * @param tokenLifetime how long an access token lives: a person or client whose access is withdrawn (or whose token
 *                      leaked) is shut out within minutes, without the services asking the provider about every call
 * @param idleTimeout   inactivity after which a person must give the password again: the provider's session ends, and
 *                      so does a refresh token not used for this long (each refresh hands out a new one)
 * @param peopleFile    the people who may sign in (a Spring resource location: {@code classpath:people.yml}, the demo
 *                      people in the jar, or {@code file:/etc/giamngheo/people.yml}); see {@code PeopleFile}
 * @param departments   the department codes a department officer may carry (policy-service's departments)
 * @param lockout       how repeated wrong passwords lock a login
 * @param portal        the officers' portal, the one client that signs people in
 */
@Validated
@ConfigurationProperties("auth")
public record AuthProperties(@NotBlank String issuer, @NotBlank String audience, @NotBlank String demoSecret,
        @NotNull Duration tokenLifetime, @NotNull Duration idleTimeout, @NotBlank String peopleFile,
        @NotEmpty List<String> departments, @NotNull @Valid Lockout lockout, @NotNull @Valid Portal portal) {

    public AuthProperties {
        departments = List.copyOf(departments);
    }

    /**
     * Guessing passwords: after {@code maxFailures} wrong attempts in a row for one login (whether or not a person
     * has it, so that the lock does not tell which logins exist), that login is refused for {@code duration}, even
     * with the right password. A lock rather than a growing delay: a delay holds a server thread per attempt.
     *
     * @param maxFailures wrong attempts in a row that lock the login
     * @param duration    how long the lock lasts; a success before it starts clears the count
     */
    public record Lockout(@Positive int maxFailures, @NotNull Duration duration) {
    }

    /**
     * The portal as an OpenID Connect client: confidential, authorization code with PKCE, refresh tokens.
     *
     * @param clientId               its client id
     * @param secret                 its client secret (GIAMNGHEO_PORTAL_SECRET)
     * @param redirectUris           where a code may be sent: exact matches, so each address the portal is opened at
     * @param postLogoutRedirectUris where the provider may send the browser back after signing out
     */
    public record Portal(@NotBlank String clientId, @NotBlank String secret, @NotEmpty List<String> redirectUris,
            @NotEmpty List<String> postLogoutRedirectUris) {

        public Portal {
            redirectUris = List.copyOf(redirectUris);
            postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        }
    }
}
