package vn.giamngheo.portal.programme;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.programme.ProgrammeViews.Plan;
import vn.giamngheo.portal.programme.ProgrammeViews.PlanProgress;
import vn.giamngheo.portal.programme.ProgrammeViews.Target;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * The Sở NN&MT's plans and targets (reporting-service's plans): the plans by year; a plan for an area (the province
 * or one commune) and a year with its targets, one form row per indicator; its progress on a day, live for today.
 * The portal checks only the shape of what was typed (numbers, dates); every rule is reporting-service's, its
 * refusal shown beside the row and field it names.
 */
@Controller
class PlanController {

    static final String BASE = "/chuong-trinh/ke-hoach";
    private static final ParameterizedTypeReference<List<Plan>> PLANS = new ParameterizedTypeReference<>() { };

    private final ProgrammeCalls calls;
    private final ProgressRows rows;
    private final Units units;

    PlanController(ProgrammeCalls calls, ProgressRows rows, Units units) {
        this.calls = calls;
        this.rows = rows;
        this.units = units;
    }

    @GetMapping(BASE)
    String plans(Model model) {
        Map<Integer, List<Plan>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Plan plan : calls.get(u -> u.path("/api/v1/plans").build(), PLANS)) {
            byYear.computeIfAbsent(plan.year(), y -> new ArrayList<>()).add(plan);
        }
        model.addAttribute("byYear", byYear);
        model.addAttribute("edits", ProgrammeCalls.edits(PageModel.current()));
        model.addAttribute("units", units);
        return "programme/plans";
    }

    @GetMapping(BASE + "/moi")
    String newPlan(@RequestParam(name = "nam", required = false) String year,
            @RequestParam(name = "dvhc", required = false) String area, Model model) {
        ProgrammeCalls.requireEditor();
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("year", year == null ? String.valueOf(LocalDate.now(VietnameseFormats.VIETNAM).getYear()) : year);
        if (area != null) {
            values.add("area", area);
        }
        return form(null, values, new FormErrors(), model, null);
    }

    @PostMapping(BASE + "/moi")
    String create(@RequestParam MultiValueMap<String, String> values, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ProgrammeCalls.requireEditor();
        return save(null, values, model, response, redirect);
    }

    @GetMapping(BASE + "/{id}/sua")
    String edit(@PathVariable String id, Model model) {
        ProgrammeCalls.requireEditor();
        Plan plan = plan(id);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("title", plan.title());
        values.add("year", String.valueOf(plan.year()));
        values.add("area", plan.area());
        values.add("from", Forms.show(plan.from()));
        values.add("to", Forms.show(plan.to()));
        values.add("basis", plan.basis() == null ? "" : plan.basis());
        for (Target t : plan.targets()) {
            int row = ProgrammeViews.INDICATORS.indexOf(t.indicator());
            if (row >= 0) {
                values.add("targets[" + row + "].min", calls.typed(t.min()));
                values.add("targets[" + row + "].max", calls.typed(t.max()));
            }
        }
        return form(plan, values, new FormErrors(), model, null);
    }

    @PostMapping(BASE + "/{id}/sua")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ProgrammeCalls.requireEditor();
        return save(plan(id), values, model, response, redirect);
    }

    /** A plan's progress on {@code ngay} (dd/MM/yyyy; today when absent), live when it is today's. */
    @GetMapping(BASE + "/{id}")
    String progress(@PathVariable String id, @RequestParam(name = "ngay", required = false) String day,
            Model model, HttpServletResponse response) {
        RegistryCalls.requireId(id);
        FormErrors errors = new FormErrors();
        LocalDate today = LocalDate.now(VietnameseFormats.VIETNAM);
        LocalDate asOf = Forms.date("ngay", day, false, errors, calls.reasons());
        model.addAttribute("errors", errors);
        model.addAttribute("day", day == null ? "" : day);
        model.addAttribute("edits", ProgrammeCalls.edits(PageModel.current()));
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("plan", plan(id));
            return "programme/progress";
        }
        try {
            PlanProgress progress = calls.get(u -> {
                u.path("/api/v1/plans/{id}/progress");
                if (asOf != null) {
                    u.queryParam("asOf", asOf.toString());
                }
                return u.build(id);
            }, PlanProgress.class);
            model.addAttribute("plan", progress.plan());
            model.addAttribute("progress", progress);
            model.addAttribute("rows", rows.of(progress));
            model.addAttribute("elapsed", calls.decimal(progress.elapsedPercent()) + " %");
            model.addAttribute("live", asOf == null || asOf.equals(today));
        } catch (ServiceProblem problem) {
            if (problem.kind() != ServiceProblem.Kind.REFUSED) {
                throw problem;
            }
            problem.errors().forEach(e -> errors.add("ngay", calls.translate(e.reason())));
            response.setStatus(400);
            model.addAttribute("plan", plan(id));
        }
        return "programme/progress";
    }

    private Plan plan(String id) {
        RegistryCalls.requireId(id);
        return calls.get(u -> u.path("/api/v1/plans/{id}").build(id), Plan.class);
    }

    private String save(Plan existing, MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Integer year = year(ProgrammeCalls.first(values, "year"), errors);
        LocalDate from = Forms.date("from", ProgrammeCalls.first(values, "from"), false, errors, calls.reasons());
        LocalDate to = Forms.date("to", ProgrammeCalls.first(values, "to"), false, errors, calls.reasons());
        String area = Forms.text(ProgrammeCalls.first(values, "area"));
        if (area == null) {
            errors.add("area", calls.reasons().text("programme.error.area"));
        }
        List<Map<String, Object>> targets = new ArrayList<>();
        // The service's targets[k] is the form's row sent.get(k): only the filled rows are sent.
        List<Integer> sent = new ArrayList<>();
        for (int row = 0; row < ProgrammeViews.INDICATORS.size(); row++) {
            String minField = "targets[" + row + "].min";
            String maxField = "targets[" + row + "].max";
            String typedMin = ProgrammeCalls.first(values, minField);
            String typedMax = ProgrammeCalls.first(values, maxField);
            BigDecimal min = calls.number(minField, typedMin, errors);
            BigDecimal max = calls.number(maxField, typedMax, errors);
            if (Forms.blank(typedMin) && !Forms.blank(typedMax)) {
                errors.add(minField, calls.reasons().text("programme.error.minWithMax"));
            }
            if (!Forms.blank(typedMin) || !Forms.blank(typedMax)) {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("indicator", ProgrammeViews.INDICATORS.get(row));
                target.put("min", min);
                target.put("max", max);
                targets.add(target);
                sent.add(row);
            }
        }
        String id = existing != null ? existing.id() : year == null || area == null ? null
                : "ke-hoach-" + year + "-" + area.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (existing == null && id != null && errors.isEmpty() && exists(id)) {
            errors.add("area", calls.reasons().text("programme.error.planExists", String.valueOf(year), units.label(area)));
        }
        if (!errors.isEmpty()) {
            return form(existing, values, errors, model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", Forms.text(ProgrammeCalls.first(values, "title")));
        body.put("basis", Forms.text(ProgrammeCalls.first(values, "basis")));
        body.put("area", area);
        body.put("year", year);
        body.put("from", from);
        body.put("to", to);
        body.put("targets", targets);
        Plan saved = calls.send(HttpMethod.PUT, u -> u.path("/api/v1/plans/{id}").build(id), body,
                MediaType.APPLICATION_JSON, Plan.class, field -> formField(field, sent), errors);
        if (saved == null) {
            return form(existing, values, errors, model, response);
        }
        redirect.addFlashAttribute("saved", existing == null ? "programme.plan.created" : "programme.plan.updated");
        return "redirect:" + BASE + "/" + saved.id();
    }

    private boolean exists(String id) {
        try {
            plan(id);
            return true;
        } catch (ServiceProblem problem) {
            if (problem.kind() == ServiceProblem.Kind.NOT_FOUND) {
                return false;
            }
            throw problem;
        }
    }

    /** The form field of a service field: {@code targets[k].min} → the k-th row sent; the plan's own fields as they are. */
    static String formField(String field, List<Integer> sent) {
        if (field == null) {
            return null;
        }
        String row = ProgrammeCalls.row(field, "targets", sent, "min");
        if (row != null) {
            // A target's indicator is the row itself: its reason goes beside the row's first field.
            return row.endsWith(".indicator") ? row.replace(".indicator", ".min") : row;
        }
        return switch (field) {
            case "title", "year", "area", "from", "to", "basis", "targets" -> field;
            default -> null;
        };
    }

    private Integer year(String typed, FormErrors errors) {
        if (Forms.blank(typed)) {
            errors.add("year", calls.reasons().text("programme.error.year", ""));
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            errors.add("year", calls.reasons().text("programme.error.year", typed.strip()));
            return null;
        }
    }

    private String form(Plan existing, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        if (!errors.isEmpty() && response != null) {
            response.setStatus(errors.status());
        }
        model.addAttribute("plan", existing);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("areas", calls.areas(ProgrammeCalls.first(values, "area")));
        model.addAttribute("indicators", ProgrammeViews.INDICATORS);
        return "programme/plan-form";
    }
}
