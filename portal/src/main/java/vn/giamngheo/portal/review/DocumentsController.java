package vn.giamngheo.portal.review;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;

/**
 * A round's documents, from household-service as the person (its access rules and audit apply): the minutes, the
 * posting list, the decision, the certificates (all, or one household's) and the lists as Excel, relayed with the
 * service's type and file name. A document that does not exist yet (409: the step has not been taken; 404: a
 * household not on the decision's lists) is a page saying why.
 */
@Controller
class DocumentsController {

    /** The documents the portal relays, and the key of what each needs before it exists. */
    private static final Map<String, String> DOCUMENTS = Map.of("minutes.pdf", "minutes", "posting-list.pdf",
            "postingList", "decision.pdf", "decision", "certificates.pdf", "decision", "lists.xlsx", "decision");

    private final StepCalls calls;

    DocumentsController(StepCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/ra-soat/{roundId}/tai-lieu/{name}")
    Object document(@PathVariable String roundId, @PathVariable String name, Model model,
            HttpServletResponse response) {
        RegistryCalls.requireId(roundId);
        if (!DOCUMENTS.containsKey(name)) {
            throw new ServiceProblem(Service.HOUSEHOLD, ServiceProblem.Kind.NOT_FOUND, 404, "no such document",
                    List.of(), null);
        }
        return relay(roundId, "documents/" + name, DOCUMENTS.get(name), model, response);
    }

    @GetMapping("/ra-soat/{roundId}/tai-lieu/certificates/{householdId}.pdf")
    Object certificate(@PathVariable String roundId, @PathVariable String householdId, Model model,
            HttpServletResponse response) {
        RegistryCalls.requireId(roundId);
        RegistryCalls.requireId(householdId);
        return relay(roundId, "documents/certificates/" + householdId + ".pdf", "certificate", model, response);
    }

    private Object relay(String roundId, String path, String missing, Model model, HttpServletResponse response) {
        try {
            ServiceClient.Download document = calls.download(u -> u.path("/api/v1/review-rounds/{id}/" + path)
                    .build(roundId));
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.contentType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, document.contentDisposition() != null
                            ? document.contentDisposition() : "attachment; filename=\"" + path.substring(
                                    path.lastIndexOf('/') + 1) + "\"")
                    .body(document.content());
        } catch (ServiceProblem problem) {
            boolean notYet = problem.status() == 409 || problem.status() == 404 && missing.equals("certificate");
            if (!notYet) {
                throw problem;
            }
            // The step is not taken yet (409), or the household is not on the decision's lists (404): why.
            response.setStatus(problem.status());
            model.addAttribute("roundId", roundId);
            model.addAttribute("missing", problem.status() == 404 ? "notListed" : missing);
            model.addAttribute("detail", problem.detail());
            return "review/document-missing";
        }
    }
}
