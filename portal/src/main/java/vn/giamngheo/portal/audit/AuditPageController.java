package vn.giamngheo.portal.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * The audit viewer: who saw or changed a household's data (or what one person did), across the four services, newest
 * first, a page at a time. A GET form, so that a view is a link (the household's page links here). A household is
 * named by its id or found by its head's name (household-service's search); the services are asked in parallel, each
 * applies its own rule for who may read its audit, and one that is down or refuses is named while the others' entries
 * show. A role that may never read the audit is told so, and nothing is asked (a refused call would itself be audited).
 */
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 50;
    private static final Set<String> ACTIONS = Set.of("read", "write");
    private static final ParameterizedTypeReference<Found> FOUND = new ParameterizedTypeReference<>() { };

    /** household-service's search answer, the fields the page shows. */
    record Found(List<Household> items, long total) {
    }

    record Household(String id, String unitCode, String village, String headName) {
    }

    private final AuditTrail trail;
    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Reasons reasons;
    private final Units units;

    AuditPageController(AuditTrail trail, ServiceClient services, AccessTokens tokens, Reasons reasons, Units units) {
        this.trail = trail;
        this.services = services;
        this.tokens = tokens;
        this.reasons = reasons;
        this.units = units;
    }

    @GetMapping("/nhat-ky")
    String audit(@RequestParam(required = false) String householdId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String action,
            @RequestParam(required = false) String service, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") String page, Model model,
            HttpServletResponse response) {
        Officer officer = PageModel.current();
        model.addAttribute("actions", List.of("read", "write"));
        model.addAttribute("services", Arrays.stream(Service.values()).map(Service::name).toList());
        if (!officer.seesAudit()) {
            response.setStatus(403);
            model.addAttribute("notAllowed", true);
            return "audit/audit";
        }
        String household = Forms.text(householdId);
        String name = Forms.text(q);
        String person = Forms.text(subject);
        String chosenAction = Forms.text(action);
        String chosenService = Forms.text(service);
        model.addAttribute("householdId", household);
        model.addAttribute("q", name);
        model.addAttribute("subject", person);
        model.addAttribute("action", chosenAction);
        model.addAttribute("service", chosenService);
        model.addAttribute("from", from == null ? null : from.strip());
        model.addAttribute("to", to == null ? null : to.strip());
        model.addAttribute("units", units);
        boolean asked = household != null || name != null || person != null || chosenAction != null
                || chosenService != null || !Forms.blank(from) || !Forms.blank(to);
        model.addAttribute("asked", asked);
        if (!asked) {
            return "audit/audit";
        }
        FormErrors errors = new FormErrors();
        if (household != null && !household.matches("[A-Za-z0-9-]{1,64}")) {
            errors.add("householdId", reasons.text("audit.error.householdId"));
        }
        if (name != null && name.length() > 100) {
            errors.add("q", reasons.text("audit.error.q"));
        }
        if (person != null && !person.matches("[A-Za-z0-9._@-]{1,100}")) {
            errors.add("subject", reasons.text("audit.error.subject"));
        }
        if (household == null && name == null && person == null) {
            errors.add("householdId", reasons.text("audit.error.who"));
        }
        if (chosenAction != null && !ACTIONS.contains(chosenAction)) {
            errors.add("action", reasons.text("audit.error.action"));
        }
        if (chosenService != null && Arrays.stream(Service.values()).noneMatch(s -> s.name().equals(chosenService))) {
            errors.add("service", reasons.text("audit.error.service"));
        }
        LocalDate fromDay = Forms.date("from", from, false, errors, reasons);
        LocalDate toDay = Forms.date("to", to, false, errors, reasons);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("to", reasons.text("audit.error.range"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
            model.addAttribute("errors", errors);
            return "audit/audit";
        }
        String token = tokens.current();
        if (household == null && person == null) {
            // Only a head's name: the households it finds, each a link to its audit.
            model.addAttribute("found", services.section(Service.HOUSEHOLD, u -> u.path("/api/v1/households/search")
                    .queryParam("q", name).queryParam("size", 20).build(), FOUND, token));
            model.addAttribute("link", ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("q")
                    .replaceQueryParam("page"));
            return "audit/audit";
        }
        int pageNumber = page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0;
        int offset = pageNumber * PAGE_SIZE;
        List<Service> asking = chosenService == null ? List.of(Service.values())
                : List.of(Service.valueOf(chosenService));
        if (asking.size() > 1 && offset + PAGE_SIZE >= AuditTrail.SERVICE_LIMIT) {
            // Deeper than the services answer at once: the page asks for a date range instead.
            model.addAttribute("tooDeep", true);
            return "audit/audit";
        }
        AuditTrail.Page result = trail.find(new AuditTrail.Query(household, person, chosenAction, startOf(fromDay),
                startOf(toDay == null ? null : toDay.plusDays(1))), asking, offset, PAGE_SIZE, token);
        // A sign-in no longer accepted is the person's, not one service's: the page asks them to sign in again.
        result.missing().stream().filter(p -> p.kind() == ServiceProblem.Kind.SIGN_IN_AGAIN).findFirst()
                .ifPresent(p -> {
                    throw p;
                });
        model.addAttribute("result", result);
        model.addAttribute("page", pageNumber);
        model.addAttribute("link", ServletUriComponentsBuilder.fromCurrentRequest());
        return "audit/audit";
    }

    /** The first instant of a day in Vietnam's time. */
    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(VietnameseFormats.VIETNAM).toInstant();
    }
}
