package vn.giamngheo.portal.cards;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/**
 * The health-insurance card requests sent to BHXH (notification-service), for the officers who act for every unit:
 * their status filtered by status, commune and day; each with its attempts and its last error in Vietnamese; a failed
 * one sent again with "Gửi lại" (a new round at BHXH), the answer shown as a banner.
 */
@Controller
class CardRequestsController {

    /** notification-service's card request (the fields the page shows). */
    record CardRequest(String id, String kind, String householdId, String personId, int sharePercent, String status,
            int attempts, int round, String lastError, String cardNumber, LocalDate cardValidFrom,
            LocalDate cardValidTo, Instant createdAt, Instant updatedAt) {

        public boolean failed() {
            return "FAILED".equals(status);
        }
    }

    static final List<String> STATUSES = List.of("PENDING", "ACCEPTED", "ISSUED", "CANCELLED", "FAILED");
    private static final ParameterizedTypeReference<List<CardRequest>> LIST = new ParameterizedTypeReference<>() { };

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final RegistryCalls calls;
    private final DeskTexts texts;
    private final Units units;
    private final DeskCalls actions;

    CardRequestsController(ServiceClient services, AccessTokens tokens, RegistryCalls calls, DeskTexts texts,
            Units units, DeskCalls actions) {
        this.actions = actions;
        this.services = services;
        this.tokens = tokens;
        this.calls = calls;
        this.texts = texts;
        this.units = units;
    }

    @GetMapping("/the-bhyt")
    String list(@RequestParam MultiValueMap<String, String> query, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        DeskFilters filters = DeskFilters.of(query, STATUSES, List.of(), errors, calls.reasons());
        List<CardRequest> requests = List.of();
        if (errors.isEmpty()) {
            requests = services.get(Service.NOTIFICATION, filters.query("/api/v1/card-requests"), LIST,
                    tokens.current());
        } else {
            response.setStatus(400);
        }
        Officer officer = PageModel.current();
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("requests", requests);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("channels", List.of());
        model.addAttribute("unitChoices", units.of(officer));
        model.addAttribute("texts", texts);
        model.addAttribute("limit", DeskFilters.LIMIT);
        return "cards/requests";
    }

    /** "Gửi lại": the failed request queued again; the banner says what notification-service answered. */
    @PostMapping("/the-bhyt/{id}/gui-lai")
    String retry(@PathVariable String id, @RequestParam(required = false) String householdId,
            RedirectAttributes redirect) {
        CardRequest retried = actions.post("/api/v1/card-requests/{id}/retry", id, CardRequest.class,
                calls.reasons().text("cards.retried"), redirect);
        String household = retried != null ? retried.householdId() : householdId;
        return household == null ? "redirect:/the-bhyt"
                : "redirect:/the-bhyt?householdId=" + RegistryCalls.requireId(household);
    }
}
