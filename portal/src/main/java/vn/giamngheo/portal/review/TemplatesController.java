package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
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
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.review.StepViews.Template;
import vn.giamngheo.portal.review.StepViews.TemplateSummary;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.web.PageModel;

/**
 * The administrator's document templates (mẫu văn bản): the list, and one template's text with its effective date
 * and the placeholders it may use. A new version is stored by household-service, which refuses a text that is not a
 * valid template (its reason, with the line, beside the text, and the text kept). Others who may read them see them
 * without the form.
 */
@Controller
class TemplatesController {

    static final List<String> KINDS = List.of("minutes", "posting-list", "decision", "certificate");

    private final StepCalls calls;
    private final ServiceClient services;
    private final AccessTokens tokens;

    TemplatesController(StepCalls calls, ServiceClient services, AccessTokens tokens) {
        this.calls = calls;
        this.services = services;
        this.tokens = tokens;
    }

    @GetMapping("/quan-tri/mau-van-ban")
    String list(Model model) {
        model.addAttribute("templates", services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/document-templates")
                .build(), new ParameterizedTypeReference<List<TemplateSummary>>() { }, tokens.current()));
        return "review/templates";
    }

    @GetMapping("/quan-tri/mau-van-ban/{kind}")
    String edit(@PathVariable String kind, Model model, HttpServletResponse response) {
        Template template = template(kind);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("content", template.content());
        return page(template, values, new FormErrors(), model, response);
    }

    @PostMapping("/quan-tri/mau-van-ban/{kind}")
    String save(@PathVariable String kind, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Template template = template(kind);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String content = values.getFirst("content");
        if (Forms.blank(content)) {
            errors.add("content", reasons.text("template.error.content"));
        }
        LocalDate from = Forms.date("effectiveFrom", values.getFirst("effectiveFrom"), true, errors, reasons);
        if (!errors.isEmpty()) {
            return page(template, values, errors, model, response);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("content", content);
        request.put("effectiveFrom", from);
        Template saved = calls.send(HttpMethod.PUT, u -> u.path("/api/v1/document-templates/{kind}").build(kind),
                request, Template.class, f -> f.equals("effectiveFrom") ? f : f.startsWith("content") ? "content"
                        : null, errors);
        if (saved == null) {
            return page(template, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("template.done", reasons.text("template.kind." + kind),
                saved.version(), Forms.show(saved.effectiveFrom())));
        return "redirect:/quan-tri/mau-van-ban";
    }

    private Template template(String kind) {
        if (!KINDS.contains(kind)) {
            throw new ServiceProblem(Service.HOUSEHOLD, ServiceProblem.Kind.NOT_FOUND, 404, "no such template",
                    List.of(), null);
        }
        return calls.get(u -> u.path("/api/v1/document-templates/{kind}").build(kind), Template.class);
    }

    private String page(Template template, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        model.addAttribute("t", template);
        model.addAttribute("admin", PageModel.current() != null && PageModel.current().hasAny("CITY_ADMIN"));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "review/template";
    }
}
