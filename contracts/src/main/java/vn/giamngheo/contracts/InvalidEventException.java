package vn.giamngheo.contracts;

/** An event that cannot be understood: missing or malformed fields. Retrying cannot fix it; it goes to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
