package vn.giamngheo.portal.search;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/**
 * Find a household: one box (a head's name with or without diacritics, a 12-digit citizen id, a household code, a
 * village) and two filters. A GET form, so that a search is a link and the back button returns to it. household-service
 * answers only with what the person's role and units allow; the portal adds nothing to that rule.
 */
@Controller
class HouseholdSearchController {

    /** A problem with one field of the form, shown in the error summary and beside the field. */
    public record FieldError(String field, String reason) {
    }

    static final int PAGE_SIZE = 20;
    static final int MAX_QUERY = 100;
    private static final Set<String> STATUSES = Set.of("ACTIVE", "REMOVED");
    private final HouseholdSearch households;
    private final Units units;

    HouseholdSearchController(HouseholdSearch households, Units units) {
        this.households = households;
        this.units = units;
    }

    @GetMapping("/ho-gia-dinh")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String unitCode,
            @RequestParam(name = "class", required = false) String householdClass,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") String page,
            Model model, HttpServletResponse response) {
        Officer officer = PageModel.current();
        String text = q == null ? "" : q.strip();
        String unit = blankToNull(unitCode);
        String chosenClass = blankToNull(householdClass);
        String chosenStatus = blankToNull(status);
        model.addAttribute("q", text);
        model.addAttribute("unitCode", unit);
        model.addAttribute("householdClass", chosenClass);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("unitChoices", units.of(officer));
        model.addAttribute("classChoices", HouseholdClass.values());
        model.addAttribute("units", units);
        boolean asked = q != null || unit != null || chosenClass != null || chosenStatus != null;
        model.addAttribute("asked", asked);
        if (!asked) {
            return "search";
        }
        List<FieldError> errors = new ArrayList<>();
        if (text.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "search.error.q.long"));
        }
        if (unit != null && !unit.matches("\\d{5}")) {
            errors.add(new FieldError("unitCode", "search.error.unitCode"));
        }
        if (chosenClass != null && Set.of(HouseholdClass.values()).stream().noneMatch(c -> c.name().equals(chosenClass))) {
            errors.add(new FieldError("class", "search.error.class"));
        }
        if (chosenStatus != null && !STATUSES.contains(chosenStatus)) {
            errors.add(new FieldError("status", "search.error.status"));
        }
        int pageNumber = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", errors);
            return "search";
        }
        try {
            HouseholdSearch.Page result = households.find(text, unit, chosenClass, chosenStatus, pageNumber,
                    PAGE_SIZE);
            model.addAttribute("result", result);
            model.addAttribute("pages", result.pages());
            model.addAttribute("link", ServletUriComponentsBuilder.fromCurrentRequest());
        } catch (ServiceProblem problem) {
            switch (problem.kind()) {
                case NOT_ALLOWED -> {
                    // A unit outside the person's own: nothing of it is shown, and the form says why.
                    response.setStatus(403);
                    errors.add(new FieldError("unitCode", "search.error.unitNotYours"));
                }
                case REFUSED -> {
                    response.setStatus(400);
                    problem.errors().forEach(e -> errors.add(new FieldError(formField(e.field()),
                            "search.error." + formField(e.field()))));
                    if (errors.isEmpty()) {
                        errors.add(new FieldError("q", "search.error.q"));
                    }
                }
                default -> throw problem;
            }
            model.addAttribute("errors", errors);
        }
        return "search";
    }

    /** The form's field for a parameter the service named (unknown ones point at the search box). */
    private static String formField(String parameter) {
        return switch (parameter) {
            case "unitCode", "class", "status" -> parameter;
            default -> "q";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
