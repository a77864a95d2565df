package vn.giamngheo.platform.security;

/**
 * Who may do what (issue 8). A token carries its roles in the {@code roles} claim; area-bound roles also carry the
 * unit codes they act for in {@code units}, department officers their department in {@code department}.
 */
public enum Role {
    /** City administrator: everything, the whole city. */
    CITY_ADMIN,
    /** Labour–Invalids–Social Affairs office officer: the whole city's households, reviews and reports. */
    LABOUR_OFFICER,
    /** Commune/ward officer: reads, surveys, imports and proposes decisions for their own units only. */
    WARD_OFFICER,
    /** Commune chairman: signs the review decisions of their unit. */
    COMMUNE_CHAIRMAN,
    /** Officer of a benefit department: that department's policies, applications and entitlements. */
    DEPARTMENT_OFFICER,
    /** The BHXH (Vietnam Social Security) system: card callbacks, with client credentials. */
    BHXH_SYSTEM,
    /** A service of the platform calling another (client credentials). */
    PLATFORM_SERVICE,
    /** Steering-committee viewer: aggregates only, no personal data. */
    STEERING_VIEWER;

    /** The names of {@code roles}, for {@code hasAnyRole(...)}. */
    public static String[] names(Role... roles) {
        return java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
