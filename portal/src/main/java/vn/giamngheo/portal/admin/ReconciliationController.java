package vn.giamngheo.portal.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/**
 * The administrator's check of reporting-service (its reconciliation): the facts rebuilt from the beginning of the
 * topics and every area's figures at the end of every month compared with the live ones; the differences, or none.
 * The run is a POST (it takes seconds to minutes for the province) and the page shows reporting-service's last result
 * afterwards (POST-redirect-GET), so that reloading it does not run it again.
 */
@Controller
class ReconciliationController {

    static final String PATH = "/quan-tri/doi-soat";

    /** reporting-service's {@code Reconciliation.Result}. */
    record Result(Instant startedAt, long millis, long eventsRead, long unreadable, int householdsLive,
            int householdsRebuilt, int areasCompared, int datesCompared, long differenceCount,
            List<Difference> differences, List<Drift> drifts, boolean sameCut, int rounds) {

        Result {
            differences = differences == null ? List.of() : differences;
            drifts = drifts == null ? List.of() : drifts;
        }

        /** The run's length in seconds, one decimal (1,5). */
        public String seconds() {
            return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0).replace('.', ',');
        }
    }

    record Difference(String area, LocalDate date, String field, Object live, Object rebuilt) {
    }

    record Drift(String householdId, String aggregateId, Object live, Object rebuilt) {
    }

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Duration timeout;
    private final Units units;

    /**
     * @param timeout how long a run may take before the page says reporting-service did not answer (a province's
     *                rebuild takes seconds to minutes; {@code PORTAL_RECONCILIATION_TIMEOUT})
     */
    ReconciliationController(ServiceClient services, AccessTokens tokens,
            @Value("${portal.admin.reconciliation-timeout:${PORTAL_RECONCILIATION_TIMEOUT:5m}}") Duration timeout,
            Units units) {
        this.services = services;
        this.tokens = tokens;
        this.timeout = timeout;
        this.units = units;
    }

    @GetMapping(PATH)
    String last(Model model) {
        requireAdministrator();
        Result last = services.get(Service.REPORTING, u -> u.path("/api/v1/reconciliation").build(), Result.class,
                tokens.current());
        model.addAttribute("result", last);
        model.addAttribute("units", units);
        return "admin/reconciliation";
    }

    @PostMapping(PATH)
    String run(Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireAdministrator();
        try {
            services.send(Service.REPORTING, HttpMethod.POST, u -> u.path("/api/v1/reconciliation").build(), Map.of(),
                    Result.class, tokens.current(), timeout);
        } catch (ServiceProblem problem) {
            if (problem.kind() != ServiceProblem.Kind.UNAVAILABLE) {
                throw problem;
            }
            response.setStatus(503);
            model.addAttribute("failed", problem);
            model.addAttribute("units", units);
            return "admin/reconciliation";
        }
        redirect.addFlashAttribute("ran", true);
        return "redirect:" + PATH;
    }

    private static void requireAdministrator() {
        Officer officer = PageModel.current();
        if (officer == null || !officer.hasAny("CITY_ADMIN")) {
            throw new ServiceProblem(Service.REPORTING, ServiceProblem.Kind.NOT_ALLOWED, 403,
                    "the reconciliation is the administrator's", List.of(), null);
        }
    }
}
