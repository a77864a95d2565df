package vn.giamngheo.household.documents;

import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.household.spreadsheet.Workbooks;
import vn.giamngheo.platform.security.AreaAccess;

/** A review round's legal papers as PDF (and its lists as Excel): for those who may read the round, 409 until due. */
@RestController
@RequestMapping("/api/v1/review-rounds/{id}/documents")
class ReviewDocumentController {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final ReviewDocuments documents;
    private final AreaAccess guard;

    ReviewDocumentController(ReviewDocuments documents, AreaAccess guard) {
        this.documents = documents;
        this.guard = guard;
    }

    @GetMapping("/minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable String id) {
        return download(id, PDF, documents::minutes);
    }

    @GetMapping("/posting-list.pdf")
    ResponseEntity<byte[]> postingList(@PathVariable String id) {
        return download(id, PDF, documents::postingList);
    }

    @GetMapping("/decision.pdf")
    ResponseEntity<byte[]> decision(@PathVariable String id) {
        return download(id, PDF, documents::decision);
    }

    @GetMapping("/certificates.pdf")
    ResponseEntity<byte[]> certificates(@PathVariable String id) {
        return download(id, PDF, documents::certificates);
    }

    @GetMapping("/certificates/{householdId}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String id, @PathVariable String householdId) {
        return download(id, PDF, round -> documents.certificate(round, householdId));
    }

    @GetMapping("/lists.xlsx")
    ResponseEntity<byte[]> lists(@PathVariable String id) {
        return download(id, MediaType.parseMediaType(Workbooks.XLSX_MEDIA_TYPE), documents::lists);
    }

    /** The caller must act for the round's unit (404 first when there is no such round), as for the round itself. */
    private ResponseEntity<byte[]> download(String id, MediaType type, Function<String, ReviewDocuments.File> make) {
        guard.checkUnit(documents.round(id).unitCode());
        ReviewDocuments.File file = make.apply(id);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename())
                        .build().toString())
                .body(file.content());
    }
}
