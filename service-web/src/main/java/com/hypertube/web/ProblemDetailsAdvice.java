package com.hypertube.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The error handling every service inherits: each error leaves as {@code application/problem+json} with a
 * stable {@code type} and the request id. A service subclasses it once, in its {@code web} package, as a
 * {@code @RestControllerAdvice}, and adds handlers for its own exceptions there.
 *
 * <p>A 5xx body never carries an exception message: it may name internals. The log line has the whole
 * story under the same request id.
 */
public abstract class ProblemDetailsAdvice extends ResponseEntityExceptionHandler implements EnvironmentAware {

    static final String UNEXPECTED_DETAIL = "Something went wrong on our side. Quote the request id if you report it.";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private String serviceName = "unknown";

    /** One invalid field of a request body, as listed in a {@code validation-failed} problem. */
    public record FieldProblem(String field, String message) {}

    // Each problem names the service that raised it: behind the gateway, that is otherwise invisible.
    @Override
    public void setEnvironment(Environment environment) {
        serviceName = environment.getProperty("spring.application.name", serviceName);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemTypes.problem(status, ProblemTypes.INTERNAL_ERROR, UNEXPECTED_DETAIL);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
    }

    /**
     * A dependency that is down (the database not answering, or refusing connections) is an outage, not a
     * bug: 503 with {@code Retry-After}, as soon as the connection pool gives up (2 s), and no stack trace.
     */
    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessResourceException.class,
        org.springframework.transaction.CannotCreateTransactionException.class
    })
    public ResponseEntity<Object> handleDependencyDown(Exception ex, WebRequest request) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = ProblemTypes.problem(
                status, ProblemTypes.SERVICE_UNAVAILABLE, "The database is not answering: try again in a few seconds.");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DEPENDENCY_RETRY_AFTER_SECONDS));
        return handleExceptionInternal(new DependencyDown(ex), problem, headers, status, request);
    }

    static final int DEPENDENCY_RETRY_AFTER_SECONDS = 5;

    /** Marks an outage as answered on purpose, so it is logged once as a warning, not as a failure. */
    private static final class DependencyDown extends ErrorResponseException {
        DependencyDown(Exception cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, cause);
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setType(ProblemTypes.VALIDATION_FAILED);
        problem.setDetail("The request has invalid fields: see errors.");
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setDetail("Nothing here: " + ex.getHttpMethod() + " /" + ex.getResourcePath());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            if (ex instanceof ErrorResponse) {
                // Answered on purpose (a cooldown, a service still waiting on peers): no stack trace needed.
                log.warn("{} answered {}: {}", describe(request), status.value(), ex.getMessage());
            } else {
                log.error("{} failed with {}", describe(request), status.value(), ex);
            }
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ProblemTypes.forStatus(status));
            }
            problem.setProperty("service", serviceName);
            problem.setProperty("requestId", RequestId.current());
        }
        return response;
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
