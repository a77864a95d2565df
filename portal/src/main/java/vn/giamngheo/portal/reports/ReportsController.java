package vn.giamngheo.portal.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/**
 * The official report forms of Circular 07/2021 Appendix VII as reporting-service writes them (Excel): the review
 * results by commune, the households by deprivation indicator, by household characteristic, for an area and a day;
 * and a plan's 6-month or annual progress report. The person chooses on one form; the file is reporting-service's,
 * fetched with their token and handed over as it is. A bad day or area comes back beside its field, typed values
 * kept.
 */
@Controller
class ReportsController {

    /** The forms, as the page names them (the {@code form} field), with reporting-service's file. */
    enum Form {
        REVIEW("tong-hop", "/api/v1/reports/review-summary.xlsx", "to"),
        INDICATORS("chi-so", "/api/v1/reports/deprivations.xlsx", "asOf"),
        CHARACTERISTICS("dac-diem", "/api/v1/reports/characteristics.xlsx", "asOf"),
        PROGRESS("tien-do", "/api/v1/reports/progress.xlsx", null);

        final String value;
        final String path;
        /** The service's name for the day the figures are at; null for the plan's report. */
        final String dateParameter;

        Form(String value, String path, String dateParameter) {
            this.value = value;
            this.path = path;
            this.dateParameter = dateParameter;
        }

        public String value() {
            return value;
        }

        static Form of(String value) {
            for (Form f : values()) {
                if (f.value.equals(value)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** What the person chose; the typed values as they were. */
    record Choice(String form, String area, String asOf, String plan, String period) {
    }

    /** A plan as reporting-service lists it (the fields the page shows). */
    record Plan(String id, String title, int year) {
    }

    /** The province, the area every person may report on. */
    static final String PROVINCE = "25";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2021-01-01");
    private static final List<String> PERIODS = List.of("H1", "YEAR");
    private static final ParameterizedTypeReference<List<Plan>> PLANS = new ParameterizedTypeReference<>() { };

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Units units;
    private final Reasons reasons;

    ReportsController(ServiceClient services, AccessTokens tokens, Units units, Reasons reasons) {
        this.services = services;
        this.tokens = tokens;
        this.units = units;
        this.reasons = reasons;
    }

    @GetMapping("/bao-cao")
    String page(Model model) {
        return page(new Choice(Form.CHARACTERISTICS.value, PROVINCE, "", null, "YEAR"), new FormErrors(), model);
    }

    @GetMapping("/bao-cao/tai-ve")
    Object download(@ModelAttribute Choice choice, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        Form form = Form.of(choice.form());
        if (form == null) {
            errors.add("form", reasons.text("reports.error.form"));
        }
        LocalDate asOf = null;
        if (form != null && form != Form.PROGRESS) {
            if (Forms.blank(choice.area())) {
                errors.add("area", reasons.text("reports.error.areaRequired"));
            }
            asOf = Forms.date("asOf", choice.asOf(), false, errors, reasons);
            LocalDate today = LocalDate.now(VIETNAM);
            if (asOf != null && asOf.isBefore(FIRST_DAY)) {
                errors.add("asOf", reasons.text("reports.error.beforeFirstDay", Forms.show(FIRST_DAY)));
            } else if (asOf != null && asOf.isAfter(today)) {
                errors.add("asOf", reasons.text("reports.error.afterToday", Forms.show(today)));
            }
        }
        if (form == Form.PROGRESS) {
            if (Forms.blank(choice.plan())) {
                errors.add("plan", reasons.text("reports.error.planRequired"));
            }
            if (!PERIODS.contains(choice.period())) {
                errors.add("period", reasons.text("reports.error.period"));
            }
        }
        if (errors.isEmpty()) {
            try {
                ServiceClient.Download file = services.download(Service.REPORTING, uri(form, choice, asOf),
                        tokens.current());
                return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition() != null
                                ? file.contentDisposition() : "attachment; filename=\"bao-cao.xlsx\"")
                        .body(file.content());
            } catch (ServiceProblem problem) {
                explain(problem, form, choice, errors);
            }
        }
        response.setStatus(errors.status());
        return page(choice, errors, model);
    }

    private static Function<UriBuilder, URI> uri(Form form, Choice choice, LocalDate asOf) {
        return u -> {
            u.path(form.path);
            if (form == Form.PROGRESS) {
                u.queryParam("plan", choice.plan().strip()).queryParam("period", choice.period());
            } else {
                u.queryParam("area", choice.area().strip());
                if (asOf != null) {
                    u.queryParam(form.dateParameter, asOf.toString());
                }
            }
            return u.build();
        };
    }

    /** The service's refusal beside the field it names; an unknown area or plan beside its field. */
    private void explain(ServiceProblem problem, Form form, Choice choice, FormErrors errors) {
        switch (problem.kind()) {
            case NOT_FOUND -> {
                if (form == Form.PROGRESS) {
                    errors.add("plan", reasons.text("reports.error.planUnknown", choice.plan()));
                } else {
                    errors.add("area", reasons.text("reports.error.areaUnknown", choice.area()));
                }
            }
            case REFUSED -> {
                for (ServiceProblem.FieldError e : problem.errors()) {
                    String field = switch (e.field()) {
                        case "area" -> "area";
                        case "asOf", "to", "from" -> "asOf";
                        case "plan" -> "plan";
                        case "period" -> "period";
                        default -> null;
                    };
                    errors.add(field, reasons.translate(e.reason()));
                }
                if (problem.errors().isEmpty()) {
                    errors.add(null, reasons.translate(problem.detail()));
                }
            }
            case UNAVAILABLE -> {
                errors.unavailable();
                errors.add(null, reasons.text(problem.status() == 0 ? "form.error.noAnswer"
                        : "form.error.unavailable", reasons.text(Service.REPORTING.messageKey())));
            }
            default -> throw problem;
        }
    }

    private String page(Choice choice, FormErrors errors, Model model) {
        Officer officer = PageModel.current();
        List<Units.Unit> areas = new ArrayList<>();
        areas.add(new Units.Unit(PROVINCE, reasons.text("reports.province"), "PROVINCE"));
        areas.addAll(units.of(officer));
        Section<List<Plan>> plans = services.section(Service.REPORTING, u -> u.path("/api/v1/plans").build(), PLANS,
                tokens.current());
        model.addAttribute("choice", choice);
        model.addAttribute("errors", errors);
        model.addAttribute("formValues", java.util.Arrays.stream(Form.values()).map(Form::value).toList());
        model.addAttribute("areas", areas);
        model.addAttribute("plans", plans);
        model.addAttribute("periods", PERIODS);
        return "reports/reports";
    }
}
