package vn.giamngheo.portal.services;

import java.util.List;
import java.util.Map;

/**
 * Why a service did not give what a page asked for, in the few kinds a person can act on. A page shows the whole
 * problem (an error page) when its main content failed, or one section's message when only that section did.
 */
public class ServiceProblem extends RuntimeException {

    public enum Kind {
        /** 401: the person's sign-in is no longer accepted; they sign in again. */
        SIGN_IN_AGAIN,
        /** 403: the person's role or units do not cover this. */
        NOT_ALLOWED,
        /** 404: there is no such thing. */
        NOT_FOUND,
        /** 400/409/422: the request was refused, with the service's reasons (shown beside the fields). */
        REFUSED,
        /** 5xx, a refused connection or no answer in time. */
        UNAVAILABLE
    }

    /** A service's reason about one field of the request, as its problem details name it. */
    public record FieldError(String field, String reason) {
    }

    private final Service service;
    private final Kind kind;
    private final int status;
    private final List<FieldError> errors;
    private Map<?, ?> body = Map.of();

    public ServiceProblem(Service service, Kind kind, int status, String detail, List<FieldError> errors,
            Throwable cause) {
        super(service + " " + kind + " (" + status + "): " + detail, cause);
        this.service = service;
        this.kind = kind;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public Service service() {
        return service;
    }

    public Kind kind() {
        return kind;
    }

    /** The service's HTTP status; 0 when it gave none (down, or no answer in time). */
    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The service's problem details as it sent them (empty when it sent none), for the properties a page shows. */
    public Map<?, ?> body() {
        return body;
    }

    /** The problem details' {@code detail}: the service's reason when it named no field. */
    public String detail() {
        return body.get("detail") instanceof String detail ? detail : null;
    }

    ServiceProblem withBody(Map<?, ?> body) {
        this.body = body == null ? Map.of() : body;
        return this;
    }

    /** The key of this problem's Vietnamese explanation in messages_vi.properties. */
    public String messageKey() {
        return "problem." + kind.name();
    }
}
