package vn.giamngheo.household.review;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.household.classification.Evidence;
import vn.giamngheo.household.classification.Income;
import vn.giamngheo.household.classification.SurveyAnswers;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

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

    /**
     * A survey's answers. The facts are checked by {@link #answers}: a draft ({@code draft} true) may leave any answer
     * out, but what it gives must have the right shape.
     */
    record SurveyRequest(
            @NotBlank String householdId,
            @PositiveOrZero(message = "must not be negative") Long annualIncomeVnd,
            @Positive(message = "must be at least 1") Integer memberCount,
            @PositiveOrZero(message = "must not be negative") Long monthlyIncomePerCapitaVnd,
            @Size(max = 20) List<@NotBlank String> deprivedIndicators,
            SurveyAnswers.Facts facts,
            Boolean draft) {

        Survey.Answers recorded() {
            return new Survey.Answers(annualIncomeVnd, memberCount, monthlyIncomePerCapitaVnd, deprivedIndicators,
                    facts);
        }
    }

    /** Answers as the service takes them: income and evidence null while a draft leaves them incomplete. */
    private record Answered(Income income, Evidence evidence, Survey.Answers answers) {
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
    private final Validator validator;
    private final RoundBoard board;
    private final Clock clock;

    ReviewController(ReviewService reviews, AreaAccess guard, Validator validator, RoundBoard board, Clock clock) {
        this.reviews = reviews;
        this.guard = guard;
        this.validator = validator;
        this.board = board;
        this.clock = clock;
    }

    /**
     * The request's answers. Marked done: complete, as before. A draft: each answer optional — an income without its
     * member count, facts partly filled in are kept but not evaluated — while what is given keeps its shape (a negative
     * income, an unknown value, both kinds of income or of deprivations are refused, naming the field).
     */
    private Answered answers(SurveyRequest r, boolean draft, String prefix) {
        boolean factsComplete = true;
        List<FieldProblem> problems = new ArrayList<>();
        if (r.facts() != null) {
            for (ConstraintViolation<SurveyAnswers.Facts> v : validator.validate(r.facts())) {
                boolean missing = v.getConstraintDescriptor().getAnnotation() instanceof NotNull
                        || (v.getInvalidValue() instanceof Collection<?> c && c.isEmpty());
                factsComplete &= !missing;
                if (!draft || !missing) {
                    problems.add(new FieldProblem(prefix + "facts." + v.getPropertyPath(), v.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw ApiException.invalid(problems);
        }
        if (!draft) {
            return new Answered(SurveyAnswers.income(r.annualIncomeVnd(), r.memberCount(),
                    r.monthlyIncomePerCapitaVnd()), SurveyAnswers.evidence(r.deprivedIndicators(), r.facts()),
                    r.recorded());
        }
        boolean incomeGiven = r.monthlyIncomePerCapitaVnd() != null
                || (r.annualIncomeVnd() != null && r.memberCount() != null);
        Income income = incomeGiven ? SurveyAnswers.income(r.annualIncomeVnd(), r.memberCount(),
                r.monthlyIncomePerCapitaVnd()) : null;
        boolean evidenceGiven = r.deprivedIndicators() != null || (r.facts() != null && factsComplete);
        Evidence evidence = evidenceGiven ? SurveyAnswers.evidence(r.deprivedIndicators(), r.facts()) : null;
        return new Answered(income, evidence, r.recorded());
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

    /**
     * A unit's rounds, newest first, each with its stage, counts and deadline; every unit's for those who act for all.
     */
    @GetMapping
    List<RoundBoard.RoundSummary> list(@RequestParam(required = false) String unitCode,
            @RequestParam(required = false) Integer year) {
        if (unitCode != null && !unitCode.matches("\\d{5}")) {
            throw ApiException.invalid("unitCode", "must be a 5-digit commune-level unit code");
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw ApiException.invalid("year", "must be a year from 2000 to 2100");
        }
        if (unitCode == null) {
            guard.checkAllUnits("unitCode");
        } else {
            guard.checkUnit(unitCode);
        }
        return board.list(unitCode, year);
    }

    /**
     * Every commune-level unit in force on {@code date} (today by default) among the caller's, with its latest round of
     * {@code kind} (ANNUAL by default) in that year: not started, in progress, decided, late.
     */
    @GetMapping("/board")
    RoundBoard.Board board(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date, @RequestParam(required = false) ReviewKind kind) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        if (day.getYear() < 2000 || day.getYear() > 2100) {
            throw ApiException.invalid("date", "must be in the years 2000 to 2100");
        }
        return board.board(day, kind == null ? ReviewKind.ANNUAL : kind, guard::mayActFor);
    }

    @GetMapping("/{id}")
    ReviewService.RoundView get(@PathVariable String id) {
        guard(id);
        return run(() -> reviews.view(id));
    }

    /** Records a survey: marked done, or with {@code "draft": true} the answers so far. */
    @PostMapping("/{id}/surveys")
    Survey survey(@PathVariable String id, @Valid @RequestBody SurveyRequest request) {
        guard(id);
        boolean draft = Boolean.TRUE.equals(request.draft());
        Answered a = answers(request, draft, "");
        return run(() -> reviews.survey(id, request.householdId(), a.income(), a.evidence(), a.answers(), draft));
    }

    /** One household's survey in the round, with its answers (to reopen the form); 404 when it has none. */
    @GetMapping("/{id}/surveys/{householdId}")
    Survey surveyOf(@PathVariable String id, @PathVariable String householdId) {
        guard(id);
        return run(() -> reviews.survey(id, householdId));
    }

    /** The list to survey: the poor and near-poor households, those that asked, and any other surveyed. */
    @GetMapping("/{id}/households")
    ReviewService.HouseholdsToSurvey households(@PathVariable String id) {
        guard(id);
        return run(() -> reviews.toSurvey(id));
    }

    /** The Excel survey template of the round, prefilled with its list to survey. */
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
        if (s != null && Boolean.TRUE.equals(s.draft())) {
            throw ApiException.invalid("survey.draft", "the corrected survey of an upheld complaint is final");
        }
        Answered a = s == null ? new Answered(null, null, null) : answers(s, false, "survey.");
        return run(() -> reviews.resolve(id, complaintId, request.outcome() == Outcome.UPHELD, request.resolution(),
                request.resolvedOn(), a.income(), a.evidence(), a.answers()));
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
