package vn.giamngheo.portal.registry;

import jakarta.servlet.http.HttpServletResponse;
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
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;

/**
 * The phone number a household's messages go to, kept by notification-service: shown masked (it was given to send
 * messages, not to be read back), replaced whole, with the household's choice not to receive SMS.
 */
@Controller
class ContactPhoneController {

    /** notification-service's answer: the number masked. */
    record Contact(String householdId, String phone, List<String> optOut) {

        boolean smsRefused() {
            return optOut != null && optOut.contains("SMS");
        }
    }

    private final RegistryCalls calls;
    private final ServiceClient services;
    private final AccessTokens tokens;

    ContactPhoneController(RegistryCalls calls, ServiceClient services, AccessTokens tokens) {
        this.calls = calls;
        this.services = services;
        this.tokens = tokens;
    }

    @GetMapping("/ho-gia-dinh/{id}/so-dien-thoai")
    String form(@PathVariable String id, Model model, HttpServletResponse response) {
        Household household = calls.household(id);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        Contact current = current(id);
        if (current != null && current.smsRefused()) {
            values.add("noSms", "true");
        }
        return page(household, current, values, new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/so-dien-thoai")
    String save(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Household household = calls.household(id);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String phone = Forms.text(values.getFirst("phone"));
        if (phone == null) {
            errors.add("phone", reasons.text("form.error.phone"));
        }
        if (!errors.isEmpty()) {
            return page(household, current(id), values, errors, model, response);
        }
        boolean noSms = "true".equals(values.getFirst("noSms"));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("phone", phone);
        request.put("optOut", noSms ? List.of("SMS") : List.of());
        Contact saved = calls.send(Service.NOTIFICATION, HttpMethod.PUT,
                u -> u.path("/api/v1/contacts/households/{id}").build(id), request, Contact.class,
                f -> f.equals("phone") ? "phone" : f.startsWith("optOut") ? "noSms" : null, errors);
        if (saved == null) {
            return page(household, null, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text(noSms ? "phone.done.noSms" : "phone.done", saved.phone()));
        return "redirect:/ho-gia-dinh/" + id;
    }

    /** The number on record, masked; null when there is none or notification-service cannot say. */
    private Contact current(String id) {
        try {
            return services.get(Service.NOTIFICATION, u -> u.path("/api/v1/contacts/households/{id}").build(id),
                    Contact.class, tokens.current());
        } catch (ServiceProblem none) {
            if (none.kind() == ServiceProblem.Kind.SIGN_IN_AGAIN) {
                throw none;
            }
            return null;
        }
    }

    private String page(Household household, Contact current, MultiValueMap<String, String> values,
            FormErrors errors, Model model, HttpServletResponse response) {
        model.addAttribute("current", current);
        return FormPage.form("registry/phone", household, values, errors, model, response);
    }
}
