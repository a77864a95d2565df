package vn.giamngheo.auth.tokens;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import vn.giamngheo.auth.clients.MachineClient;
import vn.giamngheo.auth.people.People;
import vn.giamngheo.auth.people.Person;

/**
 * The platform's claims. A person's access token and ID token both carry {@code name}, {@code roles}, {@code units}
 * and {@code department} (their {@code sub} is the login); a machine client's token carries its role's
 * {@code roles}, {@code units} and {@code department} as before, with its client id as {@code sub} and no name.
 * Every access token is for the platform's audience; an ID token stays for the client that asked (OIDC Core 2).
 */
public final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String NAME = "name";
    public static final String ROLES = "roles";
    public static final String UNITS = "units";
    public static final String DEPARTMENT = "department";

    private final People people;
    private final String audience;
    private final Map<String, MachineClient> machines = new HashMap<>();

    public TokenClaims(People people, String audience) {
        this.people = people;
        this.audience = audience;
        MachineClient.DEMO.forEach(m -> machines.put(m.clientId(), m));
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().audience(List.of(audience));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            MachineClient machine = machines.get(context.getRegisteredClient().getClientId());
            if (machine != null) {
                context.getClaims().claim(ROLES, machine.roles()).claim(UNITS, machine.units());
                if (machine.department() != null) {
                    context.getClaims().claim(DEPARTMENT, machine.department());
                }
            }
            return;
        }
        person(context.getPrincipal().getName()).forEach(context.getClaims()::claim);
    }

    /** What the UserInfo endpoint answers about the person a token was issued to: the same claims as the tokens. */
    public OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        String login = context.getAuthorization().getPrincipalName();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", login);
        claims.putAll(person(login));
        return new OidcUserInfo(claims);
    }

    private Map<String, Object> person(String login) {
        Person person = people.find(login).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_GRANT, "No person signs in as " + login + " any more", null)));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(NAME, person.name());
        claims.put(ROLES, person.roles());
        claims.put(UNITS, person.units());
        if (person.department() != null) {
            claims.put(DEPARTMENT, person.department());
        }
        return claims;
    }
}
