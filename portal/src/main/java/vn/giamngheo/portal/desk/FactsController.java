package vn.giamngheo.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
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
import vn.giamngheo.portal.desk.DeskViews.FactsView;
import vn.giamngheo.portal.desk.DeskViews.MemberFacts;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;

/**
 * The facts a department records about a household's members that the registry does not hold — schooling and public
 * school, the member's own monthly pension, disability, whether anyone is obliged to support them — and that its
 * decisions follow (policy-service {@code PUT /api/v1/households/{id}/facts}). Every member is sent with what the
 * form shows; the service checks each field.
 */
@Controller
class FactsController {

    static final List<String> SCHOOLING = List.of("NONE", "PRESCHOOL", "PRIMARY", "LOWER_SECONDARY", "UPPER_SECONDARY",
            "VOCATIONAL", "HIGHER");
    static final List<String> DISABILITY = List.of("NONE", "SEVERE", "PARTICULARLY_SEVERE");
    static final List<String> YES_NO = List.of("true", "false");

    private final DepartmentDesk desk;
    private final ServiceClient services;
    private final Reasons reasons;

    FactsController(DepartmentDesk desk, ServiceClient services, Reasons reasons) {
        this.desk = desk;
        this.services = services;
        this.reasons = reasons;
    }

    private FactsView facts(String id) {
        RegistryCalls.requireId(id);
        return desk.get(u -> u.path("/api/v1/households/{id}").build(id), FactsView.class);
    }

    @GetMapping("/phong-ban/thong-tin/{householdId}")
    String form(@PathVariable String householdId, Model model) {
        desk.officer();
        FactsView view = facts(householdId);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        for (int i = 0; i < view.members().size(); i++) {
            MemberFacts m = view.members().get(i);
            String row = "members[" + i + "].";
            values.add(row + "personId", m.personId());
            values.add(row + "schooling", m.schooling());
            values.add(row + "publicSchool", String.valueOf(m.publicSchool()));
            values.add(row + "pensionVnd", m.pensionVnd() < 0 ? "" : String.valueOf(m.pensionVnd()));
            values.add(row + "disability", m.disability());
            values.add(row + "noOneObligedToSupport", String.valueOf(m.noOneObligedToSupport()));
        }
        return page(view, values, new FormErrors(), model, null);
    }

    @PostMapping("/phong-ban/thong-tin/{householdId}")
    String record(@PathVariable String householdId, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        desk.officer();
        FactsView view = facts(householdId);
        FormErrors errors = new FormErrors();
        LocalDate from = Forms.date("from", values.getFirst("from"), false, errors, reasons);
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < view.members().size(); i++) {
            String row = "members[" + i + "].";
            String personId = view.members().get(i).personId();
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("personId", personId);
            member.put("schooling", choice(row + "schooling", values, SCHOOLING, "desk.error.schooling", errors));
            String publicSchool = choice(row + "publicSchool", values, YES_NO, "desk.error.choose", errors);
            member.put("publicSchool", publicSchool == null ? null : Boolean.valueOf(publicSchool));
            member.put("pensionVnd", pension(row + "pensionVnd", values, errors));
            member.put("disability", choice(row + "disability", values, DISABILITY, "desk.error.disability", errors));
            String support = choice(row + "noOneObligedToSupport", values, YES_NO, "desk.error.choose", errors);
            member.put("noOneObligedToSupport", support == null ? null : Boolean.valueOf(support));
            members.add(member);
        }
        if (errors.isEmpty()) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("from", from);
            request.put("members", members);
            if (desk.send(HttpMethod.PUT, u -> u.path("/api/v1/households/{id}/facts").build(householdId), request,
                    FactsView.class, f -> f != null && (f.equals("from") || f.startsWith("members[")) ? f : null,
                    errors) != null) {
                redirect.addFlashAttribute("changed", reasons.text("desk.facts.done"));
                return "redirect:/phong-ban/thong-tin/" + householdId;
            }
        }
        return page(view, values, errors, model, response);
    }

    private String choice(String field, MultiValueMap<String, String> values, List<String> allowed, String key,
            FormErrors errors) {
        String value = values.getFirst(field);
        if (value == null || !allowed.contains(value)) {
            errors.add(field, reasons.text(key));
            return null;
        }
        return value;
    }

    /** The member's own monthly pension in đồng, 0 when none: required (the service records it as given). */
    private Long pension(String field, MultiValueMap<String, String> values, FormErrors errors) {
        String typed = Forms.text(values.getFirst(field));
        String digits = typed == null ? null : typed.replace(".", "").replace(",", "").replace(" ", "");
        if (digits == null || !digits.matches("\\d{1,13}")) {
            errors.add(field, typed == null ? reasons.text("desk.error.pensionRequired")
                    : reasons.text("desk.error.amount", typed));
            return null;
        }
        return Long.parseLong(digits);
    }

    private String page(FactsView view, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        if (!errors.isEmpty() && response != null) {
            response.setStatus(errors.status());
        }
        Section<Household> household = services.section(Service.HOUSEHOLD, u -> u.path("/api/v1/households/{id}")
                .build(view.householdId()), ParameterizedTypeReference.forType(Household.class), desk.token());
        model.addAttribute("view", view);
        model.addAttribute("household", household);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("schooling", SCHOOLING);
        model.addAttribute("disability", DISABILITY);
        model.addAttribute("yesNo", YES_NO);
        return "desk/facts";
    }
}
