package vn.giamngheo.platform.security;

/**
 * Who may do what (issue 8). A token carries its roles in the {@code roles} claim; area-bound roles also carry the
 * unit codes they act for in {@code units}, department officers their department in {@code department}. Since
 * 2025-07-01 there are two levels (Resolution 60-NQ/TW): the commune level, whose officers and chairman act for their
 * own commune, and the province, whose Sở NN&MT acts for all of them. The role names in tokens are kept from the city
 * the platform was first built for, so that issued tokens and identity-provider mappings stay valid.
 */
public enum Role {
    /** The platform's administrator: everything, every unit. */
    CITY_ADMIN,
    /**
     * The province's Department of Agriculture and Environment (Sở Nông nghiệp và Môi trường, Sở NN&MT), which took
     * over the poverty-reduction work of the former Labour offices (LĐTBXH) on 2025-07-01: every commune's households,
     * reviews, plans and reports.
     */
    LABOUR_OFFICER,
    /** Commune or ward officer (cán bộ cấp xã): reads, surveys, imports and proposes decisions for their own units only. */
    WARD_OFFICER,
    /** Chairman of a commune's or ward's People's Committee: signs the review decisions of their unit. */
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
