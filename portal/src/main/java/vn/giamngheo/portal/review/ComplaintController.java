package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryViews.Household;
import vn.giamngheo.portal.review.ReviewViews.Complaint;
import vn.giamngheo.portal.review.ReviewViews.RoundView;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceProblem;

/**
 * The re-check of one complaint received during the posting: upheld (the household is surveyed again with the
 * corrected answers, entered with the survey form's fields, and household-service posts the list again for the full
 * period) or rejected (the reason). Either way with the day it was resolved.
 */
@Controller
class ComplaintController {

    static final List<String> OUTCOMES = List.of("UPHELD", "REJECTED");

    private final StepCalls calls;
    private final RegistryCalls registry;

    ComplaintController(StepCalls calls, RegistryCalls registry) {
        this.calls = calls;
        this.registry = registry;
    }

    @GetMapping("/ra-soat/{roundId}/niem-yet/khieu-nai/{complaintId}")
    String form(@PathVariable String roundId, @PathVariable String complaintId, Model model,
            HttpServletResponse response) {
        RoundView round = calls.round(roundId);
        Complaint complaint = complaint(round, complaintId);
        Household household = registry.household(complaint.householdId());
        ReviewViews.Survey survey = calls.get(u -> u.path("/api/v1/review-rounds/{id}/surveys/{h}")
                .build(roundId, complaint.householdId()), ReviewViews.Survey.class);
        return page(round, complaint, household, SurveyForm.of(survey.answers(), household),
                new LinkedMultiValueMap<>(), new FormErrors(), model, response);
    }

    @PostMapping("/ra-soat/{roundId}/niem-yet/khieu-nai/{complaintId}")
    String resolve(@PathVariable String roundId, @PathVariable String complaintId,
            @ModelAttribute("form") SurveyForm form, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundView round = calls.round(roundId);
        Complaint complaint = complaint(round, complaintId);
        Household household = registry.household(complaint.householdId());
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String outcome = values.getFirst("outcome");
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            errors.add("outcome", reasons.text("resolve.error.outcome"));
        }
        String resolution = Forms.text(values.getFirst("resolution"));
        if (resolution == null) {
            errors.add("resolution", reasons.text("resolve.error.resolution"));
        }
        LocalDate resolvedOn = Forms.date("resolvedOn", values.getFirst("resolvedOn"), true, errors, reasons);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("outcome", outcome);
        request.put("resolution", resolution);
        request.put("resolvedOn", resolvedOn);
        if ("UPHELD".equals(outcome)) {
            Map<String, Object> survey = new LinkedHashMap<>();
            survey.put("householdId", complaint.householdId());
            survey.putAll(form.toRequestBody(errors, reasons));
            request.put("survey", survey);
        }
        if (!errors.isEmpty()) {
            return page(round, complaint, household, form, values, errors, model, response);
        }
        RoundView after = calls.send(roundId, "complaints/" + complaintId + "/resolution", request, RoundView.class,
                f -> switch (f) {
                    case "outcome", "resolution", "resolvedOn" -> f;
                    default -> f.startsWith("survey.") ? form.formField("survey.", f) : null;
                }, errors);
        if (after == null) {
            return page(round, complaint, household, form, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", "UPHELD".equals(outcome)
                ? reasons.text("resolve.done.upheld", household.headName(), Forms.show(after.round().postingEndsOn()))
                : reasons.text("resolve.done.rejected", household.headName()));
        return "redirect:/ra-soat/" + roundId + "/niem-yet#khieu-nai";
    }

    /** The round's complaint; not found otherwise (never a path sent on to the service). */
    private static Complaint complaint(RoundView round, String complaintId) {
        return round.complaints().stream().filter(c -> c.id().equals(complaintId)).findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.HOUSEHOLD, ServiceProblem.Kind.NOT_FOUND, 404,
                        "no such complaint", List.of(), null));
    }

    private String page(RoundView round, Complaint complaint, Household household, SurveyForm form,
            MultiValueMap<String, String> values, FormErrors errors, Model model, HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        model.addAttribute("r", round);
        model.addAttribute("complaint", complaint);
        model.addAttribute("h", household);
        model.addAttribute("form", form);
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "review/complaint";
    }
}
