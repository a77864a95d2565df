package vn.giamngheo.portal.signin;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The person signed in, as the provider's tokens describe them. The portal uses it to greet them and to leave out of
 * a page what their role can never see; what they may actually read is decided by each service, from the same token.
 *
 * @param login      the token's {@code sub}
 * @param units      the unit codes they act for; {@code *} for the whole province
 * @param department the benefit department of a department officer; null otherwise
 */
public record Officer(String login, String name, List<String> roles, List<String> units, String department) {

    /** Units claim value meaning every unit of the province. */
    public static final String EVERY_UNIT = "*";

    public Officer {
        roles = List.copyOf(roles);
        units = List.copyOf(units);
    }

    /** From the claims of the ID token and the access token (claim names as platform's Tokens). */
    public static Officer of(Map<String, Object> claims) {
        String login = String.valueOf(claims.get("sub"));
        Object name = claims.get("name");
        return new Officer(login, name == null ? login : name.toString(), strings(claims.get("roles")),
                strings(claims.get("units")), claims.get("department") instanceof String d ? d : null);
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (value instanceof String s && !s.isBlank()) {
            return Arrays.stream(s.split("[ ,]+")).toList();
        }
        return List.of();
    }

    public boolean actsForEveryUnit() {
        return units.contains(EVERY_UNIT);
    }

    public boolean actsFor(String unitCode) {
        return actsForEveryUnit() || units.contains(unitCode);
    }

    public boolean hasAny(String... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    /**
     * Who may read a household's messages and card requests (notification-service's AccessRules). The portal does not
     * ask for what the role can never read: each refused call would stand in the household's audit as a refusal.
     */
    public boolean seesMessages() {
        return hasAny("CITY_ADMIN", "LABOUR_OFFICER", "WARD_OFFICER", "COMMUNE_CHAIRMAN");
    }

    public boolean seesCardRequests() {
        return hasAny("CITY_ADMIN", "LABOUR_OFFICER", "DEPARTMENT_OFFICER", "WARD_OFFICER", "COMMUNE_CHAIRMAN");
    }

    /** Who may read the audit of a household (the services' rule for GET /api/v1/audit). */
    public boolean seesAudit() {
        return hasAny("CITY_ADMIN", "LABOUR_OFFICER");
    }
}
