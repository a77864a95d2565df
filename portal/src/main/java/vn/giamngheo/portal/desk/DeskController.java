package vn.giamngheo.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.portal.household.Policies;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.desk.DeskViews.Application;
import vn.giamngheo.portal.desk.DeskViews.QueueRow;

/**
 * A department's desk: the home with its applications counted by status, and the queue of its applications with the
 * household's head (from household-service), filtered by status.
 */
@Controller
class DeskController {

    static final List<String> STATUSES = List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED");
    private static final ParameterizedTypeReference<List<Application>> APPLICATIONS =
            new ParameterizedTypeReference<>() { };

    private final DepartmentDesk desk;
    private final ServiceClient services;
    private final Policies policies;
    private final Reasons reasons;

    DeskController(DepartmentDesk desk, ServiceClient services, Policies policies, Reasons reasons) {
        this.desk = desk;
        this.services = services;
        this.policies = policies;
        this.reasons = reasons;
    }

    /** The department's applications (its own, as the service lists them for the department named). */
    private List<Application> applications(String status) {
        String department = desk.department();
        return desk.get(u -> {
            u.path("/api/v1/applications").queryParam("department", department).queryParam("limit", 1000);
            if (status != null) {
                u.queryParam("status", status);
            }
            return u.build();
        }, APPLICATIONS);
    }

    @GetMapping("/phong-ban")
    String home(@RequestParam(required = false) String householdId, Model model, HttpServletResponse response) {
        desk.officer();
        FormErrors errors = new FormErrors();
        if (householdId != null) {
            if (householdId.isBlank() || !householdId.strip().matches("[A-Za-z0-9-]{1,64}")) {
                errors.add("householdId", reasons.text("desk.error.householdId"));
                response.setStatus(400);
            } else {
                return "redirect:/phong-ban/thong-tin/" + householdId.strip();
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        applications(null).forEach(a -> counts.merge(a.status(), 1L, Long::sum));
        model.addAttribute("counts", counts);
        model.addAttribute("householdId", householdId);
        model.addAttribute("errors", errors);
        return "desk/home";
    }

    @GetMapping("/phong-ban/ho-so")
    String queue(@RequestParam(required = false) String status, Model model, HttpServletResponse response) {
        desk.officer();
        FormErrors errors = new FormErrors();
        String wanted = status == null || status.isBlank() ? null : status;
        if (wanted != null && !STATUSES.contains(wanted)) {
            errors.add("status", reasons.text("desk.error.status"));
            response.setStatus(400);
            wanted = null;
        }
        List<QueueRow> rows = errors.isEmpty() ? rows(applications(wanted)) : List.of();
        model.addAttribute("rows", rows);
        model.addAttribute("status", status);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("errors", errors);
        model.addAttribute("policies", policies.names());
        return "desk/queue";
    }

    /** Each application with its household's head, asked of household-service in parallel (unknown: the id shows). */
    private List<QueueRow> rows(List<Application> applications) {
        String token = desk.token();
        Map<String, Future<Section<Household>>> heads = new LinkedHashMap<>();
        List<QueueRow> rows = new ArrayList<>();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : Set.copyOf(applications.stream().map(Application::householdId).toList())) {
                heads.put(id, parallel.submit(() -> services.section(Service.HOUSEHOLD, u -> u
                        .path("/api/v1/households/{id}").build(id), ParameterizedTypeReference.forType(Household.class),
                        token)));
            }
            for (Application a : applications) {
                Section<Household> head = heads.get(a.householdId()).get();
                rows.add(new QueueRow(a, head.ok() ? head.value().headName() : null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return rows;
    }
}
