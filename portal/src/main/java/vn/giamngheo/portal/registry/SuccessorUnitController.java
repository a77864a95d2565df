package vn.giamngheo.portal.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/**
 * The successor of a household recorded in a unit that was later split (Xã Vầy Nưa, 04891, split on 2025-07-01
 * between Phường Thống Nhất 04828 and Xã Tiền Phong 04891): only the commune knows which part its village lies in, so
 * an officer chooses among the successors household-service names, on a check page first. Until then household-service
 * answers an officer of either successor 422 naming both (the household's page then shows this notice instead).
 */
@Controller
public class SuccessorUnitController {

    /** Who may record it (household-service's rule for changes to a household). */
    static final String[] RECORDERS = {"CITY_ADMIN", "LABOUR_OFFICER", "WARD_OFFICER"};
    private static final Pattern SPLIT_UNIT = Pattern.compile(".*\\((\\d{5})\\) was split on .*");

    /**
     * A household waiting for its successor.
     *
     * @param household the household when the person may read it (the whole province's officers); null when
     *                  household-service answered 422 (an officer of a successor)
     * @param formerUnit the split unit's code, when known
     */
    public record Split(String id, Household household, String formerUnit, List<String> successors) {
    }

    /** The fields of household-service's household this page needs besides the registry's. */
    private record Recorded(String id, String unitCode, LocalDate unitSince, String village, String status,
            List<RegistryViews.Member> members) {

        Household household() {
            return new Household(id, unitCode, village, status, members);
        }
    }

    private final RegistryCalls calls;
    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Units units;

    SuccessorUnitController(RegistryCalls calls, ServiceClient services, AccessTokens tokens, Units units) {
        this.calls = calls;
        this.services = services;
        this.tokens = tokens;
        this.units = units;
    }

    /** The successors a 422 of household-service names (its {@code successors}); null for any other problem. */
    public static List<String> named(ServiceProblem problem) {
        if (problem == null || problem.kind() != ServiceProblem.Kind.REFUSED
                || !(problem.body().get("successors") instanceof List<?> codes) || codes.isEmpty()) {
            return null;
        }
        return codes.stream().map(String::valueOf).toList();
    }

    /** The split unit's code as the 422's detail names it ("Xã Vầy Nưa (04891) was split on …"); null otherwise. */
    public static String formerUnit(ServiceProblem problem) {
        Matcher m = SPLIT_UNIT.matcher(problem.detail() == null ? "" : problem.detail());
        return m.matches() ? m.group(1) : null;
    }

    /** Whether {@code officer} may record a successor (the others see the notice without the link). */
    public static boolean records(Officer officer) {
        return officer != null && officer.hasAny(RECORDERS);
    }

    @GetMapping("/ho-gia-dinh/{id}/don-vi-ke-thua")
    String form(@PathVariable String id, Model model, HttpServletResponse response) {
        requireRecorder();
        return page(split(id), new LinkedMultiValueMap<>(), new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/don-vi-ke-thua")
    String record(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        requireRecorder();
        Split split = split(id);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        if (split.successors().isEmpty()) {
            return page(split, values, errors, model, response);
        }
        String unitCode = values.getFirst("unitCode");
        if (unitCode == null || !split.successors().contains(unitCode)) {
            errors.add("unitCode", reasons.text("successor.error.choose"));
        }
        String village = Forms.text(values.getFirst("village"));
        FormPage.Action action = FormPage.Action.of(values.getFirst("action"));
        if (!errors.isEmpty() || action == FormPage.Action.EDIT) {
            return page(split, values, errors, model, response);
        }
        if (action == FormPage.Action.CHECK) {
            model.addAttribute("back", new String[] {"/ho-gia-dinh/" + id, reasons.text("successor.back")});
            return FormPage.check(reasons.text("successor.check"), "/ho-gia-dinh/" + id + "/don-vi-ke-thua",
                    split.household(), List.of(
                            new FormPage.Answer(reasons.text("successor.unit"), units.label(unitCode)),
                            new FormPage.Answer(reasons.text("successor.village"), village == null
                                    ? reasons.text("successor.village.same") : village)), values, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("unitCode", unitCode);
        request.put("village", village);
        Household after = calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/households/{id}/successor-unit").build(id), request, Household.class,
                f -> switch (f == null ? "" : f) {
                    case "unitCode", "successorUnitCode" -> "unitCode";
                    case "village" -> "village";
                    default -> null;
                }, errors);
        if (after == null) {
            return page(split, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("successor.done", units.label(unitCode)));
        return "redirect:/ho-gia-dinh/" + id;
    }

    /** The household and its successors, as household-service says to this person. */
    private Split split(String id) {
        RegistryCalls.requireId(id);
        String token = tokens.current();
        try {
            Recorded recorded = services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/households/{id}").build(id),
                    Recorded.class, token);
            return new Split(id, recorded.household(), recorded.unitCode(),
                    units.successorsOf(recorded.unitCode(), recorded.unitSince()));
        } catch (ServiceProblem problem) {
            List<String> successors = named(problem);
            if (successors == null) {
                throw problem;
            }
            return new Split(id, null, formerUnit(problem), successors);
        }
    }

    private static void requireRecorder() {
        if (!records(PageModel.current())) {
            throw new ServiceProblem(Service.HOUSEHOLD, ServiceProblem.Kind.NOT_ALLOWED, 403,
                    "only the administrator, the Sở NN&MT and the ward officers record a successor", List.of(), null);
        }
    }

    private String page(Split split, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        } else if (split.successors().isEmpty()) {
            response.setStatus(409);
        }
        model.addAttribute("split", split);
        model.addAttribute("h", split.household());
        model.addAttribute("units", units);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "registry/successor";
    }
}
