package vn.giamngheo.policy.entitlements;

import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.HouseholdAccess;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.policy.DepartmentAccess;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.decisions.AutomaticDecisions;
import vn.giamngheo.policy.eligibility.EligibilityViews;

/** What a department owes, and what a household is owed, for a year, a quarter or a month. */
@RestController
class EntitlementController {

    private final Entitlements entitlements;
    private final AutomaticDecisions decisions;
    private final PolicyCatalog catalog;
    private final HouseholdAccess areas;
    private final EligibilityViews views;
    private final UnitCatalog units;

    EntitlementController(PolicyCatalog catalog, AutomaticDecisions decisions, HouseholdAccess areas,
            EligibilityViews views, UnitCatalog units) {
        this.entitlements = new Entitlements(catalog);
        this.decisions = decisions;
        this.catalog = catalog;
        this.areas = areas;
        this.views = views;
        this.units = units;
    }

    @GetMapping("/api/v1/entitlements")
    Entitlements.Report entitlements(@RequestParam(required = false) String department,
            @RequestParam(required = false) String period, @RequestParam(required = false) String householdId) {
        // What a department owes over every household is for those who act for every unit; an officer of some
        // units asks household by household.
        areas.checkListOf(householdId);
        Entitlements.Period p = period(period);
        DepartmentAccess.checkRead(department, "What department " + department + " owes");
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
        Entitlements.Report report = entitlements.report(p, department, householdId,
                decisions.inForce(department, p.from(), p.to(), householdId));
        return householdId != null ? report : report.withUnits(views.unitsOf(report.lines().stream()
                .map(Entitlements.Line::householdId).distinct().toList()));
    }

    /**
     * The department's payment list for the period as Excel: the lines of {@link #entitlements} with an amount, by
     * commune (only {@code unitCode}'s when given), each commune's total and the grand total.
     */
    @GetMapping("/api/v1/entitlements/payment-list.xlsx")
    ResponseEntity<byte[]> paymentList(@RequestParam(required = false) String department,
            @RequestParam(required = false) String period, @RequestParam(required = false) String unitCode) {
        areas.checkListOf(null);
        if (department == null || department.isBlank()) {
            throw ApiException.invalid("department", "is required: one of "
                    + new java.util.TreeSet<>(PolicyCatalog.DEPARTMENTS));
        }
        if (unitCode != null && !unitCode.matches("\\d{5}")) {
            throw ApiException.invalid("unitCode", "must be a 5-digit commune-level unit code");
        }
        Entitlements.Report report = entitlements(department, period, null);
        List<PaymentList.Commune> communes = PaymentList.communes(report, code -> units.find(code, report.to())
                .or(() -> units.versions(code).stream().reduce((a, b) -> b)).map(AdministrativeUnit::name)
                .orElse(code));
        if (unitCode != null) {
            communes = communes.stream().filter(c -> c.code().equals(unitCode)).toList();
        }
        Map<String, String> names = new java.util.HashMap<>();
        catalog.all().forEach(v -> names.put(v.code(), v.name()));
        byte[] bytes = PaymentList.workbook(PaymentList.DEPARTMENT_NAMES.get(department), report, communes,
                code -> names.getOrDefault(code, code));
        String name = "danh-sach-chi-tra-" + department.toLowerCase().replace('_', '-') + "-" + report.period()
                + (unitCode == null ? "" : "-" + unitCode) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString()).body(bytes);
    }

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

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
