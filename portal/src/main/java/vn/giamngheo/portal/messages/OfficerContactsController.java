package vn.giamngheo.portal.messages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.units.Units;

/**
 * Officers' contacts kept by notification-service: the e-mail address their mail goes to, the communes they follow
 * (a failed card, a posting's end) and the channels they opted out of. A list, and a form to add or edit one (the
 * service's reasons beside the fields, what was typed kept); a household's number is on the household's phone page.
 */
@Controller
class OfficerContactsController {

    /** notification-service's officer contact. */
    record OfficerContact(String officerId, String name, String email, List<String> units, List<String> optOut) {

        public boolean mailRefused() {
            return optOut != null && optOut.contains("EMAIL");
        }
    }

    private static final ParameterizedTypeReference<List<OfficerContact>> LIST =
            new ParameterizedTypeReference<>() { };

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final RegistryCalls calls;
    private final Units units;

    OfficerContactsController(ServiceClient services, AccessTokens tokens, RegistryCalls calls, Units units) {
        this.services = services;
        this.tokens = tokens;
        this.calls = calls;
        this.units = units;
    }

    @GetMapping("/tin-nhan/lien-he")
    String list(Model model) {
        List<OfficerContact> contacts = new ArrayList<>(all());
        contacts.sort(Comparator.comparing(OfficerContact::name, Comparator.nullsLast(Comparator.naturalOrder())));
        model.addAttribute("contacts", contacts);
        model.addAttribute("units", units);
        return "messages/contacts";
    }

    @GetMapping("/tin-nhan/lien-he/moi")
    String create(Model model, HttpServletResponse response) {
        return form(null, new LinkedMultiValueMap<>(), new FormErrors(), model, response);
    }

    @GetMapping("/tin-nhan/lien-he/{officerId}/sua")
    String edit(@PathVariable String officerId, Model model, HttpServletResponse response) {
        OfficerContact contact = all().stream().filter(c -> c.officerId().equals(officerId)).findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.NOTIFICATION, ServiceProblem.Kind.NOT_FOUND, 404,
                        "no officer contact " + officerId, List.of(), null));
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("name", contact.name());
        values.add("email", contact.email());
        values.add("units", String.join(", ", contact.units() == null ? List.of() : contact.units()));
        if (contact.mailRefused()) {
            values.add("noEmail", "true");
        }
        return form(officerId, values, new FormErrors(), model, response);
    }

    @PostMapping("/tin-nhan/lien-he/moi")
    String add(@RequestParam MultiValueMap<String, String> values, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(null, values, model, response, redirect);
    }

    @PostMapping("/tin-nhan/lien-he/{officerId}/sua")
    String change(@PathVariable String officerId, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(officerId, values, model, response, redirect);
    }

    /** {@code existing}: the contact edited, null for a new one (its id typed in the form). */
    private String save(String existing, MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String officerId = existing != null ? existing : Forms.text(values.getFirst("officerId"));
        if (officerId == null) {
            errors.add("officerId", calls.reasons().text("contacts.error.officerId"));
        }
        String name = Forms.text(values.getFirst("name"));
        if (name == null) {
            errors.add("name", calls.reasons().text("contacts.error.name"));
        }
        String email = Forms.text(values.getFirst("email"));
        if (email == null) {
            errors.add("email", calls.reasons().text("contacts.error.email"));
        }
        List<String> unitCodes = codes(values.getFirst("units"));
        if (unitCodes.isEmpty()) {
            errors.add("units", calls.reasons().text("contacts.error.units"));
        }
        if (!errors.isEmpty()) {
            return form(existing, values, errors, model, response);
        }
        boolean noEmail = "true".equals(values.getFirst("noEmail"));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("email", email);
        request.put("units", unitCodes);
        request.put("optOut", noEmail ? List.of("EMAIL") : List.of());
        OfficerContact saved = calls.send(Service.NOTIFICATION, HttpMethod.PUT,
                u -> u.path("/api/v1/contacts/officers/{id}").build(officerId), request, OfficerContact.class,
                OfficerContactsController::formField, errors);
        if (saved == null) {
            return form(existing, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", calls.reasons().text("contacts.saved", saved.name(), saved.email()));
        return "redirect:/tin-nhan/lien-he";
    }

    /** The service's field → the form's. */
    private static String formField(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("units")) {
            return "units";
        }
        return switch (field) {
            case "name", "email", "officerId" -> field;
            case "optOut" -> "noEmail";
            default -> null;
        };
    }

    /** "08707, 08716" or "*" → the codes as typed (the service checks each). */
    static List<String> codes(String typed) {
        if (Forms.blank(typed)) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private List<OfficerContact> all() {
        return services.get(Service.NOTIFICATION, u -> u.path("/api/v1/contacts/officers").build(), LIST,
                tokens.current());
    }

    private String form(String officerId, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        model.addAttribute("officerId", officerId);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "messages/contact";
    }
}
