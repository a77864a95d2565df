package vn.giamngheo.household.documents;

import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.giamngheo.household.classification.AssessmentService;
import vn.giamngheo.household.classification.PovertyStandard;
import vn.giamngheo.platform.web.ApiException;

/**
 * The document templates: the built-in ones in the jar (version 0, in force from 2021-01-01) and the versions an
 * administrator stored, each in force from its own day. A document dated D is made with the version in force on D:
 * the latest {@code effectiveFrom} on or before D, and of those the latest version.
 */
@Service
public class DocumentTemplates {

    /** The built-in templates' day: the 2022–2025 review process (Decision 24/2021/QĐ-TTg) dates from 2021. */
    static final LocalDate BUILT_IN_FROM = LocalDate.of(2021, 1, 1);
    static final int MAX_LENGTH = 100_000;
    private static final Pattern PARSE_LINE = Pattern.compile("@ line (\\d+)");

    /**
     * One version of a template.
     *
     * @param updatedBy who stored it (the token's subject); null for a built-in one
     */
    public record Version(DocumentKind kind, int version, LocalDate effectiveFrom, String content, Instant updatedAt,
            String updatedBy, boolean builtIn) {
    }

    private final DocumentTemplateStore store;
    private final Clock clock;
    private final AssessmentService assessments;
    private final Map<DocumentKind, Version> builtIn = new EnumMap<>(DocumentKind.class);

    DocumentTemplates(DocumentTemplateStore store, Clock clock, AssessmentService assessments) {
        this.store = store;
        this.clock = clock;
        this.assessments = assessments;
        for (DocumentKind kind : DocumentKind.values()) {
            Version v = new Version(kind, 0, BUILT_IN_FROM, resource(kind), Instant.EPOCH, null, true);
            // A built-in template that fails its own checks is a build mistake: stop at start-up.
            validate(kind, v.content());
            builtIn.put(kind, v);
        }
    }

    static String resource(DocumentKind kind) {
        try (InputStream in = DocumentTemplates.class.getResourceAsStream("/documents/" + kind.code() + ".mustache")) {
            if (in == null) {
                throw new IllegalStateException("documents/" + kind.code() + ".mustache is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every version of every kind, by kind, oldest first. */
    public List<Version> all() {
        List<Version> all = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            all.addAll(versions(kind));
        }
        return all;
    }

    List<Version> versions(DocumentKind kind) {
        List<Version> versions = new ArrayList<>();
        versions.add(builtIn.get(kind));
        versions.addAll(store.versions(kind));
        return versions;
    }

    /** The latest version stored, the one an administrator edits next. */
    public Version latest(DocumentKind kind) {
        return versions(kind).getLast();
    }

    /** The version a document dated {@code date} is made with. */
    public Version inForceOn(DocumentKind kind, LocalDate date) {
        return versions(kind).stream().filter(v -> !v.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(Version::effectiveFrom).thenComparing(Version::version))
                .orElse(builtIn.get(kind));
    }

    /** Stores a new version after checking it: 400 naming {@code content} (with the line) or {@code effectiveFrom}. */
    public Version save(DocumentKind kind, String content, LocalDate effectiveFrom, String by) {
        if (effectiveFrom == null) {
            throw ApiException.invalid("effectiveFrom", "is required: the first day documents are made with it");
        }
        if (effectiveFrom.isBefore(BUILT_IN_FROM)) {
            throw ApiException.invalid("effectiveFrom", "must be " + BUILT_IN_FROM + " or later");
        }
        validate(kind, content);
        Version v = new Version(kind, latest(kind).version() + 1, effectiveFrom, content, clock.instant(), by, false);
        store.insert(v);
        return v;
    }

    /**
     * A template is refused, naming {@code content} and the line, when it is not valid Mustache (a section or a tag
     * left open), uses a placeholder the document does not have or prints one unescaped, lacks the national heading or
     * the issuing body, or does not make well-formed XHTML (checked on the template and on its output for a sample
     * round).
     */
    void validate(DocumentKind kind, String content) {
        check(kind, content, assessments.standard(null, SampleRound.STANDARD_DATE));
    }

    /** {@link #validate} with the standard the sample round applies. */
    static void check(DocumentKind kind, String content, PovertyStandard sampleStandard) {
        if (content == null || content.isBlank()) {
            throw ApiException.invalid("content", "is required");
        }
        if (content.length() > MAX_LENGTH) {
            throw ApiException.invalid("content", "is longer than " + MAX_LENGTH + " characters");
        }
        checkTags(content);
        for (String required : DocumentKind.REQUIRED) {
            if (!Pattern.compile("\\{\\{\\s*" + required + "\\s*}}").matcher(content).find()) {
                throw ApiException.invalid("content", "lacks {{" + required + "}}: every document carries the "
                        + "national heading (Quốc hiệu, tiêu ngữ) and the issuing body");
            }
        }
        try {
            PdfRenderer.parse(content);
        } catch (SAXParseException e) {
            throw ApiException.invalid("content", "line " + e.getLineNumber() + ": not well-formed XHTML: "
                    + e.getMessage());
        } catch (SAXException e) {
            throw ApiException.invalid("content", "not well-formed XHTML: " + e.getMessage());
        }
        String filled;
        try {
            filled = PdfRenderer.fill(content, DocumentModels.model(kind, SampleRound.papers(sampleStandard, kind)));
        } catch (MustacheException.Context e) {
            throw ApiException.invalid("content", "line " + e.lineNo + ": unknown placeholder {{" + e.key
                    + "}} (the placeholders are listed with the template)");
        } catch (MustacheParseException e) {
            Matcher line = PARSE_LINE.matcher(e.getMessage());
            throw ApiException.invalid("content", (line.find() ? "line " + line.group(1) + ": " : "")
                    + "not valid Mustache: " + e.getMessage().replaceAll("\\s*@ line \\d+", ""));
        } catch (MustacheException e) {
            throw ApiException.invalid("content", "not valid Mustache: " + e.getMessage());
        }
        try {
            PdfRenderer.parse(filled);
        } catch (SAXException e) {
            throw ApiException.invalid("content", "filled in for a sample round, it is not well-formed XHTML"
                    + (e instanceof SAXParseException p ? " (line " + p.getLineNumber() + " of the output)" : "")
                    + ": " + e.getMessage());
        }
    }

    /** Every {@code {{} closed before the next one opens; no unescaped value ({@code {{{x}}}}, {@code {{&x}}}). */
    private static void checkTags(String content) {
        int from = 0;
        while (true) {
            int open = content.indexOf("{{", from);
            if (open < 0) {
                return;
            }
            int close = content.indexOf("}}", open + 2);
            int next = content.indexOf("{{", open + 2);
            int line = line(content, open);
            if (close < 0 || (next >= 0 && next < close && !content.startsWith("{{{", open))) {
                throw ApiException.invalid("content", "line " + line + ": a Mustache tag '{{' is not closed with '}}'");
            }
            if (content.startsWith("{{{", open) || content.substring(open + 2, close).strip().startsWith("&")) {
                throw ApiException.invalid("content", "line " + line + ": unescaped values ({{{…}}}, {{&…}}) are not "
                        + "allowed: a name must never become markup");
            }
            from = close + 2;
        }
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
