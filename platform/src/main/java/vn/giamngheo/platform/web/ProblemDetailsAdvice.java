package vn.giamngheo.platform.web;

import com.mongodb.MongoException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import vn.giamngheo.platform.dependencies.DependencyUnavailableException;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.units.SuccessorChoiceRequiredException;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}), with an {@code errors} list of
 * {@link FieldProblem}s so that a client can show each message next to its field.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** Set on a request answered 503 because of an {@link Unavailable} dependency (the audit filter reads it). */
    public static final String UNAVAILABLE = ProblemDetailsAdvice.class.getName() + ".unavailable";

    private final Duration retryAfter;

    /** @param retryAfter when a caller answered 503 because a dependency is unavailable should try again */
    public ProblemDetailsAdvice(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity<ProblemDetail> answer = problem(e.status(), e.getMessage(), e.problems());
        return e.retryAfter().map(after -> ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(after))).body(answer.getBody()))
                .orElse(answer);
    }

    private static long seconds(Duration after) {
        return Math.max(1, (after.toMillis() + 999) / 1000);
    }

    /** 422: the household's successor after a split has to be recorded first; the choices are named. */
    @ExceptionHandler(SuccessorChoiceRequiredException.class)
    ResponseEntity<ProblemDetail> successorChoice(SuccessorChoiceRequiredException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(),
                List.of(new FieldProblem("successorUnitCode", "one of " + e.split().choices())));
        answer.getBody().setProperty("successors", e.split().successorCodes());
        return answer;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldProblem(e.getName(), "'" + e.getValue() + "' is not a valid " + expected)));
    }

    /** MongoDB's and Kafka's clients' failures; those that mean "not available now" are a 503, the rest a 500. */
    @ExceptionHandler({MongoException.class, KafkaException.class, DependencyUnavailableException.class})
    ResponseEntity<ProblemDetail> dependency(Exception e, HttpServletRequest request) {
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        Optional<Unavailable> unavailable = Unavailable.of(e);
        if (unavailable.isPresent()) {
            return unavailable(unavailable.get(), request);
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; nothing was changed", List.of());
    }

    /**
     * 503 with {@code Retry-After}: the request was fine, a dependency did not answer within its bound. Each write of
     * the platform is one atomic single-document operation, guarded by a version or an idempotent id (design §4), so
     * the same request can be sent again once the dependency is back.
     */
    private ResponseEntity<ProblemDetail> unavailable(Unavailable unavailable, HttpServletRequest request) {
        log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), unavailable.summary());
        request.setAttribute(UNAVAILABLE, unavailable);
        long seconds = seconds(retryAfter);
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, unavailable.dependency()
                + " did not answer in time; the request was not completed. Try again in " + seconds + " s.", List.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(answer.getBody());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return widen(invalid(problems));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> problems.add(new FieldProblem(
                    name == null ? "(parameter)" : name, error.getDefaultMessage())));
        });
        return widen(invalid(problems));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return widen(invalid(List.of(new FieldProblem(e.getRequestPartName(), "is required"))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return widen(invalid(List.of(new FieldProblem(e.getParameterName(), "is required"))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return widen(invalid(List.of(unreadable(e))));
    }

    static FieldProblem unreadable(HttpMessageNotReadableException e) {
        JacksonException jackson = null;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                jackson = j;
                break;
            }
        }
        if (jackson == null) {
            return new FieldProblem("(body)", "missing or not readable as JSON");
        }
        if (jackson instanceof PlainText.UnacceptableTextException text) {
            return new FieldProblem(path(text, null), text.reason());
        }
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown, unknown.getPropertyName()), "is not a known field");
        }
        if (jackson instanceof InputCoercionException overflow) {
            return outOfRange(overflow);
        }
        if (jackson instanceof StreamReadException malformed) {
            var location = malformed.getLocation();
            return new FieldProblem("(body)", "malformed JSON" + (location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr()));
        }
        if (jackson instanceof InvalidFormatException format) {
            return new FieldProblem(path(format, null), "'" + format.getValue() + "' is not a valid "
                    + simpleName(format.getTargetType()));
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            return new FieldProblem(path(mismatch, null), "expected " + simpleName(mismatch.getTargetType()));
        }
        Throwable root = e.getMostSpecificCause();
        return new FieldProblem(path(jackson, null), root == jackson ? jackson.getOriginalMessage()
                : "not valid: " + root.getMessage());
    }

    private static final Pattern NUMERIC_VALUE = Pattern.compile("^Numeric value \\((.{1,60}?)\\) out of range");

    /**
     * A number the parser read but that does not fit the field ({@code 1e30} or {@code 99999999999999999999} for a
     * {@code long}): Jackson reports it as a stream error, yet the JSON is well formed and the client needs the field.
     */
    private static FieldProblem outOfRange(InputCoercionException e) {
        String field = path(e, null);
        if (field.equals("(body)") && e.processor() instanceof JsonParser parser
                && parser.streamReadContext().currentName() != null) {
            field = parser.streamReadContext().currentName();
        }
        Matcher literal = NUMERIC_VALUE.matcher(String.valueOf(e.getOriginalMessage()));
        Class<?> target = e.getTargetType();
        String range = target == long.class || target == Long.class ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : target == int.class || target == Integer.class ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : target == short.class || target == Short.class ? Short.MIN_VALUE + " to " + Short.MAX_VALUE
                : target == byte.class || target == Byte.class ? Byte.MIN_VALUE + " to " + Byte.MAX_VALUE : null;
        return new FieldProblem(field, (literal.find() ? literal.group(1) : "the number") + " is out of range for a "
                + "whole number" + (range == null ? "" : " (" + range + ")"));
    }

    private static String path(JacksonException e, @Nullable String last) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (last != null && !path.toString().endsWith(last)) {
            path.append(path.isEmpty() ? "" : ".").append(last);
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String simpleName(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value (one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()) + ")";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant" -> "timestamp (RFC 3339)";
            case "long", "Long", "int", "Integer" -> "whole number";
            case "List" -> "array";
            default -> type.getSimpleName();
        };
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1
                ? problems.getFirst().field() + ": " + problems.getFirst().reason()
                : "The request has " + problems.size() + " invalid fields";
        return problem(HttpStatus.BAD_REQUEST, detail, problems);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (!problems.isEmpty()) {
            body.setProperty("errors", problems);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
