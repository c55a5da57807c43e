package com.hypertube.web;

import com.hypertube.contract.ProblemTypeUrns;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Stable problem {@code type} URIs, one per kind of error, so clients branch on the type rather than
 * on wording. Services add their own kinds (for example {@code cooldown}) through {@link #of(String)}.
 */
public final class ProblemTypes {

    public static final URI BAD_REQUEST = of("bad-request");
    public static final URI VALIDATION_FAILED = of("validation-failed");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI CONFLICT = of("conflict");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI RANGE_NOT_SATISFIABLE = of("range-not-satisfiable");
    public static final URI TOO_MANY_REQUESTS = of("too-many-requests");
    public static final URI INTERNAL_ERROR = of("internal-error");
    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

    private ProblemTypes() {}

    public static URI of(String kind) {
        return URI.create(ProblemTypeUrns.of(kind));
    }

    /** The type for an error that only has a status, such as those Spring MVC raises itself. */
    public static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }

    /**
     * The exception to throw for a problem of this kind: the service's ProblemDetailsAdvice writes it, with
     * the request id, and with any headers set on it.
     */
    public static ErrorResponseException error(HttpStatusCode status, String kind, String detail) {
        return new ErrorResponseException(status, problem(status, of(kind), detail), null);
    }

    /**
     * A problem that passes: {@code status} (503, 429) with a {@code Retry-After} of {@code retryAfter} rounded up
     * to whole seconds, at least one.
     */
    public static ErrorResponseException retryLater(
            HttpStatusCode status, String kind, String detail, Duration retryAfter) {
        ErrorResponseException error = error(status, kind, detail);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        error.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return error;
    }

    /** Builds a problem of the given kind; the request id is added when the response is written. */
    public static ProblemDetail problem(HttpStatusCode status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }
}
