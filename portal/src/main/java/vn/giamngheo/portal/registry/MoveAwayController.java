package vn.giamngheo.portal.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * A household leaves the registry (moved away, dissolved, registered in error): a legal step, so the person sees what
 * will be sent before it is.
 */
@Controller
class MoveAwayController {

    private final RegistryCalls calls;

    MoveAwayController(RegistryCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/ho-gia-dinh/{id}/chuyen-di")
    String form(@PathVariable String id, Model model, HttpServletResponse response) {
        return page(calls.household(id), new LinkedMultiValueMap<>(), new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/chuyen-di")
    String moveAway(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Household household = calls.household(id);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String reason = values.getFirst("reason");
        if (reason == null || !Choices.MOVE_AWAY_REASONS.contains(reason)) {
            errors.add("reason", reasons.text("form.error.moveAwayReason"));
        }
        LocalDate on = Forms.date("effectiveDate", values.getFirst("effectiveDate"), false, errors, reasons);
        FormPage.Action action = FormPage.Action.of(values.getFirst("action"));
        if (!errors.isEmpty() || action == FormPage.Action.EDIT) {
            return page(household, values, errors, model, response);
        }
        if (action == FormPage.Action.CHECK) {
            return FormPage.check(reasons.text("moveAway.check", household.headName()), "/ho-gia-dinh/" + id
                    + "/chuyen-di", household, List.of(
                            new FormPage.Answer(reasons.text("moveAway.household"), reasons.text("moveAway.of",
                                    household.headName(), household.village(), household.activeMembers().size())),
                            new FormPage.Answer(reasons.text("moveAway.reason"), reasons.text("moveAway." + reason)),
                            new FormPage.Answer(reasons.text("form.effectiveDate"),
                                    MembersController.effective(on, reasons))), values, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reason", reason);
        request.put("effectiveDate", on);
        Household after = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/households/{id}/move-away").build(id), request, Household.class,
                f -> switch (f) {
                    case "reason", "effectiveDate" -> f;
                    default -> null;
                }, errors);
        if (after == null) {
            return page(household, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("moveAway.done", household.headName(),
                reasons.text("moveAway." + reason).toLowerCase()));
        return "redirect:/ho-gia-dinh/" + id;
    }

    private String page(Household household, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        model.addAttribute("reasons", Choices.MOVE_AWAY_REASONS);
        return FormPage.form("registry/move-away", household, values, errors, model, response);
    }
}
