package vn.giamngheo.auth.people;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad people file stops the provider with its problems listed, not with a stack trace to dig them out of. */
class PeopleFileFailureAnalyzer extends AbstractFailureAnalyzer<PeopleFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PeopleFileException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the people file " + cause.location()
                + " (each line above names the line and the person) and start the provider again.", cause);
    }
}
