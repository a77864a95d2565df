package vn.giamngheo.contracts;

import java.util.Collection;

/** Checks used by payload constructors so that a malformed event fails on arrival with the field named. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidEventException("field '" + field + "' is missing");
        }
        if (value instanceof String s && s.isBlank()) {
            throw new InvalidEventException("field '" + field + "' is blank");
        }
        return value;
    }

    public static <T extends Collection<?>> T notEmpty(T value, String field) {
        present(value, field);
        if (value.isEmpty()) {
            throw new InvalidEventException("field '" + field + "' is empty");
        }
        return value;
    }

    public static long positive(long value, String field) {
        if (value < 1) {
            throw new InvalidEventException("field '" + field + "' must be at least 1, was " + value);
        }
        return value;
    }
}
