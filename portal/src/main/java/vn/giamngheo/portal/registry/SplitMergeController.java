package vn.giamngheo.portal.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Split a household (tách hộ: some members found a new household under a new head) and merge one into another (nhập
 * hộ: its members join this one). Both are legal steps: the person sees what will be sent, and confirms.
 */
@Controller
class SplitMergeController {

    private final RegistryCalls calls;

    SplitMergeController(RegistryCalls calls) {
        this.calls = calls;
    }

    // --- split ---

    @GetMapping("/ho-gia-dinh/{id}/tach-ho")
    String splitForm(@PathVariable String id, Model model, HttpServletResponse response) {
        Household household = calls.household(id);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("village", household.village());
        return splitPage(household, values, new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/tach-ho")
    String split(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Household household = calls.household(id);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        List<String> leaving = values.getOrDefault("personIds", List.of()).stream()
                .filter(p -> household.member(p).isPresent()).distinct().toList();
        if (leaving.isEmpty()) {
            errors.add("personIds", reasons.text("form.error.splitNone"));
        }
        String newHead = values.getFirst("newHeadPersonId");
        if (Forms.blank(newHead)) {
            errors.add("newHeadPersonId", reasons.text("form.error.newHead"));
        }
        LocalDate on = Forms.date("effectiveDate", values.getFirst("effectiveDate"), false, errors, reasons);
        FormPage.Action action = FormPage.Action.of(values.getFirst("action"));
        if (!errors.isEmpty() || action == FormPage.Action.EDIT) {
            return splitPage(household, values, errors, model, response);
        }
        Map<String, String> relations = new LinkedHashMap<>();
        for (String person : leaving) {
            String relation = values.getFirst("relations[" + person + "]");
            if (!person.equals(newHead) && !Forms.blank(relation)) {
                relations.put(person, relation);
            }
        }
        String village = Forms.text(values.getFirst("village"));
        if (action == FormPage.Action.CHECK) {
            List<String> names = new ArrayList<>();
            for (String person : leaving) {
                names.add(household.nameOf(person) + (person.equals(newHead) ? " (" + reasons.text("relation.HEAD")
                        .toLowerCase() + ")" : relations.containsKey(person) ? " ("
                        + reasons.text("relation." + relations.get(person)).toLowerCase() + ")" : ""));
            }
            return FormPage.check(reasons.text("split.check", household.headName()), "/ho-gia-dinh/" + id
                    + "/tach-ho", household, List.of(
                            new FormPage.Answer(reasons.text("split.leaving"), String.join("; ", names)),
                            new FormPage.Answer(reasons.text("split.newHead"), household.nameOf(newHead)),
                            new FormPage.Answer(reasons.text("split.village"), village == null ? household.village()
                                    : village),
                            new FormPage.Answer(reasons.text("form.effectiveDate"),
                                    MembersController.effective(on, reasons))), values, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("personIds", leaving);
        request.put("newHeadPersonId", newHead);
        request.put("relations", relations);
        request.put("village", village);
        request.put("effectiveDate", on);
        Household founded = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/households/{id}/split").build(id), request, Household.class, f -> switch (f) {
                    case "personIds", "newHeadPersonId", "village", "effectiveDate" -> f;
                    case "personId" -> "personIds";
                    default -> f.startsWith("relations") || f.startsWith("personIds") ? "personIds" : null;
                }, errors);
        if (founded == null) {
            return splitPage(household, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("split.done", leaving.size(), founded.headName(),
                household.headName()));
        return "redirect:/ho-gia-dinh/" + founded.id();
    }

    private String splitPage(Household household, MultiValueMap<String, String> values, FormErrors errors,
            Model model, HttpServletResponse response) {
        model.addAttribute("relations", Choices.NOT_HEAD);
        model.addAttribute("others", household.activeMembers().stream().filter(m -> !m.head()).toList());
        return FormPage.form("registry/split", household, values, errors, model, response);
    }

    // --- merge ---

    @GetMapping("/ho-gia-dinh/{id}/nhap-ho")
    String mergeForm(@PathVariable String id, Model model, HttpServletResponse response) {
        return mergePage(calls.household(id), new LinkedMultiValueMap<>(), new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/nhap-ho")
    String merge(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Household household = calls.household(id);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String absorbedId = Forms.text(values.getFirst("absorbedHouseholdId"));
        if (absorbedId == null) {
            errors.add("absorbedHouseholdId", reasons.text("form.error.householdCode"));
        }
        LocalDate on = Forms.date("effectiveDate", values.getFirst("effectiveDate"), false, errors, reasons);
        FormPage.Action action = FormPage.Action.of(values.getFirst("action"));
        if (!errors.isEmpty() || action == FormPage.Action.EDIT) {
            return mergePage(household, values, errors, model, response);
        }
        Household absorbed = absorbed(absorbedId, errors, reasons);
        if (absorbed == null) {
            return mergePage(household, values, errors, model, response);
        }
        if (action == FormPage.Action.CHECK) {
            // The check page asks what each member who joins becomes to this household's head.
            model.addAttribute("absorbed", absorbed);
            model.addAttribute("effective", MembersController.effective(on, reasons));
            model.addAttribute("relations", Choices.NOT_HEAD);
            FormPage.form("registry/merge-check", household, values, errors, model, response);
            return "registry/merge-check";
        }
        Map<String, String> relations = new LinkedHashMap<>();
        for (Member m : absorbed.activeMembers()) {
            String relation = values.getFirst("relations[" + m.personId() + "]");
            if (!Forms.blank(relation)) {
                relations.put(m.personId(), relation);
            }
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("absorbedHouseholdId", absorbed.id());
        request.put("relations", relations);
        request.put("effectiveDate", on);
        Household after = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/households/{id}/merge").build(id), request, Household.class, f -> switch (f) {
                    case "absorbedHouseholdId", "effectiveDate" -> f;
                    case "householdId" -> "absorbedHouseholdId";
                    default -> null;
                }, errors);
        if (after == null) {
            return mergePage(household, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("merge.done", absorbed.headName(),
                absorbed.activeMembers().size()));
        return "redirect:/ho-gia-dinh/" + id;
    }

    /** The household to merge in, as the person may see it; null with the reason beside its code otherwise. */
    private Household absorbed(String absorbedId, FormErrors errors, Reasons reasons) {
        try {
            return calls.household(absorbedId);
        } catch (ServiceProblem problem) {
            switch (problem.kind()) {
                case NOT_FOUND -> errors.add("absorbedHouseholdId", reasons.text("form.error.noSuchHousehold",
                        absorbedId));
                case NOT_ALLOWED -> errors.add("absorbedHouseholdId", reasons.text("form.error.householdNotYours",
                        absorbedId));
                default -> calls.explain(problem, f -> null, errors);
            }
            return null;
        }
    }

    private String mergePage(Household household, MultiValueMap<String, String> values, FormErrors errors,
            Model model, HttpServletResponse response) {
        return FormPage.form("registry/merge", household, values, errors, model, response);
    }
}
