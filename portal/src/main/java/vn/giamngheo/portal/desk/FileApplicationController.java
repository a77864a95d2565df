package vn.giamngheo.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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
import vn.giamngheo.portal.PortalProperties;
import vn.giamngheo.portal.desk.DeskViews.Application;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryProperties;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.web.PageModel;

/**
 * A household's applications for the benefits decided on application (loans, housing support, social assistance,
 * the social pension), filed from its page by a ward officer, the Sở NN&MT or the administrator (policy-service's
 * rule), and the applications it has. An application goes to the policy-service instance of the department that owns
 * the policy (as the desk's pages); every rule (eligibility, a loan's ceiling, one open application per policy) is
 * policy-service's, and its reasons are shown beside the fields they name.
 */
@Controller
class FileApplicationController {

    static final String[] FILERS = {"CITY_ADMIN", "LABOUR_OFFICER", "WARD_OFFICER"};
    private static final ParameterizedTypeReference<List<Policy>> POLICIES = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Application>> APPLICATIONS =
            new ParameterizedTypeReference<>() { };

    /** policy-service's public catalogue, the fields this page uses. */
    record Policy(String code, String name, String department, String beneficiary, boolean applicationRequired) {

        boolean loan() {
            return code.endsWith("_LOAN");
        }

        boolean toPerson() {
            return "PERSON".equals(beneficiary);
        }
    }

    private final DepartmentDesk desk;
    private final ServiceClient services;
    private final RegistryCalls calls;
    private final AccessTokens tokens;
    private final RegistryProperties writes;
    private final DeskProperties instances;
    private final PortalProperties portal;

    FileApplicationController(DepartmentDesk desk, ServiceClient services, RegistryCalls calls, AccessTokens tokens,
            RegistryProperties writes, DeskProperties instances, PortalProperties portal) {
        this.portal = portal;
        this.desk = desk;
        this.services = services;
        this.calls = calls;
        this.tokens = tokens;
        this.writes = writes;
        this.instances = instances;
    }

    /** The household's applications at every department's instance, newest first. */
    @GetMapping("/ho-gia-dinh/{id}/ho-so-de-nghi")
    String list(@PathVariable String id, Model model) {
        requireFiler();
        Household household = calls.household(id);
        String token = tokens.current();
        List<Application> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String department : departments()) {
            try {
                found.addAll(desk.instance(department).get(Service.POLICY, u -> u.path("/api/v1/applications")
                        .queryParam("householdId", id).build(), APPLICATIONS, token));
            } catch (ServiceProblem problem) {
                if (problem.kind() == ServiceProblem.Kind.SIGN_IN_AGAIN) {
                    throw problem;
                }
                missing.add(department.isEmpty() ? calls.reasons().text("apply.list.general")
                        : calls.reasons().text("department." + department));
            }
        }
        found.sort(Comparator.comparing(Application::submittedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .reversed());
        model.addAttribute("h", household);
        model.addAttribute("applications", found.stream().filter(distinctBy(Application::id)).toList());
        model.addAttribute("missing", missing);
        model.addAttribute("policies", names(policiesOrNone()));
        return "desk/household-applications";
    }

    @GetMapping("/ho-gia-dinh/{id}/ho-so-de-nghi/moi")
    String form(@PathVariable String id, Model model, HttpServletResponse response) {
        requireFiler();
        return page(calls.household(id), policies(), new LinkedMultiValueMap<>(), new FormErrors(), model, response);
    }

    @PostMapping("/ho-gia-dinh/{id}/ho-so-de-nghi/moi")
    String file(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        requireFiler();
        Household household = calls.household(id);
        List<Policy> policies = policies();
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String code = Forms.text(values.getFirst("policyCode"));
        Policy policy = policies.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
        if (policy == null) {
            errors.add("policyCode", reasons.text("apply.error.policy"));
        }
        String personId = Forms.text(values.getFirst("personId"));
        if (personId != null && household.member(personId).isEmpty()) {
            errors.add("personId", reasons.text("apply.error.person"));
        }
        Long amount = ApplicationDeskController.amount("requestedAmountVnd", values, errors, reasons);
        LocalDate submittedOn = Forms.date("submittedOn", values.getFirst("submittedOn"), false, errors, reasons);
        if (!errors.isEmpty()) {
            return page(household, policies, values, errors, model, response);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("policyCode", policy.code());
        request.put("householdId", id);
        // A benefit granted to the household names no member (policy-service would refuse one).
        request.put("personId", policy.toPerson() ? personId : null);
        request.put("submittedOn", submittedOn);
        request.put("requestedAmountVnd", amount);
        request.put("note", Forms.text(values.getFirst("note")));
        Application filed;
        try {
            filed = desk.instance(policy.department()).send(Service.POLICY, HttpMethod.POST,
                    u -> u.path("/api/v1/applications").build(), request, Application.class, tokens.current(),
                    writes.writeTimeout());
        } catch (ServiceProblem problem) {
            calls.explain(problem, FileApplicationController::formField, errors);
            return page(household, policies, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("apply.done", policy.name(),
                reasons.text("department." + filed.department())));
        return "redirect:/ho-gia-dinh/" + id + "/ho-so-de-nghi";
    }

    /** policy-service's field → the form's; the household itself (and anything else) goes to the summary. */
    static String formField(String field) {
        return switch (field == null ? "" : field) {
            case "policyCode", "personId", "requestedAmountVnd", "submittedOn", "note" -> field;
            default -> null;
        };
    }

    private String page(Household household, List<Policy> policies, MultiValueMap<String, String> values,
            FormErrors errors, Model model, HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        model.addAttribute("h", household);
        model.addAttribute("policyChoices", policies);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "desk/file";
    }

    /** The policies in force that take an application, by name. */
    private List<Policy> policies() {
        return services.get(Service.POLICY, u -> u.path("/api/v1/policies").build(), POLICIES, null).stream()
                .filter(Policy::applicationRequired).filter(distinctBy(Policy::code))
                .sorted(Comparator.comparing(Policy::name)).toList();
    }

    private List<Policy> policiesOrNone() {
        try {
            return services.get(Service.POLICY, u -> u.path("/api/v1/policies").build(), POLICIES, null);
        } catch (ServiceProblem unavailable) {
            return List.of();
        }
    }

    private static Map<String, String> names(List<Policy> policies) {
        Map<String, String> names = new LinkedHashMap<>();
        policies.forEach(p -> names.putIfAbsent(p.code(), p.name()));
        return names;
    }

    /** The departments whose instances hold applications: each configured one, and the general instance. */
    private Set<String> departments() {
        Set<String> departments = new LinkedHashSet<>();
        departments.add("");
        Set<String> urls = new LinkedHashSet<>();
        urls.add(portal.services().policy().toString());
        instances.departments().forEach((department, instance) -> {
            if (instance.url() != null && urls.add(instance.url().toString())) {
                departments.add(department);
            }
        });
        return departments;
    }

    private static <T> Predicate<T> distinctBy(Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    private static void requireFiler() {
        Officer officer = PageModel.current();
        if (officer == null || !officer.hasAny(FILERS)) {
            throw new ServiceProblem(Service.POLICY, ServiceProblem.Kind.NOT_ALLOWED, 403,
                    "applications are filed by ward officers, the Sở NN&MT and the administrator", List.of(), null);
        }
    }
}
