package vn.giamngheo.platform.audit;

import java.util.List;

/**
 * The GET paths of a service that return a person's data (Ant patterns, e.g. {@code /api/v1/households/**}): each
 * read of them is audited. Writes are always audited.
 */
public record AuditedReads(List<String> patterns) {

    public AuditedReads {
        patterns = List.copyOf(patterns);
    }
}
