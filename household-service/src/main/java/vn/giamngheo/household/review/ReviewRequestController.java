package vn.giamngheo.household.review;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.platform.audit.AuditFilter;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;
import vn.giamngheo.platform.web.OneLine;

/**
 * Households' requests for a review (Form 01) or to leave the list (Form 04), recorded at the commune, and the
 * chairman's written refusals; a round's decision answers the others.
 */
@RestController
@RequestMapping("/api/v1/review-requests")
class ReviewRequestController {

    /** @param channel COUNTER (the default: handed in at the commune) or POST */
    record RecordRequest(@NotBlank String householdId, @NotNull ReviewRequest.Form form,
            @NotNull LocalDate receivedOn, ReviewRequest.Channel channel) {
    }

    /** @param number the answer letter's number, when it has one */
    record RefusalRequest(@Size(max = 60) @OneLine String number, @NotNull LocalDate date,
            @NotBlank String signerRole, @NotBlank(message = "a refusal states its reasons") @Size(max = 2000)
            String reasons) {
    }

    private final ReviewRequests requests;
    private final HouseholdRegistry registry;
    private final AreaAccess guard;

    ReviewRequestController(ReviewRequests requests, HouseholdRegistry registry, AreaAccess guard) {
        this.requests = requests;
        this.registry = registry;
        this.guard = guard;
    }

    /** The caller must act for the request's unit (404 first when there is no such request). */
    private ReviewRequest guard(String id) {
        ReviewRequest request = run(() -> requests.request(id));
        guard.checkUnit(request.unitCode());
        return request;
    }

    /** 201 for a new request; 200 with the one recorded before when the same household, form and day come again. */
    @PostMapping
    ResponseEntity<ReviewRequests.RequestView> record(@Valid @RequestBody RecordRequest request) {
        Household household = registry.find(request.householdId()).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "householdId: household " + request.householdId() + " was not found",
                List.of(new FieldProblem("householdId", "no such household"))));
        guard.checkUnit(household.unitCode());
        ReviewRequests.Recorded recorded = run(() -> requests.record(request.householdId(), request.form(),
                request.receivedOn(), request.channel() == null ? ReviewRequest.Channel.COUNTER : request.channel(),
                Caller.current().subject(), Caller.current().name()));
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/review-requests/" + recorded.request().id()))
                .body(recorded.request());
    }

    /**
     * The requests of a unit (every unit: for those who act for all), received in [receivedFrom, receivedTo];
     * {@code overdue=true} keeps those whose answer is late.
     */
    @GetMapping
    List<ReviewRequests.RequestView> list(
            @RequestParam(required = false) @Pattern(regexp = "\\d{5}") String unitCode,
            @RequestParam(required = false) ReviewRequest.Status status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
            HttpServletRequest http) {
        if (unitCode == null) {
            guard.checkAllUnits("unitCode");
        } else {
            guard.checkUnit(unitCode);
        }
        List<ReviewRequests.RequestView> found = requests.list(unitCode, status, overdue, receivedFrom, receivedTo);
        AuditFilter.households(http, found.stream().map(ReviewRequests.RequestView::householdId).distinct().toList());
        return found;
    }

    @GetMapping("/{id}")
    ReviewRequests.RequestView get(@PathVariable String id, HttpServletRequest http) {
        ReviewRequest request = guard(id);
        AuditFilter.households(http, List.of(request.householdId()));
        return run(() -> requests.view(id));
    }

    /** The chairman's written answer refusing the request, with the reasons (Decision 24/2021 Art. 5 cl. 2). */
    @PostMapping("/{id}/refusal")
    ReviewRequests.RequestView refuse(@PathVariable String id, @Valid @RequestBody RefusalRequest request,
            HttpServletRequest http) {
        ReviewRequest found = guard(id);
        AuditFilter.households(http, List.of(found.householdId()));
        return run(() -> requests.refuse(id, request.number(), request.date(), request.signerRole(),
                request.reasons()));
    }

    private static <T> T run(Supplier<T> step) {
        try {
            return step.get();
        } catch (ReviewRuleException e) {
            throw switch (e.kind()) {
                case INVALID -> ApiException.invalid(e.field(), e.getMessage());
                case CONFLICT -> ApiException.conflict(e.field(), e.getMessage());
                case NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, e.field() + ": " + e.getMessage(),
                        List.of(new FieldProblem(e.field(), e.getMessage())));
            };
        }
    }
}
