package vn.giamngheo.portal.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import vn.giamngheo.portal.registry.RegistryViews.Sensitive;
import vn.giamngheo.portal.services.Service;

/**
 * Correct a member's data on the person's request (Decree 13/2023 Art. 9): the form shows what is recorded; only what
 * the officer changed is sent, with the reason, and household-service keeps the old values in the history.
 */
@Controller
class CorrectionController {

    private static final List<String> FIELDS = List.of("fullName", "dateOfBirth", "sex", "citizenId", "ethnicity");

    private final RegistryCalls calls;

    CorrectionController(RegistryCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/ho-gia-dinh/{id}/thanh-vien/{personId}/sua")
    String form(@PathVariable String id, @PathVariable String personId, Model model, HttpServletResponse response) {
        Household household = calls.household(id);
        Member member = MembersController.member(household, personId);
        MemberFields recorded = MemberFields.of(member);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("fullName", recorded.getFullName());
        values.add("dateOfBirth", recorded.getDateOfBirth());
        values.add("sex", recorded.getSex());
        values.add("citizenId", recorded.getCitizenId());
        values.add("ethnicity", recorded.getEthnicity());
        return page(household, member, values, new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/thanh-vien/{personId}/sua")
    String correct(@PathVariable String id, @PathVariable String personId,
            @RequestParam MultiValueMap<String, String> values, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Household household = calls.household(id);
        Member member = MembersController.member(household, personId);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String name = Forms.text(values.getFirst("fullName"));
        if (name == null) {
            errors.add("fullName", reasons.text("form.error.fullName"));
        }
        LocalDate born = Forms.date("dateOfBirth", values.getFirst("dateOfBirth"), true, errors, reasons);
        String sex = values.getFirst("sex");
        String citizenId = Forms.text(values.getFirst("citizenId"));
        String ethnicity = Forms.text(values.getFirst("ethnicity"));
        String reason = Forms.text(values.getFirst("reason"));
        if (reason == null) {
            errors.add("reason", reasons.text("form.error.reason"));
        }
        LocalDate on = Forms.date("effectiveDate", values.getFirst("effectiveDate"), false, errors, reasons);
        if (!errors.isEmpty()) {
            return page(household, member, values, errors, model, response);
        }
        // Only what changed: household-service reads a missing field as "keep it".
        Map<String, Object> request = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        if (!name.equals(member.fullName())) {
            request.put("fullName", name);
            changed.add(reasons.text("member.name").toLowerCase());
        }
        if (!born.equals(member.dateOfBirth())) {
            request.put("dateOfBirth", born);
            changed.add(reasons.text("member.born").toLowerCase());
        }
        if (!Forms.blank(sex) && !sex.equals(member.sex())) {
            request.put("sex", sex);
            changed.add(reasons.text("member.sex").toLowerCase());
        }
        if (citizenId != null && !citizenId.replaceAll("\\s", "").equals(member.citizenId())) {
            request.put("citizenId", citizenId.replaceAll("\\s", ""));
            changed.add(reasons.text("member.citizenId.short"));
        }
        if (!Objects.equals(ethnicity, member.ethnicity())) {
            Sensitive kept = member.sensitive();
            request.put("sensitive", new Sensitive(ethnicity, kept == null ? null : kept.disability(),
                    kept == null ? null : kept.health()));
            changed.add(reasons.text("member.ethnicity").toLowerCase());
        }
        request.put("reason", reason);
        request.put("effectiveDate", on);
        Household after = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/households/{id}/members/{p}/correction").build(id, personId), request,
                Household.class, CorrectionController::formField, errors);
        if (after == null) {
            return page(household, member, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("correction.done", after.nameOf(personId),
                String.join(", ", changed)));
        return "redirect:/ho-gia-dinh/" + id;
    }

    private static String formField(String field) {
        if (FIELDS.contains(field) || field.equals("reason") || field.equals("effectiveDate")) {
            return field;
        }
        return field.startsWith("sensitive") ? "ethnicity" : null;
    }

    private String page(Household household, Member member, MultiValueMap<String, String> values, FormErrors errors,
            Model model, HttpServletResponse response) {
        model.addAttribute("member", member);
        model.addAttribute("sexes", Choices.SEXES);
        return FormPage.form("registry/correct-member", household, values, errors, model, response);
    }
}
