package vn.giamngheo.household.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.household.classification.SurveyAnswers;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.web.ApiException;

/** Review rounds (Decision 24/2021/QĐ-TTg): the only way a household's class changes. */
@RestController
@RequestMapping("/api/v1/review-rounds")
class ReviewController {

    record OpenRoundRequest(
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune-level unit code") String unitCode,
            @NotNull ReviewKind kind,
            @NotNull LocalDate referenceDate,
            String standard,
            Integer postingWorkingDays) {
    }

    record SurveyRequest(
            @NotBlank String householdId,
            @PositiveOrZero(message = "must not be negative") Long annualIncomeVnd,
            @Positive(message = "must be at least 1") Integer memberCount,
            @PositiveOrZero(message = "must not be negative") Long monthlyIncomePerCapitaVnd,
            @Size(max = 20) List<@NotBlank String> deprivedIndicators,
            @Valid SurveyAnswers.Facts facts) {
    }

    record VoteRequest(@NotBlank String householdId, @NotNull @PositiveOrZero Integer agreeing) {
    }

    record MeetingRequest(@NotNull LocalDate date, @NotNull @Positive Integer participants,
            @NotEmpty List<@Valid @NotNull VoteRequest> votes) {
    }

    record PostingRequest(@NotNull LocalDate startDate) {
    }

    record ComplaintRequest(@NotBlank String householdId, @NotBlank @Size(max = 2000) String text,
            @NotNull LocalDate filedOn) {
    }

    enum Outcome { UPHELD, REJECTED }

    record ResolutionRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 2000) String resolution,
            @NotNull LocalDate resolvedOn, @Valid SurveyRequest survey) {
    }

    record DecisionRequest(@NotBlank @Size(max = 60) String number, @NotNull LocalDate date,
            @NotBlank String signerRole, LocalDate effectiveDate) {
    }

    private final ReviewService reviews;
    private final AreaAccess guard;

    ReviewController(ReviewService reviews, AreaAccess guard) {
        this.reviews = reviews;
        this.guard = guard;
    }

    /**
     * The caller must act for the round's unit (404 first when there is no such round). Reads the round only: every
     * survey of a ward's round passes here, and reading the round's surveys each time made recording them quadratic.
     */
    private void guard(String id) {
        guard.checkUnit(run(() -> reviews.round(id)).unitCode());
    }

    @PostMapping
    ResponseEntity<ReviewService.RoundView> open(@Valid @RequestBody OpenRoundRequest request) {
        guard.checkUnit(request.unitCode());
        ReviewRound round = run(() -> reviews.open(request.unitCode(), request.kind(), request.referenceDate(),
                request.standard(), request.postingWorkingDays()));
        return ResponseEntity.created(URI.create("/api/v1/review-rounds/" + round.id())).body(reviews.view(round.id()));
    }

    @GetMapping("/{id}")
    ReviewService.RoundView get(@PathVariable String id) {
        guard(id);
        return run(() -> reviews.view(id));
    }

    @PostMapping("/{id}/surveys")
    Survey survey(@PathVariable String id, @Valid @RequestBody SurveyRequest request) {
        guard(id);
        return run(() -> reviews.survey(id, request.householdId(),
                SurveyAnswers.income(request.annualIncomeVnd(), request.memberCount(),
                        request.monthlyIncomePerCapitaVnd()),
                SurveyAnswers.evidence(request.deprivedIndicators(), request.facts())));
    }

    /** The Excel survey template of the round, prefilled with the households of its unit. */
    @GetMapping("/{id}/survey-template")
    ResponseEntity<byte[]> template(@PathVariable String id) {
        guard(id);
        byte[] workbook = run(() -> reviews.template(id));
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", "attachment; filename=\"phieu-ra-soat-" + id + ".xlsx\"")
                .body(workbook);
    }

    /** A filled-in template: valid rows become surveys; each invalid row is reported by row and column. */
    @PostMapping(path = "/{id}/survey-upload", consumes = "multipart/form-data")
    ReviewService.UploadReport upload(@PathVariable String id,
            @org.springframework.web.bind.annotation.RequestParam("file")
            org.springframework.web.multipart.MultipartFile file) {
        guard(id);
        return run(() -> {
            try (var in = file.getInputStream()) {
                return reviews.upload(id, in);
            } catch (java.io.IOException e) {
                throw ReviewRuleException.invalid("file", "cannot be read: " + e.getMessage());
            }
        });
    }

    @PostMapping("/{id}/village-meeting")
    ReviewService.RoundView meeting(@PathVariable String id, @Valid @RequestBody MeetingRequest request) {
        guard(id);
        run(() -> reviews.meeting(id, request.date(), request.participants(), request.votes().stream()
                .map(v -> new ReviewService.VoteInput(v.householdId(), v.agreeing())).toList()));
        return reviews.view(id);
    }

    @PostMapping("/{id}/posting")
    ReviewService.RoundView post(@PathVariable String id, @Valid @RequestBody PostingRequest request) {
        guard(id);
        run(() -> reviews.post(id, request.startDate()));
        return reviews.view(id);
    }

    @PostMapping("/{id}/complaints")
    ResponseEntity<Complaint> complain(@PathVariable String id, @Valid @RequestBody ComplaintRequest request) {
        guard(id);
        Complaint complaint = run(() -> reviews.complain(id, request.householdId(), request.text(),
                request.filedOn()));
        return ResponseEntity.status(201).body(complaint);
    }

    @PostMapping("/{id}/complaints/{complaintId}/resolution")
    ReviewService.RoundView resolve(@PathVariable String id, @PathVariable String complaintId,
            @Valid @RequestBody ResolutionRequest request) {
        guard(id);
        SurveyRequest s = request.survey();
        return run(() -> reviews.resolve(id, complaintId, request.outcome() == Outcome.UPHELD, request.resolution(),
                request.resolvedOn(),
                s == null ? null : SurveyAnswers.income(s.annualIncomeVnd(), s.memberCount(),
                        s.monthlyIncomePerCapitaVnd()),
                s == null ? null : SurveyAnswers.evidence(s.deprivedIndicators(), s.facts())));
    }

    @PostMapping("/{id}/decision")
    ReviewService.RoundView decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        guard(id);
        return run(() -> reviews.decide(id, request.number(), request.date(), request.signerRole(),
                request.effectiveDate()));
    }

    private static <T> T run(Supplier<T> step) {
        try {
            return step.get();
        } catch (ReviewRuleException e) {
            throw switch (e.kind()) {
                case INVALID -> ApiException.invalid(e.field(), e.getMessage());
                case CONFLICT -> ApiException.conflict(e.field(), e.getMessage());
                case NOT_FOUND -> ApiException.notFound(e.getMessage().replace(" was not found", ""));
            };
        }
    }
}
