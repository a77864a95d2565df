package vn.giamngheo.portal.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.services.Service;

/** Change the head of a household (đổi chủ hộ): who becomes head, and what the previous head becomes to them. */
@Controller
class HeadController {

    private final RegistryCalls calls;

    HeadController(RegistryCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/ho-gia-dinh/{id}/doi-chu-ho")
    String form(@PathVariable String id, Model model, HttpServletResponse response) {
        return page(calls.household(id), new LinkedMultiValueMap<>(), new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/doi-chu-ho")
    String change(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Household household = calls.household(id);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String newHead = values.getFirst("newHeadPersonId");
        if (Forms.blank(newHead)) {
            errors.add("newHeadPersonId", reasons.text("form.error.newHead"));
        }
        String previous = values.getFirst("previousHeadRelation");
        if (Forms.blank(previous)) {
            errors.add("previousHeadRelation", reasons.text("form.error.relation"));
        }
        LocalDate on = Forms.date("effectiveDate", values.getFirst("effectiveDate"), false, errors, reasons);
        if (!errors.isEmpty()) {
            return page(household, values, errors, model, response);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("newHeadPersonId", newHead);
        request.put("previousHeadRelation", previous);
        request.put("effectiveDate", on);
        Household after = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/households/{id}/head").build(id), request, Household.class, f -> switch (f) {
                    case "newHeadPersonId", "previousHeadRelation", "effectiveDate" -> f;
                    case "personId" -> "newHeadPersonId";
                    default -> null;
                }, errors);
        if (after == null) {
            return page(household, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("head.changed", household.nameOf(newHead),
                household.headName(), reasons.text("relation." + previous).toLowerCase()));
        return "redirect:/ho-gia-dinh/" + id;
    }

    private String page(Household household, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        model.addAttribute("candidates", household.activeMembers().stream().filter(m -> !m.head()).toList());
        model.addAttribute("relations", Choices.NOT_HEAD);
        return FormPage.form("registry/head", household, values, errors, model, response);
    }
}
