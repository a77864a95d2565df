package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.review.ReviewViews.Board;
import vn.giamngheo.portal.review.ReviewViews.BoardCommune;
import vn.giamngheo.portal.review.ReviewViews.RoundSummary;
import vn.giamngheo.portal.review.ReviewViews.RoundView;
import vn.giamngheo.portal.services.Section;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * The review rounds: a person's communes with their rounds and the form to open one, the province board of the
 * Sở NN&MT, and a round's hub (its stage, dates, counts, the next step, why the chairman may not sign yet).
 */
@Controller
class RoundsController {

    static final List<String> KINDS = List.of("ANNUAL", "MONTHLY");
    static final List<String> BOARD_STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "DECIDED");
    /** The stages of a round in order; a round's state is the stage it is at. */
    static final List<String> STAGES = List.of("OPEN", "VILLAGE_MEETING", "POSTING", "DECIDING", "CLOSED");

    private final ReviewCalls reviews;
    private final RegistryCalls calls;
    private final Units units;

    RoundsController(ReviewCalls reviews, RegistryCalls calls, Units units) {
        this.reviews = reviews;
        this.calls = calls;
        this.units = units;
    }

    /** One commune on the person's page: its rounds, or why they could not be read. */
    record CommuneRounds(Units.Unit unit, Section<List<RoundSummary>> rounds) {
    }

    @GetMapping("/ra-soat")
    String rounds(@RequestParam(required = false) String unitCode, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "ANNUAL");
        form.put("referenceDate", Forms.show(LocalDate.now(VietnameseFormats.VIETNAM)));
        return page(unitCode, form, new FormErrors(), model);
    }

    @PostMapping("/ra-soat")
    String open(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String referenceDate, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Reasons reasons = calls.reasons();
        if (Forms.blank(unitCode)) {
            errors.add("unitCode", reasons.text("form.error.unitCode"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            errors.add("kind", reasons.text("rounds.error.kind"));
        }
        LocalDate day = Forms.date("referenceDate", referenceDate, true, errors, reasons);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("unitCode", unitCode);
        form.put("kind", kind);
        form.put("referenceDate", referenceDate);
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("unitCode", unitCode.strip());
            body.put("kind", kind);
            body.put("referenceDate", day);
            RoundView opened = calls.send(Service.HOUSEHOLD, HttpMethod.POST, u -> u.path("/api/v1/review-rounds")
                    .build(), body, RoundView.class, field -> switch (field) {
                        case "unitCode", "kind", "referenceDate" -> field;
                        default -> null;
                    }, errors);
            if (opened != null) {
                redirect.addFlashAttribute("changed", reasons.text("rounds.opened",
                        reasons.text("round.kind." + opened.round().kind()), units.name(opened.round().unitCode()),
                        Forms.show(opened.round().referenceDate())));
                return "redirect:/ra-soat/" + opened.round().id();
            }
        }
        response.setStatus(errors.status());
        return page(unitCode, form, errors, model);
    }

    private String page(String unitCode, Map<String, String> form, FormErrors errors, Model model) {
        Officer officer = PageModel.current();
        List<Units.Unit> mine = units.of(officer);
        // A person who acts for the whole province sees one commune at a time (the board shows them all).
        List<Units.Unit> shown = officer.actsForEveryUnit()
                ? mine.stream().filter(u -> u.code().equals(unitCode)).toList() : mine;
        List<CommuneRounds> communes = new ArrayList<>();
        for (Units.Unit unit : shown) {
            communes.add(new CommuneRounds(unit, reviews.rounds(unit.code(), null)));
        }
        model.addAttribute("communes", communes);
        model.addAttribute("wholeProvince", officer.actsForEveryUnit());
        model.addAttribute("unitChoices", mine);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("form", form);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("errors", errors);
        return "review/rounds";
    }

    /** The board as of {@code date} (yyyy-MM-dd, as a link carries it; today when absent or not a day). */
    @GetMapping("/ra-soat/tinh")
    String board(@RequestParam(required = false) String status, @RequestParam(required = false) String late,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String date, Model model) {
        String chosenKind = kind != null && KINDS.contains(kind) ? kind : "ANNUAL";
        String asOf = date != null && date.matches("\\d{4}-\\d{2}-\\d{2}") ? date : null;
        String chosenStatus = status != null && BOARD_STATUSES.contains(status) ? status : null;
        boolean onlyLate = "true".equals(late);
        Board board = reviews.board(asOf, chosenKind);
        List<BoardCommune> shown = board.communes().stream()
                .filter(c -> chosenStatus == null || chosenStatus.equals(c.status()))
                .filter(c -> !onlyLate || Boolean.TRUE.equals(c.late())).toList();
        model.addAttribute("board", board);
        model.addAttribute("shown", shown);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("late", onlyLate);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("asOf", asOf);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("statuses", BOARD_STATUSES);
        return "review/board";
    }

    /** A step of the round as the hub shows it. */
    record Step(String key, String link, String state) {
    }

    @GetMapping("/ra-soat/{roundId}")
    String hub(@PathVariable String roundId, Model model) {
        RoundView view = reviews.round(roundId);
        Optional<RoundSummary> summary = reviews.summary(view);
        int at = STAGES.indexOf(view.round().state());
        String base = "/ra-soat/" + view.round().id();
        List<Step> steps = List.of(
                new Step("survey", base + "/phieu", stepState(0, at)),
                new Step("meeting", base + "/hop-thon", stepState(1, at)),
                new Step("posting", base + "/niem-yet", stepState(2, at)),
                new Step("decision", base + "/quyet-dinh", stepState(3, at)));
        model.addAttribute("view", view);
        model.addAttribute("r", view.round());
        model.addAttribute("summary", summary.orElse(null));
        model.addAttribute("steps", steps);
        model.addAttribute("unitName", summary.map(RoundSummary::unitName).orElse(units.name(view.round().unitCode())));
        return "review/hub";
    }

    /** The survey step stays open until the meeting; each later one is done once the round has moved past it. */
    private static String stepState(int step, int at) {
        if (at >= 4 || step < at) {
            return "done";
        }
        return step == at ? "current" : "todo";
    }
}
