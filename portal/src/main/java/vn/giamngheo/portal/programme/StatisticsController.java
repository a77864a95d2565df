package vn.giamngheo.portal.programme;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.programme.ProgrammeViews.StatisticsRow;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/**
 * The statistics office's households, population and officers per unit and year (the denominators of every rate):
 * the rows of a year, and an upload of the office's file, CSV or Excel. The file goes to reporting-service as it is
 * (text/csv, or the .xlsx itself: the service reads a workbook's first sheet as the CSV, so that its checks and its
 * line numbers are the same for both and the portal needs no spreadsheet library); the service stores every row or
 * none, and each rejected row is listed with its line, column and reason.
 */
@Controller
class StatisticsController {

    static final String BASE = "/chuong-trinh/thong-ke";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ParameterizedTypeReference<List<StatisticsRow>> ROWS = new ParameterizedTypeReference<>() { };
    /** reporting-service's field for a file's problem: "line 3: households", "line 3", "file". */
    private static final Pattern LINE = Pattern.compile("line (\\d+)(?:: (\\w+))?");

    /** One rejected row of a file: the line (the sheet's row), the column as the header names it, why. */
    record Problem(int row, String column, String reason) {
    }

    private final ProgrammeCalls calls;
    private final Units units;

    StatisticsController(ProgrammeCalls calls, Units units) {
        this.calls = calls;
        this.units = units;
    }

    @GetMapping(BASE)
    String page(@RequestParam(name = "nam", required = false) Integer year, Model model) {
        return page(year, new FormErrors(), model);
    }

    private String page(Integer year, FormErrors errors, Model model) {
        List<StatisticsRow> all = calls.get(u -> u.path("/api/v1/statistics").build(), ROWS);
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        all.forEach(r -> years.add(r.year()));
        Integer shown = year != null ? year : years.isEmpty() ? null : years.first();
        model.addAttribute("years", years);
        model.addAttribute("year", shown);
        model.addAttribute("rows", all.stream().filter(r -> shown != null && r.year() == shown).toList());
        model.addAttribute("units", units);
        model.addAttribute("errors", errors);
        model.addAttribute("edits", ProgrammeCalls.edits(PageModel.current()));
        return "programme/statistics";
    }

    /** An empty file with the columns the service reads, for the office to fill in (UTF-8 with a byte-order mark). */
    @GetMapping(BASE + "/mau.csv")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-so-lieu-thong-ke.csv\"")
                .body("\uFEFFyear,unitCode,households,population,officers\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(BASE)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        ProgrammeCalls.requireEditor();
        FormErrors errors = new FormErrors();
        String name = file == null ? null : file.getOriginalFilename();
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (file == null || file.isEmpty()) {
            errors.add("file", calls.reasons().text("programme.statistics.noFile"));
        } else if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
            errors.add("file", calls.reasons().text("programme.statistics.notCsv", name));
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(null, errors, model);
        }
        boolean xlsx = lower.endsWith(".xlsx");
        Object body = xlsx ? file.getBytes() : new String(file.getBytes(), StandardCharsets.UTF_8);
        MediaType type = xlsx ? MediaType.parseMediaType(XLSX) : new MediaType("text", "csv", StandardCharsets.UTF_8);
        model.addAttribute("fileName", name);
        List<Problem> rejected = new ArrayList<>();
        FormErrors refused = new FormErrors();
        Map<?, ?> stored = calls.send(HttpMethod.POST, u -> u.path("/api/v1/statistics").build(), body, type,
                Map.class, field -> {
                    Matcher m = LINE.matcher(field == null ? "" : field);
                    return m.matches() ? "line:" + m.group(1) + ":" + (m.group(2) == null ? "" : m.group(2)) : "file";
                }, refused);
        if (stored != null) {
            redirect.addFlashAttribute("stored", stored.get("stored"));
            redirect.addFlashAttribute("storedFile", name);
            return "redirect:" + BASE;
        }
        for (FormErrors.Error e : refused.all()) {
            if (e.field() != null && e.field().startsWith("line:")) {
                String[] at = e.field().split(":", -1);
                rejected.add(new Problem(Integer.parseInt(at[1]), column(at[2]), e.text()));
            } else {
                errors.add("file", e.text());
            }
        }
        if (refused.status() == 503) {
            errors.unavailable();
        }
        if (!rejected.isEmpty()) {
            rejected.sort(Comparator.comparingInt(Problem::row));
            model.addAttribute("rejected", rejected);
        }
        response.setStatus(errors.isEmpty() ? 400 : errors.status());
        return page(null, errors, model);
    }

    /** A column of the file as the person knows it: "households (số hộ)". */
    private String column(String field) {
        return field.isEmpty() ? "" : field + " (" + calls.reasons().text("programme.statistics.col." + field) + ")";
    }
}
