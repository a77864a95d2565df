package vn.giamngheo.portal.registry.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryProperties;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;

/**
 * The registry-wide Excel import: download household-service's Vietnamese template (with the person's token), upload
 * it filled in, and see either how many households were registered or every rejected row with its column and reason.
 * household-service registers all of a file's households or none, so a file with a bad row is fixed and uploaded
 * again whole.
 */
@Controller
class ImportController {

    /** One problem of the file as household-service reports it: the sheet's row, its column heading, why. */
    record Problem(int row, String column, String field, String reason) {
    }

    /** household-service's answer to an upload (200), or the same carried in its 422 problem. */
    record Report(int registered, int alreadyRegistered, int rejected, List<Problem> problems) {

        Report {
            problems = problems == null ? List.of() : problems;
        }
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Reasons reasons;
    private final RegistryCalls calls;
    private final RegistryProperties properties;

    private final long maxMegabytes;

    ImportController(ServiceClient services, AccessTokens tokens, Reasons reasons, RegistryCalls calls,
            RegistryProperties properties,
            @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.maxMegabytes = maxFileSize.toMegabytes();
        this.services = services;
        this.tokens = tokens;
        this.reasons = reasons;
        this.calls = calls;
        this.properties = properties;
    }

    @GetMapping("/ho-gia-dinh/nhap-excel")
    String page(@RequestParam(name = TooLargeUpload.TOO_LARGE, required = false) String tooLarge, Model model) {
        FormErrors errors = new FormErrors();
        if (tooLarge != null) {
            errors.add("file", reasons.text("import.error.tooLarge", maxMegabytes));
        }
        model.addAttribute("errors", errors);
        return "registry/import";
    }

    /** The template, from household-service as the person (it may tailor it to their units). */
    @GetMapping("/ho-gia-dinh/nhap-excel/mau")
    ResponseEntity<byte[]> template() {
        return services.download(Service.HOUSEHOLD, u -> u.path("/api/v1/households/import-template").build(),
                tokens.current()).toResponse("mau-nhap-ho.xlsx");
    }

    @PostMapping("/ho-gia-dinh/nhap-excel")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        FormErrors errors = new FormErrors();
        model.addAttribute("errors", errors);
        if (file == null || file.isEmpty()) {
            errors.add("file", reasons.text("import.error.noFile"));
        } else if (!Forms.xlsx(file)) {
            errors.add("file", reasons.text("import.error.notXlsx", file.getOriginalFilename()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return "registry/import";
        }
        String name = file.getOriginalFilename() == null ? "tep.xlsx" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        try {
            Report report = services.upload(Service.HOUSEHOLD, u -> u.path("/api/v1/households/import-upload")
                    .build(), "file", name, file.getBytes(), Report.class, tokens.current(),
                    properties.uploadTimeout());
            redirect.addFlashAttribute("imported", report);
            redirect.addFlashAttribute("importedFile", name);
            return "redirect:/ho-gia-dinh/nhap-excel";
        } catch (ServiceProblem problem) {
            List<Problem> rows = rows(problem);
            if (!rows.isEmpty() && (problem.kind() == ServiceProblem.Kind.REFUSED
                    || problem.kind() == ServiceProblem.Kind.NOT_ALLOWED)) {
                // Rows to fix: nothing was registered; the table says where and why.
                response.setStatus(problem.status());
                model.addAttribute("rejected", rows);
                model.addAttribute("rejectedHouseholds", problem.body().get("rejected") instanceof Number n
                        ? n.intValue() : null);
                model.addAttribute("detail", problem.detail());
                return "registry/import";
            }
            calls.explain(problem, field -> field.equals("file") ? "file" : null, errors);
            response.setStatus(errors.status());
            return "registry/import";
        }
    }

    /**
     * The rows a refusal names: the {@code problems} of household-service's 422 report, or, for a 403 (a unit that is
     * not the person's), its {@code errors} {@code rows[n].field} with "column: reason".
     */
    static List<Problem> rows(ServiceProblem problem) {
        List<Problem> rows = new ArrayList<>();
        if (problem.body().get("problems") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> p && p.get("row") instanceof Number row) {
                    rows.add(new Problem(row.intValue(), text(p.get("column")), text(p.get("field")),
                            text(p.get("reason"))));
                }
            }
            return rows;
        }
        for (ServiceProblem.FieldError e : problem.errors()) {
            RegistryCalls.Indexed at = RegistryCalls.Indexed.of(e.field());
            if (at != null && at.list().equals("rows")) {
                int colon = e.reason().indexOf(": ");
                rows.add(new Problem(at.index(), colon > 0 ? e.reason().substring(0, colon) : "",
                        at.rest(), colon > 0 ? e.reason().substring(colon + 2) : e.reason()));
            }
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
