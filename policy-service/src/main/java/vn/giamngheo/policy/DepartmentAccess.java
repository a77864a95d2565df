package vn.giamngheo.policy;

import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.security.Role;
import vn.giamngheo.platform.web.ApiException;

/**
 * Each department's officers work on their own department's applications, entitlements and payment lists only; the
 * city administrator acts for any department. Area access ({@code HouseholdAccess}) is checked besides.
 */
public final class DepartmentAccess {

    private DepartmentAccess() {
    }

    /** A department officer reads only {@code department}'s records: 403 for another department's. */
    public static void checkRead(String department, String what) {
        Caller caller = Caller.current();
        if (department != null && caller.has(Role.DEPARTMENT_OFFICER) && !caller.has(Role.CITY_ADMIN)
                && !department.equals(caller.department())) {
            throw refused(department, what, caller);
        }
    }

    /** Only the department that owns {@code what} decides it (the education office cannot approve a loan). */
    public static void checkDecision(String department, String what) {
        Caller caller = Caller.current();
        if (!caller.has(Role.CITY_ADMIN) && !department.equals(caller.department())) {
            throw refused(department, what, caller);
        }
    }

    private static ApiException refused(String department, String what, Caller caller) {
        return ApiException.forbidden(what + " belongs to department " + department + "; you act for "
                + caller.department());
    }
}
