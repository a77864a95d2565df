package vn.giamngheo.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** A request the service refuses, answered as RFC 9457 problem details; nothing has been changed. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> problems;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String detail, List<FieldProblem> problems) {
        this(status, detail, problems, null);
    }

    /** @param retryAfter when the caller may try again (a 429 or a 503), sent as {@code Retry-After}; null for none */
    public ApiException(HttpStatus status, String detail, List<FieldProblem> problems, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.retryAfter = retryAfter;
    }

    /** 400: the request names something that does not hold. */
    public static ApiException invalid(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "The request has " + problems.size() + " invalid field(s)",
                problems);
    }

    /** 404 for a resource that does not exist. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " was not found", List.of());
    }

    /** 403: signed in, allowed the endpoint, but not this record (another unit's household, another department). */
    public static ApiException forbidden(String reason) {
        return new ApiException(HttpStatus.FORBIDDEN, reason, List.of());
    }

    /** 409: valid on its own, but in conflict with what is stored. */
    public static ApiException conflict(String field, String reason) {
        return new ApiException(HttpStatus.CONFLICT, field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
