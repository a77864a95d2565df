package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.review.ReviewViews.ToSurvey;
import vn.giamngheo.portal.review.ReviewViews.RoundView;

/**
 * The public posting (niêm yết) of the agreed list: its start date (household-service counts its end in working days
 * with the holiday file), the posted list as a document, and the complaints received during it: recorded here, each
 * resolved on its own page ({@link ComplaintController}).
 */
@Controller
class PostingController {

    private final StepCalls calls;

    PostingController(StepCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/ra-soat/{roundId}/niem-yet")
    String page(@PathVariable String roundId, Model model, HttpServletResponse response) {
        return page(calls.round(roundId), calls.households(roundId), null, new LinkedMultiValueMap<>(),
                new FormErrors(), model, response);
    }

    @PostMapping("/ra-soat/{roundId}/niem-yet")
    String start(@PathVariable String roundId, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundView round = calls.round(roundId);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        LocalDate start = Forms.date("startDate", values.getFirst("startDate"), true, errors, reasons);
        RoundView after = errors.isEmpty() ? calls.send(roundId, "posting", Map.of("startDate", start),
                RoundView.class, f -> f.equals("startDate") ? f : null, errors) : null;
        if (after == null) {
            return page(round, calls.households(roundId), "posting", values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("posting.done", Forms.show(start),
                Forms.show(after.round().postingEndsOn()), after.round().postingWorkingDays()));
        return "redirect:/ra-soat/" + roundId + "/niem-yet";
    }

    @PostMapping("/ra-soat/{roundId}/niem-yet/khieu-nai")
    String complain(@PathVariable String roundId, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundView round = calls.round(roundId);
        ToSurvey list = calls.households(roundId);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String householdId = Forms.text(values.getFirst("householdId"));
        if (householdId == null || StepViews.survey(round, householdId).isEmpty()) {
            errors.add("householdId", reasons.text("complaint.error.household"));
        }
        String text = Forms.text(values.getFirst("text"));
        if (text == null) {
            errors.add("text", reasons.text("complaint.error.text"));
        }
        LocalDate filedOn = Forms.date("filedOn", values.getFirst("filedOn"), true, errors, reasons);
        if (!errors.isEmpty()) {
            return page(round, list, "complaint", values, errors, model, response);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("householdId", householdId);
        request.put("text", text);
        request.put("filedOn", filedOn);
        Object recorded = calls.send(roundId, "complaints", request, Map.class, f -> switch (f) {
            case "householdId", "text", "filedOn" -> f;
            default -> null;
        }, errors);
        if (recorded == null) {
            return page(round, list, "complaint", values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("complaint.done", headName(list, householdId),
                Forms.show(filedOn)));
        return "redirect:/ra-soat/" + roundId + "/niem-yet#khieu-nai";
    }

    static String headName(ToSurvey list, String householdId) {
        return list.households().stream().filter(h -> h.householdId().equals(householdId))
                .map(ReviewViews.ToSurveyHousehold::headName).findFirst().orElse(householdId);
    }

    /** The page; {@code failed} names the form whose errors are shown (posting or complaint), null for none. */
    private String page(RoundView round, ToSurvey list, String failed, MultiValueMap<String, String> values,
            FormErrors errors, Model model, HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        StepCalls.page(round, list, model);
        Map<String, String> heads = new LinkedHashMap<>();
        list.households().forEach(h -> heads.put(h.householdId(), h.headName()));
        model.addAttribute("heads", heads);
        Map<String, String> choices = new LinkedHashMap<>();
        StepViews.rows(round, list).forEach(r -> choices.put(r.householdId(), r.headName() + " — " + r.village()));
        model.addAttribute("choices", choices);
        model.addAttribute("failed", failed);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "review/posting";
    }
}
