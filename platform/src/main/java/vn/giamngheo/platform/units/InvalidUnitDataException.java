package vn.giamngheo.platform.units;

/** A unit data file is wrong; the service does not start with it. */
public class InvalidUnitDataException extends RuntimeException {

    public InvalidUnitDataException(String message) {
        super(message);
    }

    public InvalidUnitDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
