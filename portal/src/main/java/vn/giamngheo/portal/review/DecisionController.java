package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import vn.giamngheo.portal.registry.FormPage;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.review.ReviewViews.ToSurvey;
import vn.giamngheo.portal.review.StepViews.Row;
import vn.giamngheo.portal.review.ReviewViews.RoundView;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.web.PageModel;

/**
 * The decision (quyết định công nhận): the chairman sees the households by proposed class with the changes from the
 * class in force, why the decision cannot be signed yet (the service's blockers, in Vietnamese), and signs with the
 * decision's number and date through a check page ("Xác nhận ký quyết định"); then the decision's documents. An
 * officer sees the same page without the form: the chairman signs.
 */
@Controller
class DecisionController {

    /** The roles household-service lets sign a decision, and the signer role each sends. */
    private static final Map<String, String> SIGNERS = Map.of("COMMUNE_CHAIRMAN", "COMMUNE_CHAIRMAN",
            "CITY_ADMIN", "CITY_ADMIN");
    private static final List<String> CLASSES = List.of("POOR", "NEAR_POOR", "MIDDLE", "ABOVE");

    private final StepCalls calls;

    DecisionController(StepCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/ra-soat/{roundId}/quyet-dinh")
    String page(@PathVariable String roundId, Model model, HttpServletResponse response) {
        return page(calls.round(roundId), calls.households(roundId), new LinkedMultiValueMap<>(), new FormErrors(),
                model, response);
    }

    @PostMapping("/ra-soat/{roundId}/quyet-dinh")
    String sign(@PathVariable String roundId, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundView round = calls.round(roundId);
        ToSurvey list = calls.households(roundId);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        String signer = signer();
        if (signer == null) {
            errors.add(null, reasons.text("decision.error.notChairman"));
        }
        String number = Forms.text(values.getFirst("number"));
        if (number == null) {
            errors.add("number", reasons.text("decision.error.number"));
        }
        LocalDate date = Forms.date("date", values.getFirst("date"), true, errors, reasons);
        FormPage.Action action = FormPage.Action.of(values.getFirst("action"));
        if (!errors.isEmpty() || action == FormPage.Action.EDIT) {
            return page(round, list, values, errors, model, response);
        }
        if (action == FormPage.Action.CHECK) {
            List<Row> rows = StepViews.rows(round, list);
            List<FormPage.Answer> answers = new java.util.ArrayList<>(List.of(
                    new FormPage.Answer(reasons.text("decision.number"), number),
                    new FormPage.Answer(reasons.text("decision.date"), Forms.show(date)),
                    new FormPage.Answer(reasons.text("decision.signer"), reasons.text("role." + signer))));
            for (String c : CLASSES) {
                long n = rows.stream().filter(r -> c.equals(r.proposed())).count();
                if (n > 0) {
                    answers.add(new FormPage.Answer(reasons.text("class." + c), reasons.text("decision.households.count",
                            n)));
                }
            }
            if (round.decisionTakesEffectOn() != null) {
                answers.add(new FormPage.Answer(reasons.text("decision.effective"),
                        Forms.show(round.decisionTakesEffectOn())));
            }
            model.addAttribute("back", List.of("/ra-soat/" + roundId + "/quyet-dinh", reasons.text("decision.title")));
            return FormPage.check(reasons.text("decision.check"), "/ra-soat/" + roundId + "/quyet-dinh", null,
                    answers, values, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("number", number);
        request.put("date", date);
        request.put("signerRole", signer);
        RoundView after = calls.send(roundId, "decision", request, RoundView.class, f -> switch (f) {
            case "number", "date" -> f;
            default -> null;
        }, errors);
        if (after == null) {
            return page(calls.round(roundId), list, values, errors, model, response);
        }
        redirect.addFlashAttribute("changed", reasons.text("decision.done", number, Forms.show(date)));
        return "redirect:/ra-soat/" + roundId + "/quyet-dinh";
    }

    /** The signer role the person signs as; null when their role may not sign. */
    private static String signer() {
        Officer officer = PageModel.current();
        return officer == null ? null : officer.roles().stream().filter(SIGNERS::containsKey).map(SIGNERS::get)
                .findFirst().orElse(null);
    }

    private String page(RoundView round, ToSurvey list, MultiValueMap<String, String> values, FormErrors errors,
            Model model, HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        StepCalls.page(round, list, model);
        Map<String, List<Row>> byClass = StepViews.rows(round, list).stream().filter(r -> r.proposed() != null)
                .collect(Collectors.groupingBy(Row::proposed, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        CLASSES.stream().filter(byClass::containsKey).forEach(c -> groups.put(c, byClass.get(c)));
        model.addAttribute("groups", groups);
        model.addAttribute("chairman", signer() != null);
        LocalDate lastDay = StepViews.lastDecisionDay(round);
        model.addAttribute("dateHint", lastDay == null ? calls.reasons().text("decision.date.hint")
                : calls.reasons().text("decision.date.hintAnnual", Forms.show(lastDay)));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "review/decision";
    }
}
