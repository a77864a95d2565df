package vn.giamngheo.portal.review;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryProperties;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/**
 * A what-if for the Sở NN&MT and the administrator (household-service's simulations): today's registry classified
 * under another standard on another day (e.g. the 2027–2030 lines), with the middle-living band it is to apply, and
 * nothing changed. The figures per class, the households that would move and where, per commune (all, or the one
 * chosen). The form posts (the simulation is a POST and is not kept); the service's reasons are beside the fields.
 */
@Controller
class SimulationController {

    static final String PATH = "/ra-soat/mo-phong";
    static final String[] RUNNERS = {"CITY_ADMIN", "LABOUR_OFFICER"};
    static final List<String> CLASSES = List.of("POOR", "NEAR_POOR", "MIDDLE", "ABOVE");
    static final List<String> BANDS = List.of("AS_FILED", "NONE", "PROPOSED");
    private static final ParameterizedTypeReference<List<Standard>> STANDARDS = new ParameterizedTypeReference<>() { };

    /** household-service's standards, the fields the form offers. */
    record Standard(String code, String name, LocalDate effectiveFrom, LocalDate effectiveTo, boolean provisional) {
    }

    /** household-service's {@code SimulationService.Result}. */
    record Result(String standard, LocalDate referenceDate, boolean provisionalStandard, Band middleBand,
            Map<String, Long> current, Map<String, Long> simulated, long moved, Map<String, Long> transitions,
            long notAssessed, long unitNotResolved, List<String> indicatorsDropped,
            List<String> indicatorsNotSurveyed, Map<String, UnitResult> units) {

        Result {
            current = current == null ? Map.of() : current;
            simulated = simulated == null ? Map.of() : simulated;
            transitions = transitions == null ? Map.of() : transitions;
            indicatorsDropped = indicatorsDropped == null ? List.of() : indicatorsDropped;
            indicatorsNotSurveyed = indicatorsNotSurveyed == null ? List.of() : indicatorsNotSurveyed;
            units = units == null ? Map.of() : units;
        }

        public long currentOf(String householdClass) {
            return current.getOrDefault(householdClass, 0L);
        }

        public long simulatedOf(String householdClass) {
            return simulated.getOrDefault(householdClass, 0L);
        }
    }

    record Band(String choice, Map<String, Long> lines, String provisionalReason) {
    }

    record UnitResult(Map<String, Long> current, Map<String, Long> simulated, Map<String, Long> transitions) {

        public long currentOf(String householdClass) {
            return current == null ? 0 : current.getOrDefault(householdClass, 0L);
        }

        public long simulatedOf(String householdClass) {
            return simulated == null ? 0 : simulated.getOrDefault(householdClass, 0L);
        }
    }

    /** One commune's row of the result. */
    record Row(String unitCode, UnitResult result) {
    }

    /** "POOR->NEAR_POOR" → from, to, households. */
    record Transition(String from, String to, long households) {
    }

    private final ServiceClient services;
    private final RegistryCalls calls;
    private final Units units;
    private final AccessTokens tokens;
    private final RegistryProperties properties;

    SimulationController(ServiceClient services, RegistryCalls calls, Units units, AccessTokens tokens,
            RegistryProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
        this.services = services;
        this.calls = calls;
        this.units = units;
    }

    @GetMapping(PATH)
    String form(Model model, HttpServletResponse response) {
        requireRunner();
        return page(new LinkedMultiValueMap<>(), new FormErrors(), null, model, response);
    }

    @PostMapping(PATH)
    String run(@RequestParam MultiValueMap<String, String> values, Model model, HttpServletResponse response) {
        requireRunner();
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String standard = Forms.text(values.getFirst("standard"));
        LocalDate on = Forms.date("referenceDate", values.getFirst("referenceDate"), true, errors, reasons);
        String band = Forms.text(values.getFirst("bandChoice"));
        if (band != null && !BANDS.contains(band)) {
            errors.add("bandChoice", reasons.text("simulation.error.band"));
        }
        Long rural = line("ruralVnd", values, errors, reasons);
        Long urban = line("urbanVnd", values, errors, reasons);
        String area = Forms.text(values.getFirst("area"));
        if (area != null && !area.matches("\\d{5}")) {
            errors.add("area", reasons.text("simulation.error.area"));
        }
        if (!errors.isEmpty()) {
            return page(values, errors, null, model, response);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("standard", standard);
        request.put("referenceDate", on);
        if (band != null) {
            Map<String, Object> middle = new LinkedHashMap<>();
            middle.put("choice", band);
            middle.put("ruralVnd", rural);
            middle.put("urbanVnd", urban);
            request.put("middleBand", middle);
        }
        Result result = null;
        try {
            // The whole registry classified again: the upload's bound rather than a change's.
            result = services.send(Service.HOUSEHOLD, HttpMethod.POST, u -> u.path("/api/v1/simulations").build(),
                    request, Result.class, tokens.current(), properties.uploadTimeout());
        } catch (ServiceProblem problem) {
            calls.explain(problem, SimulationController::formField, errors);
        }
        return page(values, errors, result, model, response);
    }

    /** household-service's field → the form's. */
    static String formField(String field) {
        return switch (field == null ? "" : field) {
            case "standard", "referenceDate" -> field;
            case "middleBand", "middleBand.choice" -> "bandChoice";
            case "middleBand.ruralVnd" -> "ruralVnd";
            case "middleBand.urbanVnd" -> "urbanVnd";
            default -> null;
        };
    }

    private static Long line(String field, MultiValueMap<String, String> values, FormErrors errors, Reasons reasons) {
        String typed = Forms.text(values.getFirst(field));
        if (typed == null) {
            return null;
        }
        String digits = typed.replace(".", "").replace(" ", "");
        if (!digits.matches("\\d{1,12}")) {
            errors.add(field, reasons.text("simulation.error.amount", typed));
            return null;
        }
        return Long.parseLong(digits);
    }

    private String page(MultiValueMap<String, String> values, FormErrors errors, Result result, Model model,
            HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        List<Standard> standards;
        try {
            standards = services.get(Service.HOUSEHOLD, u -> u.path("/api/v1/standards").build(), STANDARDS, null);
        } catch (ServiceProblem unavailable) {
            standards = List.of();
        }
        model.addAttribute("standards", standards);
        model.addAttribute("bands", BANDS);
        model.addAttribute("classes", CLASSES);
        model.addAttribute("communes", units.of(PageModel.current()));
        model.addAttribute("units", units);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        if (result != null) {
            String area = Forms.text(values.getFirst("area"));
            List<Row> rows = new ArrayList<>();
            result.units().forEach((code, r) -> {
                if (area == null || area.equals(code)) {
                    rows.add(new Row(code, r));
                }
            });
            model.addAttribute("rows", rows);
            model.addAttribute("transitions", result.transitions().entrySet().stream()
                    .map(e -> new Transition(e.getKey().replaceAll("->.*", ""), e.getKey().replaceAll(".*->", ""),
                            e.getValue())).toList());
        }
        return "review/simulation";
    }

    private static void requireRunner() {
        Officer officer = PageModel.current();
        if (officer == null || !officer.hasAny(RUNNERS)) {
            throw new ServiceProblem(Service.HOUSEHOLD, ServiceProblem.Kind.NOT_ALLOWED, 403,
                    "simulations are run by the Sở NN&MT and the administrator", List.of(), null);
        }
    }
}
