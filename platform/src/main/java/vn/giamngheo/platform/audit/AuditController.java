package vn.giamngheo.platform.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.web.ApiException;

/**
 * "Who saw or changed this household's data": the service's audit entries about a household or by a person,
 * newest first, optionally only reads or only writes ({@code action=read|write}), in a date range ({@code from}
 * inclusive, {@code to} exclusive), a page at a time ({@code offset}, {@code limit}). Read-only: no endpoint changes
 * the audit.
 */
@RestController
public class AuditController {

    /** Paging deeper than this is narrowed by a date range instead. */
    static final int MAX_OFFSET = 100_000;

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    public List<AuditLog.Entry> find(@RequestParam(required = false) String householdId,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "500") int limit) {
        if (householdId == null && subject == null) {
            throw ApiException.invalid("householdId", "name a household (or a subject) to ask about");
        }
        if (limit < 1 || limit > 5000) {
            throw ApiException.invalid("limit", "must be between 1 and 5000");
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw ApiException.invalid("offset", "must be between 0 and " + MAX_OFFSET);
        }
        return audit.find(householdId, subject, action(action), instant("from", from), instant("to", to), offset,
                limit);
    }

    private static AuditLog.Action action(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "read" -> AuditLog.Action.READ;
            case "write" -> AuditLog.Action.WRITE;
            default -> throw ApiException.invalid("action", "must be read or write; was '" + value + "'");
        };
    }

    private static Instant instant(String field, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an instant like 2026-11-25T00:00:00Z; was '" + value + "'");
        }
    }
}
