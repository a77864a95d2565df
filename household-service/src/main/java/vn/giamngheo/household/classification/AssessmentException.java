package vn.giamngheo.household.classification;

/** The inputs of an assessment do not hold together; names the field and why. */
public class AssessmentException extends RuntimeException {

    private final String field;

    public AssessmentException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
