package vn.giamngheo.household.review;

/** A review step that the process does not allow now, or bad input to it; nothing was changed. */
public class ReviewRuleException extends RuntimeException {

    public enum Kind { INVALID, CONFLICT, NOT_FOUND }

    private final Kind kind;
    private final String field;

    public ReviewRuleException(Kind kind, String field, String reason) {
        super(reason);
        this.kind = kind;
        this.field = field;
    }

    static ReviewRuleException invalid(String field, String reason) {
        return new ReviewRuleException(Kind.INVALID, field, reason);
    }

    static ReviewRuleException conflict(String field, String reason) {
        return new ReviewRuleException(Kind.CONFLICT, field, reason);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
