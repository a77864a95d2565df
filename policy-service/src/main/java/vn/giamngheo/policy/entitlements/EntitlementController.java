package vn.giamngheo.policy.entitlements;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.HouseholdAccess;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.decisions.AutomaticDecisions;

/** What a department owes, and what a household is owed, for a year, a quarter or a month. */
@RestController
class EntitlementController {

    private final Entitlements entitlements;
    private final AutomaticDecisions decisions;
    private final PolicyCatalog catalog;
    private final HouseholdAccess areas;

    EntitlementController(PolicyCatalog catalog, AutomaticDecisions decisions, HouseholdAccess areas) {
        this.entitlements = new Entitlements(catalog);
        this.decisions = decisions;
        this.catalog = catalog;
        this.areas = areas;
    }

    @GetMapping("/api/v1/entitlements")
    Entitlements.Report entitlements(@RequestParam(required = false) String department,
            @RequestParam(required = false) String period, @RequestParam(required = false) String householdId) {
        // What a department owes over every household is for those who act for every unit; an officer of some
        // units asks household by household.
        areas.checkListOf(householdId);
        Entitlements.Period p = period(period);
        if (department != null) {
            if (!PolicyCatalog.DEPARTMENTS.contains(department)) {
                throw ApiException.invalid("department", "'" + department + "' is not one of "
                        + new java.util.TreeSet<>(PolicyCatalog.DEPARTMENTS));
            }
            if (catalog.all().stream().noneMatch(v -> v.department().equals(department))) {
                throw ApiException.invalid("department", department
                        + " is decided by its own instance, not this one");
            }
        }
        return entitlements.report(p, department, householdId,
                decisions.inForce(department, p.from(), p.to(), householdId));
    }

    @GetMapping("/api/v1/households/{householdId}/entitlements")
    Entitlements.Report ofHousehold(@PathVariable String householdId, @RequestParam(required = false) String period) {
        return entitlements(null, period, householdId);
    }

    private static Entitlements.Period period(String text) {
        try {
            return Entitlements.Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("period", e.getMessage());
        }
    }
}
