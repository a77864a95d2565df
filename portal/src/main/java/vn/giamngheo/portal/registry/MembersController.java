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
import vn.giamngheo.portal.registry.RegistryViews.Member;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceProblem;

/**
 * A household's members: add a person, remove one (a legal step: checked before it is sent), move one to another
 * household.
 */
@Controller
class MembersController {

    private final RegistryCalls calls;

    MembersController(RegistryCalls calls) {
        this.calls = calls;
    }

    // --- add ---

    @GetMapping("/ho-gia-dinh/{id}/them-thanh-vien")
    String addForm(@PathVariable String id, Model model, HttpServletResponse response) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("member.relationToHead", "CHILD");
        return addPage(calls.household(id), values, new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/them-thanh-vien")
    String add(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Household household = calls.household(id);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        MemberFields fields = new MemberFields();
        fields.setFullName(values.getFirst("member.fullName"));
        fields.setDateOfBirth(values.getFirst("member.dateOfBirth"));
        fields.setSex(values.getFirst("member.sex"));
        fields.setRelationToHead(values.getFirst("member.relationToHead"));
        fields.setCitizenId(values.getFirst("member.citizenId"));
        fields.setEthnicity(values.getFirst("member.ethnicity"));
        Map<String, Object> member = fields.request("member.", errors, reasons);
        LocalDate on = Forms.date("effectiveDate", values.getFirst("effectiveDate"), false, errors, reasons);
        if (!errors.isEmpty()) {
            return addPage(household, values, errors, model, response);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("member", member);
        request.put("effectiveDate", on);
        Household after = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/households/{id}/members").build(id), request, Household.class,
                MembersController::addField, errors);
        if (after == null) {
            return addPage(household, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("members.added", member.get("fullName"),
                reasons.text("relation." + member.get("relationToHead")).toLowerCase()));
        return "redirect:/ho-gia-dinh/" + id;
    }

    private static String addField(String field) {
        return switch (field) {
            case "effectiveDate" -> field;
            case "relationToHead", "member.relationToHead" -> "member.relationToHead";
            default -> {
                if (field.startsWith("member.")) {
                    String f = MemberFields.formField(field.substring("member.".length()));
                    yield f == null ? null : "member." + f;
                }
                yield field.equals("member") ? "member.fullName" : null;
            }
        };
    }

    private String addPage(Household household, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        model.addAttribute("sexes", Choices.SEXES);
        model.addAttribute("relations", Choices.NOT_HEAD);
        return FormPage.form("registry/add-member", household, values, errors, model, response);
    }

    // --- remove (a legal step) ---

    @GetMapping("/ho-gia-dinh/{id}/thanh-vien/{personId}/xoa")
    String removeForm(@PathVariable String id, @PathVariable String personId, Model model,
            HttpServletResponse response) {
        Household household = calls.household(id);
        return removePage(household, member(household, personId), null, new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/thanh-vien/{personId}/xoa")
    String remove(@PathVariable String id, @PathVariable String personId,
            @RequestParam MultiValueMap<String, String> values, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Household household = calls.household(id);
        Member member = member(household, personId);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String reason = values.getFirst("reason");
        if (reason == null || !Choices.REMOVAL_REASONS.contains(reason)) {
            errors.add("reason", reasons.text("form.error.removalReason"));
        }
        LocalDate on = Forms.date("effectiveDate", values.getFirst("effectiveDate"), false, errors, reasons);
        FormPage.Action action = FormPage.Action.of(values.getFirst("action"));
        if (!errors.isEmpty() || action == FormPage.Action.EDIT) {
            return removePage(household, member, values, errors, model, response);
        }
        if (action == FormPage.Action.CHECK) {
            return FormPage.check(reasons.text("members.remove.check", member.fullName()),
                    "/ho-gia-dinh/" + id + "/thanh-vien/" + personId + "/xoa", household, List.of(
                            new FormPage.Answer(reasons.text("member.name"), member.fullName()),
                            new FormPage.Answer(reasons.text("members.removalReason"),
                                    reasons.text("removal." + reason)),
                            new FormPage.Answer(reasons.text("form.effectiveDate"), effective(on, reasons))),
                    values, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reason", reason);
        request.put("effectiveDate", on);
        Household after = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/households/{id}/members/{p}/removal").build(id, personId), request,
                Household.class, f -> switch (f) {
                    case "reason", "effectiveDate" -> f;
                    default -> null;
                }, errors);
        if (after == null) {
            return removePage(household, member, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("members.removed", member.fullName(),
                reasons.text("removal." + reason).toLowerCase()));
        return "redirect:/ho-gia-dinh/" + id;
    }

    private String removePage(Household household, Member member, MultiValueMap<String, String> values,
            FormErrors errors, Model model, HttpServletResponse response) {
        model.addAttribute("member", member);
        model.addAttribute("reasons", Choices.REMOVAL_REASONS);
        return FormPage.form("registry/remove-member", household, values, errors, model, response);
    }

    // --- move to another household ---

    @GetMapping("/ho-gia-dinh/{id}/thanh-vien/{personId}/chuyen-ho")
    String moveForm(@PathVariable String id, @PathVariable String personId, Model model,
            HttpServletResponse response) {
        Household household = calls.household(id);
        return movePage(household, member(household, personId), null, new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/thanh-vien/{personId}/chuyen-ho")
    String move(@PathVariable String id, @PathVariable String personId,
            @RequestParam MultiValueMap<String, String> values, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Household household = calls.household(id);
        Member member = member(household, personId);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String to = Forms.text(values.getFirst("toHouseholdId"));
        if (to == null) {
            errors.add("toHouseholdId", reasons.text("form.error.householdCode"));
        }
        String relation = values.getFirst("relationToHead");
        if (Forms.blank(relation)) {
            errors.add("relationToHead", reasons.text("form.error.relation"));
        }
        LocalDate on = Forms.date("effectiveDate", values.getFirst("effectiveDate"), false, errors, reasons);
        if (!errors.isEmpty()) {
            return movePage(household, member, values, errors, model, response);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("toHouseholdId", to);
        request.put("relationToHead", relation);
        request.put("effectiveDate", on);
        Household after;
        try {
            after = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                    u -> u.path("/api/v1/households/{id}/members/{p}/move").build(id, personId), request,
                    Household.class, f -> switch (f) {
                        case "toHouseholdId", "relationToHead", "effectiveDate" -> f;
                        case "householdId" -> "toHouseholdId";
                        default -> null;
                    }, errors);
        } catch (ServiceProblem problem) {
            // The other household does not exist or is outside the person's units: said beside its code.
            if (problem.kind() != ServiceProblem.Kind.NOT_FOUND && problem.kind() != ServiceProblem.Kind.NOT_ALLOWED) {
                throw problem;
            }
            errors.add("toHouseholdId", reasons.text(problem.kind() == ServiceProblem.Kind.NOT_FOUND
                    ? "form.error.noSuchHousehold" : "form.error.householdNotYours", to));
            after = null;
        }
        if (after == null) {
            return movePage(household, member, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("members.moved", member.fullName(), to));
        return "redirect:/ho-gia-dinh/" + id;
    }

    private String movePage(Household household, Member member, MultiValueMap<String, String> values,
            FormErrors errors, Model model, HttpServletResponse response) {
        model.addAttribute("member", member);
        model.addAttribute("relations", Choices.NOT_HEAD);
        return FormPage.form("registry/move-member", household, values, errors, model, response);
    }

    static Member member(Household household, String personId) {
        return household.member(personId).orElseThrow(() -> new ServiceProblem(Service.HOUSEHOLD,
                ServiceProblem.Kind.NOT_FOUND, 404, "no active member " + personId, List.of(), null));
    }

    static String effective(LocalDate on, Reasons reasons) {
        return on == null ? reasons.text("form.effectiveDate.today") : Forms.show(on);
    }
}
