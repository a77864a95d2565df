package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.review.ReviewViews.Evaluation;
import vn.giamngheo.portal.review.ReviewViews.Round;
import vn.giamngheo.portal.review.ReviewViews.RoundView;
import vn.giamngheo.portal.review.ReviewViews.Survey;
import vn.giamngheo.portal.search.HouseholdSearch;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * Surveys in the browser: the round's list to survey (A3) with a search to add any household of the unit, and the
 * survey form of one household (Phiếu B) saved as a draft or marked done, with its class computed live by
 * household-service's evaluate API through {@code /danh-gia} (the same API the service applies when it records).
 */
@Controller
class SurveysController {

    static final int SEARCH_SIZE = 10;
    /** The most member rows the live box binds (household-service's limit for one household). */
    static final int MAX_MEMBERS = 40;

    private final ReviewCalls reviews;
    private final RegistryCalls calls;
    private final HouseholdSearch search;
    private final Units units;
    private final VietnameseFormats vi;

    SurveysController(ReviewCalls reviews, RegistryCalls calls, HouseholdSearch search, Units units,
            VietnameseFormats vi) {
        this.reviews = reviews;
        this.calls = calls;
        this.search = search;
        this.units = units;
        this.vi = vi;
    }

    @GetMapping("/ra-soat/{roundId}/phieu")
    String list(@PathVariable String roundId, @RequestParam(required = false) String q, Model model,
            HttpServletResponse response) {
        RoundView view = reviews.round(roundId);
        model.addAttribute("r", view.round());
        model.addAttribute("unitName", units.name(view.round().unitCode()));
        model.addAttribute("list", reviews.households(roundId));
        model.addAttribute("q", q == null ? "" : q.strip());
        FormErrors errors = new FormErrors();
        model.addAttribute("errors", errors);
        if (q != null) {
            if (q.isBlank() || q.strip().length() > 100) {
                errors.add("q", calls.reasons().text("surveys.error.q"));
                response.setStatus(400);
            } else {
                try {
                    model.addAttribute("found", search.find(q.strip(), view.round().unitCode(), null, "ACTIVE", 0,
                            SEARCH_SIZE));
                } catch (ServiceProblem problem) {
                    calls.explain(problem, field -> "q", errors);
                    response.setStatus(errors.status());
                }
            }
        }
        return "review/surveys";
    }

    @GetMapping("/ra-soat/{roundId}/phieu/{householdId}")
    String form(@PathVariable String roundId, @PathVariable String householdId, Model model) {
        RoundView view = reviews.round(roundId);
        Household household = calls.household(householdId);
        Optional<Survey> survey = reviews.survey(roundId, householdId);
        SurveyForm form = survey.map(s -> SurveyForm.of(s.answers(), household))
                .orElseGet(() -> SurveyForm.forHousehold(household));
        return page(view.round(), household, survey.orElse(null), form, new FormErrors(), model);
    }

    @PostMapping("/ra-soat/{roundId}/phieu/{householdId}")
    String save(@PathVariable String roundId, @PathVariable String householdId,
            @ModelAttribute("form") SurveyForm form, @RequestParam(required = false) String action, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundView view = reviews.round(roundId);
        Household household = calls.household(householdId);
        boolean draft = !"done".equals(action);
        FormErrors errors = new FormErrors();
        Reasons reasons = calls.reasons();
        Map<String, Object> answers = form.toRequestBody(errors, reasons);
        Survey saved = null;
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("householdId", household.id());
            body.put("draft", draft);
            body.putAll(answers);
            saved = calls.send(Service.HOUSEHOLD, HttpMethod.POST, u -> u.path("/api/v1/review-rounds/{id}/surveys")
                    .build(view.round().id()), body, Survey.class, form::formField, errors);
        }
        if (saved == null) {
            response.setStatus(errors.status());
            return page(view.round(), household, reviews.survey(roundId, householdId).orElse(null), form, errors,
                    model);
        }
        redirect.addFlashAttribute("changed", saved.classification() == null
                ? reasons.text("survey.saved.draft", household.headName())
                : reasons.text(draft ? "survey.saved.draftClass" : "survey.saved.done", household.headName(),
                        reasons.text("class." + saved.classification())));
        return "redirect:/ra-soat/" + view.round().id() + "/phieu/" + household.id();
    }

    /**
     * The class the answers typed so far give, for the survey form's live box: the form's fields as JSON (name →
     * value, as the form would post them), checked for shape, sent to household-service's evaluate API with the
     * round's reference date, unit and standard. 200 with the service's evaluation and its words in Vietnamese; 400
     * with what is missing or wrong, by form field.
     */
    @PostMapping("/ra-soat/{roundId}/phieu/{householdId}/danh-gia")
    @ResponseBody
    ResponseEntity<Map<String, Object>> evaluate(@PathVariable String roundId, @PathVariable String householdId,
            @RequestBody Map<String, Object> fields) {
        RegistryCalls.requireId(householdId);
        Round round = reviews.round(roundId).round();
        SurveyForm form = new SurveyForm();
        DataBinder binder = new DataBinder(form);
        binder.setAutoGrowCollectionLimit(MAX_MEMBERS);
        binder.bind(new MutablePropertyValues(fields));
        FormErrors errors = new FormErrors();
        Reasons reasons = calls.reasons();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referenceDate", round.referenceDate());
        body.put("unitCode", round.unitCode());
        body.put("standard", round.standard());
        Map<String, Object> answers = form.toRequestBody(errors, reasons);
        body.putAll(answers);
        Evaluation evaluation = errors.isEmpty() ? calls.send(Service.HOUSEHOLD, HttpMethod.POST,
                u -> u.path("/api/v1/assessments/evaluate").build(), body, Evaluation.class, form::formField, errors)
                : null;
        Map<String, Object> answer = new LinkedHashMap<>();
        if (evaluation == null) {
            answer.put("errors", errors.all().stream().map(e -> Map.of("field", e.field() == null ? "" : e.field(),
                    "text", e.text())).toList());
            return ResponseEntity.status(errors.status()).body(answer);
        }
        answer.put("classification", evaluation.classification());
        answer.put("className", reasons.text("class." + evaluation.classification()));
        answer.put("monthlyIncomePerCapitaVnd", evaluation.monthlyIncomePerCapitaVnd());
        answer.put("income", vi.money(evaluation.monthlyIncomePerCapitaVnd()));
        answer.put("deprivations", evaluation.deprivations() == null ? List.of() : evaluation.deprivations());
        answer.put("explanation", evaluation.explanation() == null ? List.of() : evaluation.explanation());
        answer.put("standard", evaluation.standard());
        return ResponseEntity.ok(answer);
    }

    private String page(Round round, Household household, Survey survey, SurveyForm form, FormErrors errors,
            Model model) {
        model.addAttribute("r", round);
        model.addAttribute("unitName", units.name(round.unitCode()));
        model.addAttribute("h", household);
        model.addAttribute("survey", survey);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "review/survey";
    }
}
