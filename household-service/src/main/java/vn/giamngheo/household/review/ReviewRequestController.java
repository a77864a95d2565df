package vn.giamngheo.household.review;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
import vn.giamngheo.platform.security.Role;
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

    /**
     * An online request from the public self-assessment page.
     *
     * @param consent the sender agrees that the commune processes these data for the request (Decree 13/2023 Art. 11)
     */
    record OnlineRequest(
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune-level unit code") String unitCode,
            @NotBlank @Size(max = 100) @OneLine String village,
            @NotBlank @Size(max = 100) @OneLine String headName,
            @NotBlank @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String citizenId,
            @Size(max = 20) @OneLine String phone,
            @NotNull ReviewRequest.Form form,
            @NotNull(message = "must be true: the request is sent only with the consent to process its data")
            @AssertTrue(message = "must be true: the request is sent only with the consent to process its data")
            Boolean consent) {
    }

    /** The household an online request comes from, or {@code rejected: true} with the reason. */
    record VerificationRequest(@Size(max = 100) @OneLine String householdId, Boolean rejected,
            @Size(max = 2000) String reason) {
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
     * From the public page, without a token: 201 with a new receipt; 200 with the same receipt when the same citizen
     * id, unit and form come again the same day. The answer never says whether the citizen id is a registered person's.
     */
    @PostMapping("/online")
    ResponseEntity<ReviewRequests.Receipt> submit(@Valid @RequestBody OnlineRequest request) {
        ReviewRequests.Submission submission = new ReviewRequests.Submission(request.unitCode(), request.village(),
                request.headName(), request.citizenId(), request.phone(), request.form());
        List<FieldProblem> problems = requests.problems(submission);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        ReviewRequests.Submitted submitted = requests.submit(submission);
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(submitted.receipt());
    }

    /**
     * An officer of the request's unit verifies an online request: the household it comes from (then an ordinary open
     * request of that household, received the day it was sent), or {@code rejected: true} with the reason.
     */
    @PostMapping("/{id}/verification")
    ReviewRequests.RequestView verify(@PathVariable String id, @Valid @RequestBody VerificationRequest request,
            HttpServletRequest http) {
        guard(id);
        String officer = Caller.current().subject();
        String officerName = Caller.current().name();
        if (Boolean.TRUE.equals(request.rejected())) {
            if (request.householdId() != null) {
                throw ApiException.invalid("householdId", "a rejected request names no household");
            }
            return run(() -> requests.reject(id, request.reason(), officer, officerName));
        }
        if (request.householdId() == null || request.householdId().isBlank()) {
            throw ApiException.invalid("householdId", "names the household the request comes from (or send "
                    + "rejected: true with the reason)");
        }
        AuditFilter.households(http, households(request.householdId()));
        return run(() -> requests.verify(id, request.householdId(), officer, officerName)).request();
    }

    /** Who sent an online request is for the officers' eyes (those who see names), not another service's. */
    private static ReviewRequests.RequestView forCaller(ReviewRequests.RequestView request) {
        return Caller.current().has(Role.CITY_ADMIN, Role.LABOUR_OFFICER, Role.WARD_OFFICER, Role.COMMUNE_CHAIRMAN)
                ? request : request.withoutSender();
    }

    /**
     * The households a read or a write is about, for the audit: a request's own, and the one suggested for an online
     * request (an online request awaiting verification has none yet).
     */
    private static List<String> households(String... ids) {
        return Stream.of(ids).filter(Objects::nonNull).distinct().toList();
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
        List<ReviewRequests.RequestView> found = requests.list(unitCode, status, overdue, receivedFrom, receivedTo)
                .stream().map(ReviewRequestController::forCaller).toList();
        AuditFilter.households(http, households(found.stream().flatMap(r -> Stream.of(r.householdId(),
                r.suggestedHouseholdId())).toArray(String[]::new)));
        return found;
    }

    @GetMapping("/{id}")
    ReviewRequests.RequestView get(@PathVariable String id, HttpServletRequest http) {
        guard(id);
        ReviewRequests.RequestView request = forCaller(run(() -> requests.view(id)));
        AuditFilter.households(http, households(request.householdId(), request.suggestedHouseholdId()));
        return request;
    }

    /** The chairman's written answer refusing the request, with the reasons (Decision 24/2021 Art. 5 cl. 2). */
    @PostMapping("/{id}/refusal")
    ReviewRequests.RequestView refuse(@PathVariable String id, @Valid @RequestBody RefusalRequest request,
            HttpServletRequest http) {
        ReviewRequest found = guard(id);
        AuditFilter.households(http, households(found.householdId()));
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
