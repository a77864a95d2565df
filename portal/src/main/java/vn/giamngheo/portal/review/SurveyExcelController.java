package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryProperties;
import vn.giamngheo.portal.registry.imports.TooLargeUpload;
import vn.giamngheo.portal.review.ReviewViews.RoundView;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.units.Units;

/**
 * A round's surveys by Excel: the template prefilled with the list to survey (through the portal, as the person), the
 * upload, and what household-service made of it: how many rows were recorded, unchanged or rejected, and every
 * rejected row with its column and reason. The valid rows are recorded even when others are rejected.
 */
@Controller
class SurveyExcelController {

    /** One rejected row as household-service reports it. */
    record Problem(int row, String column, String reason) {
    }

    record Report(int recorded, int unchanged, int rejected, List<Problem> errors) {

        Report {
            errors = errors == null ? List.of() : errors;
        }
    }

    private final ReviewCalls reviews;
    private final RegistryCalls calls;
    private final ServiceClient services;
    private final AccessTokens tokens;
    private final RegistryProperties properties;
    private final Units units;
    private final long maxMegabytes;

    SurveyExcelController(ReviewCalls reviews, RegistryCalls calls, ServiceClient services, AccessTokens tokens,
            RegistryProperties properties, Units units,
            @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.reviews = reviews;
        this.calls = calls;
        this.services = services;
        this.tokens = tokens;
        this.properties = properties;
        this.units = units;
        this.maxMegabytes = maxFileSize.toMegabytes();
    }

    @GetMapping("/ra-soat/{roundId}/excel")
    String page(@PathVariable String roundId,
            @RequestParam(name = TooLargeUpload.TOO_LARGE, required = false) String tooLarge, Model model) {
        FormErrors errors = new FormErrors();
        if (tooLarge != null) {
            errors.add("file", calls.reasons().text("import.error.tooLarge", maxMegabytes));
        }
        return page(reviews.round(roundId), errors, model);
    }

    @GetMapping("/ra-soat/{roundId}/excel/mau")
    ResponseEntity<byte[]> template(@PathVariable String roundId) {
        return reviews.template(roundId).toResponse("phieu-ra-soat.xlsx");
    }

    @PostMapping("/ra-soat/{roundId}/excel")
    String upload(@PathVariable String roundId, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        RoundView view = reviews.round(roundId);
        FormErrors errors = new FormErrors();
        Reasons reasons = calls.reasons();
        if (file == null || file.isEmpty()) {
            errors.add("file", reasons.text("import.error.noFile"));
        } else if (!Forms.xlsx(file)) {
            errors.add("file", reasons.text("import.error.notXlsx", file.getOriginalFilename()));
        }
        if (errors.isEmpty()) {
            String name = file.getOriginalFilename();
            try {
                Report report = services.upload(Service.HOUSEHOLD, u -> u.path("/api/v1/review-rounds/{id}/survey-upload")
                        .build(view.round().id()), "file", name, file.getBytes(), Report.class, tokens.current(),
                        properties.uploadTimeout());
                redirect.addFlashAttribute("report", new Report(report.recorded(), report.unchanged(),
                        report.rejected(), report.errors().stream().map(p -> new Problem(p.row(), p.column(),
                                reasons.translate(p.reason()))).toList()));
                redirect.addFlashAttribute("fileName", name);
                return "redirect:/ra-soat/" + view.round().id() + "/excel";
            } catch (ServiceProblem problem) {
                calls.explain(problem, field -> "file", errors);
            }
        }
        response.setStatus(errors.status());
        return page(view, errors, model);
    }

    private String page(RoundView view, FormErrors errors, Model model) {
        model.addAttribute("r", view.round());
        model.addAttribute("unitName", units.name(view.round().unitCode()));
        model.addAttribute("errors", errors);
        return "review/excel";
    }
}
