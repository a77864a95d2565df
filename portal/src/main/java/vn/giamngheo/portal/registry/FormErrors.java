package vn.giamngheo.portal.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with one submitted form: each problem with the form field it belongs to (shown beside that field and,
 * linked to it, in the summary at the top), or with no field (shown in the summary only).
 */
public final class FormErrors {

    /**
     * @param field the form field's name as posted ({@code members[1].dateOfBirth}); null for the whole form
     * @param id    the HTML id of that field, which the summary links to
     * @param text  the reason, in Vietnamese where the portal has words for it
     */
    public record Error(String field, String id, String text) {
    }

    private final List<Error> errors = new ArrayList<>();
    private boolean unavailable;

    public void add(String field, String text) {
        // One reason per field: the first one the person has to fix.
        if (field == null || !has(field)) {
            errors.add(new Error(field, field == null ? null : Forms.id(field), text));
        }
    }

    /** The service did not answer: the page says so with 503 rather than 400. */
    public void unavailable() {
        unavailable = true;
    }

    /** The status of a form shown again with its errors. */
    public int status() {
        return unavailable ? 503 : 400;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Error> all() {
        return List.copyOf(errors);
    }

    public boolean has(String field) {
        return of(field) != null;
    }

    /** The reason for {@code field}, or null. */
    public String of(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(Error::text).findFirst().orElse(null);
    }
}
