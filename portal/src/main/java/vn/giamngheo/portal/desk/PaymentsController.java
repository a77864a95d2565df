package vn.giamngheo.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.desk.DeskViews.Commune;
import vn.giamngheo.portal.desk.DeskViews.Line;
import vn.giamngheo.portal.desk.DeskViews.Report;
import vn.giamngheo.portal.household.Policies;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * What the department owes for a period (a year, a quarter, a month): the totals per policy and per commune, from
 * policy-service's entitlements, and the payment list as Excel — written by policy-service from the same
 * entitlements, relayed as it is.
 */
@Controller
class PaymentsController {

    private static final String PERIOD = "\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?";

    private final DepartmentDesk desk;
    private final Policies policies;
    private final Units units;
    private final Reasons reasons;

    PaymentsController(DepartmentDesk desk, Policies policies, Units units, Reasons reasons) {
        this.desk = desk;
        this.policies = policies;
        this.units = units;
        this.reasons = reasons;
    }

    /** This quarter in Vietnam, e.g. 2026-Q4. */
    static String thisQuarter() {
        LocalDate today = LocalDate.now(VietnameseFormats.VIETNAM);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private FormErrors check(String period, String unitCode) {
        FormErrors errors = new FormErrors();
        if (!period.matches(PERIOD)) {
            errors.add("period", reasons.text("desk.error.period", period));
        }
        if (unitCode != null && !unitCode.matches("\\d{5}")) {
            errors.add("unitCode", reasons.text("search.error.unitCode"));
        }
        return errors;
    }

    private static UriBuilder query(UriBuilder u, String department, String period, String unitCode) {
        u.queryParam("department", department).queryParam("period", period);
        if (unitCode != null) {
            u.queryParam("unitCode", unitCode);
        }
        return u;
    }

    @GetMapping("/phong-ban/chi-tra")
    String payments(@RequestParam(required = false) String period, @RequestParam(required = false) String unitCode,
            Model model, HttpServletResponse response) {
        String department = desk.department();
        String wanted = period == null || period.isBlank() ? thisQuarter() : period.strip();
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        FormErrors errors = check(wanted, unit);
        model.addAttribute("period", wanted);
        model.addAttribute("unitCode", unit);
        model.addAttribute("units", units.of(desk.officer()));
        model.addAttribute("policies", policies.names());
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return "desk/payments";
        }
        Report report = desk.get(u -> query(u.path("/api/v1/entitlements"), department, wanted, null).build(),
                Report.class, f -> "period".equals(f) ? f : null, errors);
        if (report == null) {
            response.setStatus(errors.status());
            return "desk/payments";
        }
        Map<String, long[]> byUnit = new TreeMap<>();
        for (Line line : report.lines()) {
            if (line.totalVnd() != null && (unit == null || unit.equals(line.unitCode()))) {
                long[] sum = byUnit.computeIfAbsent(line.unitCode() == null ? "" : line.unitCode(), k -> new long[2]);
                sum[0]++;
                sum[1] += line.totalVnd();
            }
        }
        List<Commune> communes = new ArrayList<>();
        byUnit.forEach((code, sum) -> communes.add(new Commune(code, code.isEmpty() ? reasons.text("desk.unknownUnit")
                : units.name(code), sum[0], sum[1])));
        model.addAttribute("report", report);
        model.addAttribute("communes", communes);
        model.addAttribute("total", communes.stream().mapToLong(Commune::totalVnd).sum());
        model.addAttribute("lineCount", communes.stream().mapToLong(Commune::lines).sum());
        return "desk/payments";
    }

    @GetMapping("/phong-ban/chi-tra/tai-ve")
    Object download(@RequestParam(required = false) String period, @RequestParam(required = false) String unitCode,
            Model model, HttpServletResponse response) {
        String department = desk.department();
        String wanted = period == null ? "" : period.strip();
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (!check(wanted, unit).isEmpty()) {
            return payments(wanted, unit, model, response);
        }
        ServiceClient.Download file = desk.download(u -> query(u.path("/api/v1/entitlements/payment-list.xlsx"),
                department, wanted, unit).build());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, file.contentType());
        if (file.contentDisposition() != null) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition());
        }
        return answer.body(file.content());
    }
}
