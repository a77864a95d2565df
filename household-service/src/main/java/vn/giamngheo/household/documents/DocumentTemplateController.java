package vn.giamngheo.household.documents;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.web.ApiException;

/** The document templates: every version listed, one read with its placeholders, a new version stored (administrator). */
@RestController
@RequestMapping("/api/v1/document-templates")
class DocumentTemplateController {

    record Summary(String kind, String title, int version, LocalDate effectiveFrom, Instant updatedAt, String updatedBy,
            boolean builtIn) {
    }

    record Placeholder(String name, String description) {
    }

    record Template(String kind, String title, int version, LocalDate effectiveFrom, Instant updatedAt,
            String updatedBy, boolean builtIn, String content, List<Placeholder> placeholders) {
    }

    record TemplateRequest(String content, LocalDate effectiveFrom) {
    }

    private final DocumentTemplates templates;

    DocumentTemplateController(DocumentTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<Summary> list() {
        return templates.all().stream().map(v -> new Summary(v.kind().code(), v.kind().title(), v.version(),
                v.effectiveFrom(), v.builtIn() ? null : v.updatedAt(), v.updatedBy(), v.builtIn())).toList();
    }

    /** The latest version, or the one asked for. */
    @GetMapping("/{kind}")
    Template get(@PathVariable String kind, @RequestParam(required = false) Integer version) {
        DocumentKind k = kind(kind);
        DocumentTemplates.Version v = version == null ? templates.latest(k) : templates.versions(k).stream()
                .filter(t -> t.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("version " + version + " of the " + kind + " template"));
        return template(v);
    }

    @PutMapping("/{kind}")
    Template put(@PathVariable String kind, @Valid @RequestBody TemplateRequest request) {
        return template(templates.save(kind(kind), request.content(), request.effectiveFrom(),
                Caller.current().subject()));
    }

    private static Template template(DocumentTemplates.Version v) {
        return new Template(v.kind().code(), v.kind().title(), v.version(), v.effectiveFrom(),
                v.builtIn() ? null : v.updatedAt(), v.updatedBy(), v.builtIn(), v.content(),
                v.kind().placeholders().entrySet().stream().map((Map.Entry<String, String> e) ->
                        new Placeholder(e.getKey(), e.getValue())).toList());
    }

    private static DocumentKind kind(String code) {
        return DocumentKind.of(code).orElseThrow(() -> ApiException.notFound("document template " + code
                + " (kinds: minutes, posting-list, decision, certificate)"));
    }
}
