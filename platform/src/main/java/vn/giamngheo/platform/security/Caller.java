package vn.giamngheo.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in caller of the current request, from its validated token: subject, name, roles, the units it acts for
 * ({@code *} for every unit: the whole province) and its department.
 *
 * @param subject the token's {@code sub}: a person's login, or a machine client's id
 * @param name    the person's full name (claim {@code name}), written beside the subject wherever the platform records
 *                who did something; a machine client's token has none, and its subject stands in
 */
public record Caller(String subject, String name, Set<Role> roles, List<String> units, String department) {

    public static final String ALL_UNITS = "*";

    /** The caller of this request; an anonymous caller (no roles) where the endpoint is public. */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            return of(jwt);
        }
        return new Caller("anonymous", "anonymous", Set.of(), List.of(), null);
    }

    static Caller of(JwtAuthenticationToken token) {
        // The roles are the authorities Tokens.authenticationConverter() made of the claim: one mapping.
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (token.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) {
                roles.add(role);
            }
        }
        List<String> units = token.getToken().getClaimAsStringList(Tokens.UNITS);
        return new Caller(token.getToken().getSubject(), Tokens.name(token.getToken()), roles,
                units == null ? List.of() : List.copyOf(units), token.getToken().getClaimAsString(Tokens.DEPARTMENT));
    }

    public boolean has(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller acts for every unit (an administrator, the Sở NN&MT, the platform, or units {@code *}). */
    public boolean citywide() {
        return has(Role.CITY_ADMIN, Role.LABOUR_OFFICER, Role.PLATFORM_SERVICE) || units.contains(ALL_UNITS);
    }

    /** Whether the caller may act for households of {@code unitCode}. */
    public boolean actsFor(String unitCode) {
        return citywide() || units.contains(unitCode);
    }
}
