package vn.giamngheo.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.desk.DeskViews.Application;
import vn.giamngheo.portal.desk.DeskViews.Eligibility;
import vn.giamngheo.portal.household.Policies;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.FormPage;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * One application of the department: what was asked, its steps, whether it meets the policy's conditions today (the
 * service's reason), and the department's decisions as forms: take it up for review, then approve or reject it — a
 * decision with legal effect, so the officer sees what will be sent and confirms it.
 */
@Controller
class ApplicationDeskController {

    private final DepartmentDesk desk;
    private final ServiceClient services;
    private final Policies policies;
    private final Reasons reasons;
    private final VietnameseFormats formats;

    ApplicationDeskController(DepartmentDesk desk, ServiceClient services, Policies policies, Reasons reasons,
            VietnameseFormats formats) {
        this.desk = desk;
        this.services = services;
        this.policies = policies;
        this.reasons = reasons;
        this.formats = formats;
    }

    /** The application from the department's instance; another department's is refused there, and here again. */
    private Application application(String id) {
        RegistryCalls.requireId(id);
        String department = desk.department();
        Application application = desk.get(u -> u.path("/api/v1/applications/{id}").build(id), Application.class);
        if (!department.equals(application.department())) {
            throw new DeskRefused(application.department(), "application of another department");
        }
        return application;
    }

    @GetMapping("/phong-ban/ho-so/{id}")
    String show(@PathVariable String id, Model model) {
        return page(application(id), reviewValues(), new FormErrors(), model, null);
    }

    @PostMapping("/phong-ban/ho-so/{id}/xem-xet")
    String review(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Application application = application(id);
        FormErrors errors = new FormErrors();
        String reviewer = required("reviewer", values, "desk.error.reviewer", errors);
        LocalDate startedOn = Forms.date("startedOn", values.getFirst("startedOn"), false, errors, reasons);
        if (errors.isEmpty()) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("reviewer", reviewer);
            request.put("startedOn", startedOn);
            if (desk.send(HttpMethod.POST, u -> u.path("/api/v1/applications/{id}/review").build(id), request,
                    Application.class, ApplicationDeskController::field, errors) != null) {
                redirect.addFlashAttribute("changed", reasons.text("desk.review.done"));
                return "redirect:/phong-ban/ho-so/" + id;
            }
        }
        return page(application, values, errors, model, response);
    }

    /**
     * The department's two decisions: each names the field it needs besides the reviewer and the day (the decision's
     * number, the reason for a refusal), posts to its own path and calls its own endpoint.
     */
    enum Decision {
        APPROVE("phe-duyet", "approve", "decisionNumber"),
        REJECT("tu-choi", "reject", "reason");

        final String path;
        final String api;
        final String field;

        Decision(String path, String api, String field) {
            this.path = path;
            this.api = api;
            this.field = field;
        }
    }

    @GetMapping("/phong-ban/ho-so/{id}/phe-duyet")
    String approveForm(@PathVariable String id, Model model) {
        return decisionForm(Decision.APPROVE, application(id), reviewValues(), new FormErrors(), model, null);
    }

    @PostMapping("/phong-ban/ho-so/{id}/phe-duyet")
    String approve(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return decide(Decision.APPROVE, id, values, model, response, redirect);
    }

    @GetMapping("/phong-ban/ho-so/{id}/tu-choi")
    String rejectForm(@PathVariable String id, Model model) {
        return decisionForm(Decision.REJECT, application(id), reviewValues(), new FormErrors(), model, null);
    }

    @PostMapping("/phong-ban/ho-so/{id}/tu-choi")
    String reject(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return decide(Decision.REJECT, id, values, model, response, redirect);
    }

    /** Checks the form, shows what will be sent, and sends it once confirmed (a decision with legal effect). */
    private String decide(Decision decision, String id, MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Application application = application(id);
        FormErrors errors = new FormErrors();
        String given = required(decision.field, values, "desk.error." + decision.field, errors);
        LocalDate decidedOn = Forms.date("decidedOn", values.getFirst("decidedOn"), false, errors, reasons);
        boolean amounted = decision == Decision.APPROVE && application.loan();
        Long amount = amounted ? amount("approvedAmountVnd", values, errors, reasons) : null;
        String reviewer = required("reviewer", values, "desk.error.reviewer", errors);
        FormPage.Action action = FormPage.Action.of(values.getFirst("action"));
        if (!errors.isEmpty() || action == FormPage.Action.EDIT) {
            return decisionForm(decision, application, values, errors, model, response);
        }
        if (action == FormPage.Action.CHECK) {
            List<FormPage.Answer> answers = new ArrayList<>(List.of(
                    new FormPage.Answer(reasons.text("desk.field." + decision.field), given),
                    new FormPage.Answer(reasons.text("desk.field.decidedOn"), decidedOn == null
                            ? reasons.text("desk.today") : Forms.show(decidedOn))));
            if (amounted) {
                answers.add(new FormPage.Answer(reasons.text("desk.field.approvedAmountVnd"),
                        formats.money(amount != null ? amount : application.requestedAmountVnd())));
            }
            answers.add(new FormPage.Answer(reasons.text("desk.field.reviewer"), reviewer));
            common(application, model);
            model.addAttribute("heading", reasons.text("desk." + decision.api + ".title", policyName(application)));
            model.addAttribute("action", "/phong-ban/ho-so/" + id + "/" + decision.path);
            model.addAttribute("answers", answers);
            model.addAttribute("hidden", FormPage.hidden(values));
            return "desk/confirm";
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reviewer", reviewer);
        request.put(decision.field, given);
        request.put("decidedOn", decidedOn);
        if (amounted) {
            request.put("approvedAmountVnd", amount);
        }
        if (desk.send(HttpMethod.POST, u -> u.path("/api/v1/applications/{id}/" + decision.api).build(id), request,
                Application.class, ApplicationDeskController::field, errors) == null) {
            return decisionForm(decision, application, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("desk." + decision.api + ".done", given));
        return "redirect:/phong-ban/ho-so/" + id;
    }

    /** The service's fields are the form's; a field it names that the form has not (a member, the status) goes to the summary. */
    private static String field(String serviceField) {
        return switch (serviceField == null ? "" : serviceField) {
            case "reviewer", "startedOn", "decisionNumber", "decidedOn", "approvedAmountVnd", "reason" -> serviceField;
            default -> null;
        };
    }

    private String required(String field, MultiValueMap<String, String> values, String key, FormErrors errors) {
        String text = Forms.text(values.getFirst(field));
        if (text == null) {
            errors.add(field, reasons.text(key));
        }
        return text;
    }

    /** An amount typed as 80.000.000 or 80000000; blank is none (the service takes the requested amount). */
    static Long amount(String field, MultiValueMap<String, String> values, FormErrors errors, Reasons reasons) {
        String typed = Forms.text(values.getFirst(field));
        if (typed == null) {
            return null;
        }
        String digits = typed.replace(".", "").replace(",", "").replace(" ", "");
        if (!digits.matches("\\d{1,13}")) {
            errors.add(field, reasons.text("desk.error.amount", typed));
            return null;
        }
        return Long.parseLong(digits);
    }

    private String policyName(Application application) {
        return policies.names().getOrDefault(application.policyCode(), application.policyCode());
    }

    /** The reviewer defaults to the signed-in officer's name, as the steps record it. */
    private MultiValueMap<String, String> reviewValues() {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("reviewer", desk.officer().name());
        return values;
    }

    private void common(Application application, Model model) {
        String token = desk.token();
        Section<Household> household = services.section(Service.HOUSEHOLD, u -> u.path("/api/v1/households/{id}")
                .build(application.householdId()), ParameterizedTypeReference.forType(Household.class), token);
        model.addAttribute("a", application);
        model.addAttribute("household", household);
        model.addAttribute("policyName", policyName(application));
        model.addAttribute("applicant", application.personId() == null ? null : household.ok()
                ? household.value().nameOf(application.personId()) : application.personId());
    }

    private String page(Application application, MultiValueMap<String, String> values, FormErrors errors,
            Model model, HttpServletResponse response) {
        if (!errors.isEmpty() && response != null) {
            response.setStatus(errors.status());
        }
        common(application, model);
        Section<Eligibility> eligibility;
        try {
            eligibility = Section.of(desk.get(u -> u.path("/api/v1/applications/{id}/eligibility")
                    .build(application.id()), Eligibility.class));
        } catch (vn.giamngheo.portal.services.ServiceProblem problem) {
            eligibility = Section.failed(problem);
        }
        model.addAttribute("eligibility", eligibility);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "desk/application";
    }

    private String decisionForm(Decision decision, Application application, MultiValueMap<String, String> values,
            FormErrors errors, Model model, HttpServletResponse response) {
        if (!errors.isEmpty() && response != null) {
            response.setStatus(errors.status());
        }
        common(application, model);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("decision", decision.api);
        model.addAttribute("path", decision.path);
        return "desk/decide";
    }
}
