package vn.giamngheo.portal.messages;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
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
import vn.giamngheo.portal.cards.DeskCalls;
import vn.giamngheo.portal.cards.DeskFilters;
import vn.giamngheo.portal.cards.DeskTexts;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/**
 * The messages notification-service sent to households (SMS) and officers (e-mail), with their delivery status,
 * filtered by status, channel, commune and day; a FAILED one sent again with "Gửi lại" (the same text, to the address
 * on file now), the answer shown as a banner.
 */
@Controller
class MessagesController {

    /** notification-service's message as officers see it: the address masked. */
    record Message(String id, String kind, String channel, String recipientKind, String recipientId,
            String householdId, String unitCode, String to, String subject, String text, String status, int attempts,
            String lastError, Instant createdAt, Instant updatedAt) {

        public boolean failed() {
            return "FAILED".equals(status);
        }
    }

    static final List<String> STATUSES = List.of("QUEUED", "SENT", "DELIVERED", "FAILED", "SUPPRESSED");
    static final List<String> CHANNELS = List.of("SMS", "EMAIL");
    private static final ParameterizedTypeReference<List<Message>> LIST = new ParameterizedTypeReference<>() { };

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Reasons reasons;
    private final DeskTexts texts;
    private final DeskCalls actions;
    private final Units units;

    MessagesController(ServiceClient services, AccessTokens tokens, Reasons reasons, DeskTexts texts,
            DeskCalls actions, Units units) {
        this.services = services;
        this.tokens = tokens;
        this.reasons = reasons;
        this.texts = texts;
        this.actions = actions;
        this.units = units;
    }

    @GetMapping("/tin-nhan")
    String list(@RequestParam MultiValueMap<String, String> query, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        DeskFilters filters = DeskFilters.of(query, STATUSES, CHANNELS, errors, reasons);
        List<Message> messages = List.of();
        if (errors.isEmpty()) {
            messages = services.get(Service.NOTIFICATION, filters.query("/api/v1/messages"), LIST, tokens.current());
        } else {
            response.setStatus(400);
        }
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("messages", messages);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("unitChoices", units.of(PageModel.current()));
        model.addAttribute("texts", texts);
        model.addAttribute("limit", DeskFilters.LIMIT);
        return "messages/list";
    }

    /** "Gửi lại": the failed message queued again; the banner says what notification-service answered. */
    @PostMapping("/tin-nhan/{id}/gui-lai")
    String resend(@PathVariable String id, @RequestParam(required = false) String householdId,
            RedirectAttributes redirect) {
        Message resent = actions.post("/api/v1/messages/{id}/resend", RegistryCalls.requireId(id), Message.class,
                reasons.text("messages.resent"), redirect);
        String household = resent != null ? resent.householdId() : householdId;
        return household == null ? "redirect:/tin-nhan"
                : "redirect:/tin-nhan?householdId=" + RegistryCalls.requireId(household);
    }
}
