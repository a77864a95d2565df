package vn.giamngheo.portal.household;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.audit.AuditTrail;
import vn.giamngheo.portal.household.HouseholdViews.BenefitDecisionView;
import vn.giamngheo.portal.household.HouseholdViews.CardRequest;
import vn.giamngheo.portal.household.HouseholdViews.ClassDecision;
import vn.giamngheo.portal.household.HouseholdViews.EntitlementReport;
import vn.giamngheo.portal.household.HouseholdViews.Household;
import vn.giamngheo.portal.household.HouseholdViews.Message;
import vn.giamngheo.portal.registry.SuccessorUnitController;
import vn.giamngheo.portal.services.Parallel;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * A household's page: members and class history (household-service), benefit decisions, health-insurance cards and
 * this year's entitlements (policy-service), card requests and messages sent (notification-service), and who saw or
 * changed it (each service's audit, for the roles that may read it). The sections are asked for in parallel; each
 * shows what its service said or why it said nothing, so a service that is down costs only its own sections.
 */
@Controller
class HouseholdPageController {

    private static final ParameterizedTypeReference<Household> HOUSEHOLD = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<ClassDecision>> CLASSES =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<BenefitDecisionView>> DECISIONS =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<EntitlementReport> ENTITLEMENTS =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<CardRequest>> CARDS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Message>> MESSAGES = new ParameterizedTypeReference<>() { };
    /** The newest entries shown on the page, of the three services' audits together (a small page on a phone). */
    private static final int AUDIT_ENTRIES = 50;

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Units units;
    private final Policies policies;
    private final AuditTrail audit;

    HouseholdPageController(ServiceClient services, AccessTokens tokens, Units units, Policies policies,
            AuditTrail audit) {
        this.services = services;
        this.tokens = tokens;
        this.units = units;
        this.policies = policies;
        this.audit = audit;
    }

    @GetMapping("/ho-gia-dinh/{id}")
    String household(@PathVariable String id, Model model) {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new ServiceProblem(Service.HOUSEHOLD, ServiceProblem.Kind.NOT_FOUND, 404, "not a household id",
                    List.of(), null);
        }
        Officer officer = PageModel.current();
        String token = tokens.current();
        String year = String.valueOf(LocalDate.now(VietnameseFormats.VIETNAM).getYear());
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Section<Household>> household = parallel.submit(() -> services.section(Service.HOUSEHOLD,
                    path("/api/v1/households/{id}", id), HOUSEHOLD, token));
            Future<Section<List<ClassDecision>>> classes = parallel.submit(() -> services.section(Service.HOUSEHOLD,
                    path("/api/v1/households/{id}/classes", id), CLASSES, token));
            Future<Section<List<BenefitDecisionView>>> decisions = parallel.submit(() -> services.section(
                    Service.POLICY, path("/api/v1/households/{id}/decisions", id), DECISIONS, token));
            Future<Section<EntitlementReport>> entitlements = parallel.submit(() -> services.section(Service.POLICY,
                    u -> u.path("/api/v1/households/{id}/entitlements").queryParam("period", year).build(id),
                    ENTITLEMENTS, token));
            Future<Section<List<CardRequest>>> cards = parallel.submit(() -> officer.seesCardRequests()
                    ? services.section(Service.NOTIFICATION, u -> u.path("/api/v1/card-requests")
                            .queryParam("householdId", id).queryParam("limit", 50).build(), CARDS, token)
                    : notForTheRole(Service.NOTIFICATION));
            Future<Section<List<Message>>> messages = parallel.submit(() -> officer.seesMessages()
                    ? services.section(Service.NOTIFICATION, u -> u.path("/api/v1/messages")
                            .queryParam("householdId", id).queryParam("limit", 50).build(), MESSAGES, token)
                    : notForTheRole(Service.NOTIFICATION));
            Future<AuditTrail.Page> audited = officer.seesAudit() ? parallel.submit(() -> audit.find(
                    AuditTrail.Query.household(id), List.of(Service.HOUSEHOLD, Service.POLICY, Service.NOTIFICATION),
                    0, AUDIT_ENTRIES, token)) : null;
            Future<Map<String, String>> policyNames = parallel.submit(policies::names);

            Section<Household> core = get(household);
            List<String> successors = core.ok() ? null : SuccessorUnitController.named(core.problem());
            if (successors != null) {
                // An officer of a successor of a split unit: household-service answers nothing until it is recorded.
                model.addAttribute("id", id);
                model.addAttribute("formerUnit", SuccessorUnitController.formerUnit(core.problem()));
                model.addAttribute("successors", successors);
                model.addAttribute("records", SuccessorUnitController.records(officer));
                return "registry/successor-needed";
            }
            if (!core.ok() && core.problem().kind() != ServiceProblem.Kind.UNAVAILABLE) {
                // Not within the person's units, no such household, or a sign-in to renew: the whole page says so.
                throw core.problem();
            }
            model.addAttribute("id", id);
            model.addAttribute("household", core);
            model.addAttribute("classes", get(classes).map(HouseholdPageController::newestFirst));
            model.addAttribute("decisions", get(decisions));
            model.addAttribute("entitlements", get(entitlements));
            model.addAttribute("year", year);
            model.addAttribute("cards", get(cards));
            model.addAttribute("messages", get(messages));
            model.addAttribute("audit", audited == null ? null : get(audited));
            model.addAttribute("policyNames", get(policyNames));
            model.addAttribute("units", units);
            model.addAttribute("successors", core.ok() ? units.successorsOf(core.value().unitCode(),
                    core.value().unitSince()) : List.of());
            model.addAttribute("records", SuccessorUnitController.records(officer));
        }
        return "household";
    }

    private static Function<UriBuilder, URI> path(String template, String id) {
        return u -> u.path(template).build(id);
    }

    private static <T> Section<T> notForTheRole(Service service) {
        return Section.failed(new ServiceProblem(service, ServiceProblem.Kind.NOT_ALLOWED, 403,
                "not asked: the role cannot read it", List.of(), null));
    }

    private static List<ClassDecision> newestFirst(List<ClassDecision> decisions) {
        return decisions.stream().sorted(Comparator.comparing(ClassDecision::effectiveDate,
                Comparator.nullsLast(Comparator.naturalOrder())).reversed()).toList();
    }

    private static <T> T get(Future<T> future) {
        return Parallel.await(future);
    }
}
