package vn.giamngheo.portal.audit;

import java.time.Instant;
import vn.giamngheo.portal.services.Service;

/**
 * One entry of a service's audit (GET /api/v1/audit): who read or changed what, when, and whether it was allowed.
 *
 * @param subject     the account (the token's sub)
 * @param name        the person's name, when the token carried one
 * @param householdId the household the request was about; null when none
 * @param service     the service that wrote it, as the portal names it ({@link Service}: the key of its name)
 */
public record AuditEntry(String id, Instant at, String service, String subject, String name, String method,
        String path, String householdId, int status) {

    /** As the portal names the service it asked. */
    AuditEntry askedOf(Service asked) {
        return new AuditEntry(id, at, asked.name(), subject, name, method, path, householdId, status);
    }

    public boolean read() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    public String who() {
        return name == null || name.isBlank() || name.equals(subject) ? subject : name + " (" + subject + ")";
    }
}
