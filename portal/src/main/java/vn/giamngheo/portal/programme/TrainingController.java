package vn.giamngheo.portal.programme;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.programme.ProgrammeViews.Attendee;
import vn.giamngheo.portal.programme.ProgrammeViews.Course;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * Officers' training records (reporting-service's training courses, the numerator of "officers trained"): the courses
 * of an area and a year with their attendance, and a course recorded or corrected with its attendees, one row each;
 * the service's {@code attendees[k]} is mapped back to the row it came from.
 */
@Controller
class TrainingController {

    static final String BASE = "/chuong-trinh/tap-huan";
    /** Attendee rows on a new form; an edited course gets its attendees and as many empty rows again. */
    static final int ROWS = 8;
    private static final ParameterizedTypeReference<List<Course>> COURSES = new ParameterizedTypeReference<>() { };

    private final ProgrammeCalls calls;
    private final Units units;

    TrainingController(ProgrammeCalls calls, Units units) {
        this.calls = calls;
        this.units = units;
    }

    @GetMapping(BASE)
    String courses(@RequestParam(name = "dvhc", required = false) String area,
            @RequestParam(name = "nam", required = false) String year, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        Integer y = null;
        if (!Forms.blank(year)) {
            try {
                y = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                errors.add("nam", calls.reasons().text("programme.error.year", year.strip()));
            }
        }
        String a = Forms.text(area);
        List<Course> courses = List.of();
        if (errors.isEmpty()) {
            Integer shown = y;
            try {
                courses = calls.get(u -> {
                    u.path("/api/v1/training/courses");
                    if (a != null) {
                        u.queryParam("area", a);
                    }
                    if (shown != null) {
                        u.queryParam("year", shown);
                    }
                    return u.build();
                }, COURSES);
            } catch (ServiceProblem problem) {
                if (problem.kind() != ServiceProblem.Kind.REFUSED && problem.kind() != ServiceProblem.Kind.NOT_FOUND) {
                    throw problem;
                }
                errors.add("dvhc", calls.reasons().text("programme.training.unknownArea", a));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("area", area == null ? "" : area);
        model.addAttribute("year", year == null ? "" : year);
        model.addAttribute("courses", courses);
        model.addAttribute("units", units);
        model.addAttribute("edits", ProgrammeCalls.edits(PageModel.current()));
        return "programme/training";
    }

    @GetMapping(BASE + "/moi")
    String newCourse(Model model) {
        ProgrammeCalls.requireEditor();
        return form(null, new LinkedMultiValueMap<>(), new FormErrors(), model, null);
    }

    @PostMapping(BASE + "/moi")
    String create(@RequestParam MultiValueMap<String, String> values, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ProgrammeCalls.requireEditor();
        return save(null, values, model, response, redirect);
    }

    @GetMapping(BASE + "/{id}/sua")
    String edit(@PathVariable String id, Model model) {
        ProgrammeCalls.requireEditor();
        Course course = course(id);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("title", course.title());
        values.add("organiser", course.organiser());
        values.add("startDate", Forms.show(course.startDate()));
        values.add("endDate", Forms.show(course.endDate()));
        for (int i = 0; i < course.attendees().size(); i++) {
            values.add("attendees[" + i + "].officerId", course.attendees().get(i).officerId());
            values.add("attendees[" + i + "].unitCode", course.attendees().get(i).unitCode());
        }
        return form(course, values, new FormErrors(), model, null);
    }

    @PostMapping(BASE + "/{id}/sua")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ProgrammeCalls.requireEditor();
        return save(course(id), values, model, response, redirect);
    }

    private Course course(String id) {
        RegistryCalls.requireId(id);
        List<Course> all = calls.get(u -> u.path("/api/v1/training/courses").build(), COURSES);
        return all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new ServiceProblem(
                vn.giamngheo.portal.services.Service.REPORTING, ServiceProblem.Kind.NOT_FOUND, 404,
                "no course " + id, List.of(), null));
    }

    private String save(Course existing, MultiValueMap<String, String> values, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        LocalDate start = Forms.date("startDate", ProgrammeCalls.first(values, "startDate"), true, errors, calls.reasons());
        LocalDate end = Forms.date("endDate", ProgrammeCalls.first(values, "endDate"), true, errors, calls.reasons());
        List<Attendee> attendees = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        for (int row = 0; row < rows(values, existing); row++) {
            String officer = Forms.text(ProgrammeCalls.first(values, "attendees[" + row + "].officerId"));
            String unit = Forms.text(ProgrammeCalls.first(values, "attendees[" + row + "].unitCode"));
            if (officer != null || unit != null) {
                attendees.add(new Attendee(officer, unit));
                sent.add(row);
            }
        }
        if (!errors.isEmpty()) {
            return form(existing, values, errors, model, response);
        }
        String id = existing != null ? existing.id()
                : "tap-huan-" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", Forms.text(ProgrammeCalls.first(values, "title")));
        body.put("organiser", Forms.text(ProgrammeCalls.first(values, "organiser")));
        body.put("startDate", start);
        body.put("endDate", end);
        body.put("attendees", attendees);
        Course saved = calls.send(HttpMethod.PUT, u -> u.path("/api/v1/training/courses/{id}").build(id), body,
                MediaType.APPLICATION_JSON, Course.class, field -> formField(field, sent), errors);
        if (saved == null) {
            return form(existing, values, errors, model, response);
        }
        redirect.addFlashAttribute("saved", existing == null ? "programme.training.created"
                : "programme.training.updated");
        redirect.addFlashAttribute("savedTitle", saved.title());
        return "redirect:" + BASE + "?nam=" + saved.endDate().getYear();
    }

    /** {@code attendees[k].unitCode} → the k-th row sent; the course's own fields as they are. */
    static String formField(String field, List<Integer> sent) {
        String row = ProgrammeCalls.row(field, "attendees", sent, "officerId");
        if (row != null) {
            return row;
        }
        return switch (field == null ? "" : field) {
            case "title", "organiser", "startDate", "endDate" -> field;
            case "attendees" -> "attendees[0].officerId";
            default -> null;
        };
    }

    private static int rows(MultiValueMap<String, String> values, Course existing) {
        int most = ROWS + (existing == null ? 0 : existing.attendees().size());
        for (String key : values.keySet()) {
            RegistryCalls.Indexed at = RegistryCalls.Indexed.of(key);
            if (at != null && at.list().equals("attendees")) {
                most = Math.max(most, Math.min(at.index() + 1, 200));
            }
        }
        return most;
    }

    private String form(Course existing, MultiValueMap<String, String> values, FormErrors errors, Model model,
            HttpServletResponse response) {
        if (!errors.isEmpty() && response != null) {
            response.setStatus(errors.status());
        }
        model.addAttribute("course", existing);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("organisers", calls.areas(ProgrammeCalls.first(values, "organiser")));
        model.addAttribute("rows", java.util.stream.IntStream.range(0, rows(values, existing)).boxed().toList());
        model.addAttribute("today", Forms.show(LocalDate.now(VietnameseFormats.VIETNAM)));
        return "programme/training-form";
    }
}
