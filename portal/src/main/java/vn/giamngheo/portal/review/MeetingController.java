package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.review.ReviewViews.ToSurvey;
import vn.giamngheo.portal.review.StepViews.Row;
import vn.giamngheo.portal.review.ReviewViews.RoundView;

/**
 * The village meeting (họp thôn): its date, how many took part, and the number agreeing for each surveyed household,
 * entered as one table; then each household's result (agreed, or back to the survey) and the minutes (biên bản).
 * Row {@code i} of the table is vote {@code i} of the request, so the service's {@code votes[i].agreeing} is shown in
 * that row.
 */
@Controller
class MeetingController {

    private final StepCalls calls;

    MeetingController(StepCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/ra-soat/{roundId}/hop-thon")
    String page(@PathVariable String roundId, Model model, HttpServletResponse response) {
        return page(calls.round(roundId), calls.households(roundId), new LinkedMultiValueMap<>(), new FormErrors(),
                model, response);
    }

    @PostMapping("/ra-soat/{roundId}/hop-thon")
    String meeting(@PathVariable String roundId, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundView round = calls.round(roundId);
        ToSurvey list = calls.households(roundId);
        Reasons reasons = calls.reasons();
        FormErrors errors = new FormErrors();
        LocalDate date = Forms.date("date", values.getFirst("date"), true, errors, reasons);
        Integer participants = whole("participants", values.getFirst("participants"), 1, errors, reasons);
        List<Row> voting = voting(StepViews.rows(round, list));
        List<Map<String, Object>> votes = new ArrayList<>();
        for (int i = 0; i < voting.size(); i++) {
            Integer agreeing = whole("votes[" + i + "].agreeing", values.getFirst("votes[" + i + "].agreeing"), 0,
                    errors, reasons);
            Map<String, Object> vote = new LinkedHashMap<>();
            vote.put("householdId", voting.get(i).householdId());
            vote.put("agreeing", agreeing);
            votes.add(vote);
        }
        if (voting.isEmpty()) {
            errors.add(null, reasons.text("meeting.error.nothing"));
        }
        if (!errors.isEmpty()) {
            return page(round, list, values, errors, model, response);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("date", date);
        request.put("participants", participants);
        request.put("votes", votes);
        RoundView after = calls.send(roundId, "village-meeting", request, RoundView.class, f -> {
            RegistryCalls.Indexed at = RegistryCalls.Indexed.of(f);
            if (at != null && at.list().equals("votes")) {
                return "votes[" + at.index() + "].agreeing";
            }
            return f.equals("date") || f.equals("participants") ? f : null;
        }, errors);
        if (after == null) {
            return page(round, list, values, errors, model, response);
        }
        long agreed = voting.stream().filter(r -> StepViews.survey(after, r.householdId())
                .filter(s -> "AGREED".equals(s.status())).isPresent()).count();
        redirect.addFlashAttribute("changed", reasons.text("meeting.done", Forms.show(date), agreed,
                voting.size() - agreed));
        return "redirect:/ra-soat/" + roundId + "/hop-thon";
    }

    /** The households still to be voted on: surveyed and marked done, not yet agreed. */
    private static List<Row> voting(List<Row> rows) {
        return rows.stream().filter(r -> "SURVEYED".equals(r.survey().status())).toList();
    }

    private String page(RoundView round, ToSurvey list, MultiValueMap<String, String> values, FormErrors errors,
            Model model, HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(errors.status());
        }
        StepCalls.page(round, list, model);
        List<Row> rows = StepViews.rows(round, list);
        model.addAttribute("voting", voting(rows));
        model.addAttribute("voted", rows.stream().filter(r -> !"SURVEYED".equals(r.survey().status())).toList());
        model.addAttribute("open", List.of("OPEN", "VILLAGE_MEETING").contains(round.round().state()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "review/meeting";
    }

    /** A whole number typed in {@code field}, at least {@code min}; null with its error when blank or not one. */
    static Integer whole(String field, String typed, int min, FormErrors errors, Reasons reasons) {
        if (Forms.blank(typed)) {
            errors.add(field, reasons.text("form.error.numberRequired"));
            return null;
        }
        try {
            int n = Integer.parseInt(typed.strip().replace(".", ""));
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        errors.add(field, reasons.text(min > 0 ? "form.error.positive" : "form.error.notNegative", typed.strip()));
        return null;
    }
}
