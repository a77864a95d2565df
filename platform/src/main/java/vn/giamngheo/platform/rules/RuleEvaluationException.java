package vn.giamngheo.platform.rules;

/** A condition failed while evaluating, e.g. a fact it reads is missing. */
public class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String where, String expression, String problem) {
        super("condition at " + where + " «" + expression + "»: " + problem);
    }
}
