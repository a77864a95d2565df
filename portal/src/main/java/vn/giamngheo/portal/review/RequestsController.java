package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.review.ReviewViews.Request;
import vn.giamngheo.portal.search.HouseholdSearch;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * Households' requests (Decision 24/2021 Form 01: review me; Form 04: take me off the list): the queue of a commune
 * with the 15-day deadline and the overdue ones marked, the online requests awaiting verification first (with the
 * household the service suggests), a request entered at the counter (the household picked by search), the
 * verification of an online one, and the chairman's written refusal with its reasons.
 */
@Controller
class RequestsController {

    static final List<String> FORMS = List.of("FORM_01", "FORM_04");
    static final List<String> CHANNELS = List.of("COUNTER", "POST");
    static final List<String> SIGNERS = List.of("COMMUNE_CHAIRMAN", "CITY_ADMIN");
    static final List<String> VERIFY_CHOICES = List.of("VERIFY", "REJECT");
    private static final int SEARCH_SIZE = 10;
    /** The most households whose head's name a queue looks up (one read each). */
    private static final int MAX_NAMES = 60;

    private final ReviewCalls reviews;
    private final RegistryCalls calls;
    private final HouseholdSearch search;
    private final Units units;

    RequestsController(ReviewCalls reviews, RegistryCalls calls, HouseholdSearch search, Units units) {
        this.reviews = reviews;
        this.calls = calls;
        this.search = search;
        this.units = units;
    }

    /** One commune's queue: online requests to verify, then the open ones (the soonest due first). */
    record Queue(Units.Unit unit, List<Request> awaiting, Section<List<Request>> open, Map<String, String> names) {
    }

    @GetMapping("/ra-soat/de-nghi")
    String queue(@RequestParam(required = false) String unitCode, Model model) {
        Officer officer = PageModel.current();
        List<Units.Unit> mine = units.of(officer);
        List<Units.Unit> shown = officer.actsForEveryUnit()
                ? mine.stream().filter(u -> u.code().equals(unitCode)).toList()
                : mine.stream().filter(u -> unitCode == null || unitCode.isBlank() || u.code().equals(unitCode))
                        .toList();
        List<Queue> queues = new ArrayList<>();
        for (Units.Unit unit : shown) {
            Section<List<Request>> open = section(() -> reviews.requests(unit.code(), "OPEN"));
            // Online requests (contract S); a service that does not list them yet refuses the status: none shown.
            Section<List<Request>> awaiting = section(() -> reviews.requests(unit.code(), "AWAITING_VERIFICATION"));
            List<Request> sortedOpen = open.ok() ? open.value().stream()
                    .sorted(Comparator.comparing(Request::dueBy, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList() : List.of();
            Map<String, String> names = new HashMap<>();
            sortedOpen.stream().map(Request::householdId).distinct().limit(MAX_NAMES)
                    .forEach(id -> names.put(id, headName(id)));
            queues.add(new Queue(unit, awaiting.ok() ? awaiting.value() : List.of(),
                    open.ok() ? Section.of(sortedOpen) : open, names));
        }
        model.addAttribute("queues", queues);
        model.addAttribute("wholeProvince", officer.actsForEveryUnit());
        model.addAttribute("unitChoices", mine);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("today", LocalDate.now(VietnameseFormats.VIETNAM));
        return "review/requests";
    }

    private String headName(String householdId) {
        try {
            String name = calls.household(householdId).headName();
            return name == null ? householdId : name;
        } catch (ServiceProblem problem) {
            return householdId;
        }
    }

    private static Section<List<Request>> section(Supplier<List<Request>> read) {
        try {
            return Section.of(read.get());
        } catch (ServiceProblem problem) {
            if (problem.kind() == ServiceProblem.Kind.SIGN_IN_AGAIN) {
                throw problem;
            }
            return Section.failed(problem);
        }
    }

    // ---- a request at the counter ----

    @GetMapping("/ra-soat/de-nghi/moi")
    String counterForm(@RequestParam(required = false) String q, @RequestParam(required = false) String unitCode,
            Model model, HttpServletResponse response) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("form", "FORM_01");
        values.add("channel", "COUNTER");
        values.add("receivedOn", Forms.show(LocalDate.now(VietnameseFormats.VIETNAM)));
        values.add("q", q);
        values.add("unitCode", unitCode);
        FormErrors errors = new FormErrors();
        findHouseholds(q, unitCode, errors, model);
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        return counterPage(values, errors, model);
    }

    @PostMapping("/ra-soat/de-nghi/moi")
    String counter(@RequestParam MultiValueMap<String, String> values, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Reasons reasons = calls.reasons();
        String householdId = values.getFirst("householdId");
        String form = values.getFirst("form");
        if (Forms.blank(householdId)) {
            errors.add("householdId", reasons.text("requests.error.household"));
        }
        if (form == null || !FORMS.contains(form)) {
            errors.add("form", reasons.text("requests.error.form"));
        }
        LocalDate receivedOn = Forms.date("receivedOn", values.getFirst("receivedOn"), true, errors, reasons);
        String channel = "POST".equals(values.getFirst("channel")) ? "POST" : "COUNTER";
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("householdId", householdId.strip());
            body.put("form", form);
            body.put("receivedOn", receivedOn);
            body.put("channel", channel);
            Request recorded = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                    u -> u.path("/api/v1/review-requests").build(), body, Request.class, field -> switch (field) {
                        case "householdId", "form", "receivedOn", "channel" -> field;
                        default -> null;
                    }, errors);
            if (recorded != null) {
                redirect.addFlashAttribute("changed", reasons.text("requests.recorded",
                        reasons.text("requests.form." + recorded.form()), headName(recorded.householdId()),
                        Forms.show(recorded.receivedOn()), Forms.show(recorded.dueBy())));
                return "redirect:/ra-soat/de-nghi?unitCode=" + recorded.unitCode();
            }
        }
        findHouseholds(values.getFirst("q"), values.getFirst("unitCode"), new FormErrors(), model);
        response.setStatus(errors.status());
        return counterPage(values, errors, model);
    }

    private void findHouseholds(String q, String unitCode, FormErrors errors, Model model) {
        if (q == null) {
            return;
        }
        if (q.isBlank() || q.strip().length() > 100) {
            errors.add("q", calls.reasons().text("surveys.error.q"));
            return;
        }
        try {
            model.addAttribute("found", search.find(q.strip(), Forms.blank(unitCode) ? null : unitCode.strip(), null,
                    "ACTIVE", 0, SEARCH_SIZE));
        } catch (ServiceProblem problem) {
            calls.explain(problem, field -> "q", errors);
        }
    }

    private String counterPage(MultiValueMap<String, String> values, FormErrors errors, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("forms", FORMS);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("unitChoices", units.of(PageModel.current()));
        return "review/request-new";
    }

    // ---- verifying an online request (contract S) ----

    @GetMapping("/ra-soat/de-nghi/{id}/xac-minh")
    String verifyForm(@PathVariable String id, @RequestParam(required = false) String q, Model model,
            HttpServletResponse response) {
        Request request = reviews.request(id);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("decision", "VERIFY");
        values.add("householdId", request.suggestedHouseholdId());
        values.add("q", q);
        FormErrors errors = new FormErrors();
        findHouseholds(q, request.unitCode(), errors, model);
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        return verifyPage(request, values, errors, model);
    }

    @PostMapping("/ra-soat/de-nghi/{id}/xac-minh")
    String verify(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Request request = reviews.request(id);
        FormErrors errors = new FormErrors();
        Reasons reasons = calls.reasons();
        String decision = values.getFirst("decision");
        Map<String, Object> body = new LinkedHashMap<>();
        if ("REJECT".equals(decision)) {
            if (Forms.blank(values.getFirst("reason"))) {
                errors.add("reason", reasons.text("requests.error.rejectReason"));
            }
            body.put("rejected", true);
            body.put("reason", Forms.text(values.getFirst("reason")));
        } else if ("VERIFY".equals(decision)) {
            if (Forms.blank(values.getFirst("householdId"))) {
                errors.add("householdId", reasons.text("requests.error.household"));
            }
            body.put("householdId", Forms.text(values.getFirst("householdId")));
        } else {
            errors.add("decision", reasons.text("requests.error.decision"));
        }
        if (errors.isEmpty()) {
            Request answered = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                    u -> u.path("/api/v1/review-requests/{id}/verification").build(request.id()), body,
                    Request.class, field -> switch (field) {
                        case "householdId", "reason" -> field;
                        case "rejected" -> "decision";
                        default -> null;
                    }, errors);
            if (answered != null) {
                redirect.addFlashAttribute("changed", "REJECT".equals(decision)
                        ? reasons.text("requests.verify.rejected", request.headName())
                        : reasons.text("requests.verify.done", request.headName(),
                                Forms.show(answered.dueBy())));
                return "redirect:/ra-soat/de-nghi?unitCode=" + request.unitCode();
            }
        }
        findHouseholds(values.getFirst("q"), request.unitCode(), new FormErrors(), model);
        response.setStatus(errors.status());
        return verifyPage(request, values, errors, model);
    }

    private String verifyPage(Request request, MultiValueMap<String, String> values, FormErrors errors, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", VERIFY_CHOICES);
        model.addAttribute("suggested", request.suggestedHouseholdId() == null ? null
                : suggested(request.suggestedHouseholdId()));
        model.addAttribute("unitName", units.name(request.unitCode()));
        return "review/request-verify";
    }

    /** The household the service suggests, as the person may read it; null when it cannot be read. */
    private Household suggested(String householdId) {
        try {
            return calls.household(householdId);
        } catch (ServiceProblem problem) {
            return null;
        }
    }

    // ---- the chairman's written refusal ----

    @GetMapping("/ra-soat/de-nghi/{id}/tu-choi")
    String refusalForm(@PathVariable String id, Model model) {
        Request request = reviews.request(id);
        Officer officer = PageModel.current();
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("date", Forms.show(LocalDate.now(VietnameseFormats.VIETNAM)));
        values.add("signerRole", SIGNERS.stream().filter(officer.roles()::contains).findFirst()
                .orElse(SIGNERS.getFirst()));
        return refusalPage(request, values, new FormErrors(), model);
    }

    @PostMapping("/ra-soat/de-nghi/{id}/tu-choi")
    String refuse(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Request request = reviews.request(id);
        FormErrors errors = new FormErrors();
        Reasons reasons = calls.reasons();
        LocalDate date = Forms.date("date", values.getFirst("date"), true, errors, reasons);
        if (Forms.blank(values.getFirst("reasons"))) {
            errors.add("reasons", reasons.text("requests.error.reasons"));
        }
        String signer = values.getFirst("signerRole");
        if (signer == null || !SIGNERS.contains(signer)) {
            errors.add("signerRole", reasons.text("requests.error.signer"));
        }
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("number", Forms.text(values.getFirst("number")));
            body.put("date", date);
            body.put("signerRole", values.getFirst("signerRole"));
            body.put("reasons", values.getFirst("reasons").strip());
            Request refused = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                    u -> u.path("/api/v1/review-requests/{id}/refusal").build(request.id()), body, Request.class,
                    field -> switch (field) {
                        case "number", "date", "signerRole", "reasons" -> field;
                        default -> null;
                    }, errors);
            if (refused != null) {
                redirect.addFlashAttribute("changed", reasons.text("requests.refused",
                        headName(request.householdId())));
                return "redirect:/ra-soat/de-nghi?unitCode=" + request.unitCode();
            }
        }
        response.setStatus(errors.status());
        return refusalPage(request, values, errors, model);
    }

    private String refusalPage(Request request, MultiValueMap<String, String> values, FormErrors errors,
            Model model) {
        model.addAttribute("request", request);
        model.addAttribute("headName", request.householdId() == null ? request.headName()
                : headName(request.householdId()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("signers", SIGNERS);
        return "review/request-refuse";
    }
}
