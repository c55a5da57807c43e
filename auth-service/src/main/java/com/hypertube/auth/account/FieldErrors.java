package com.hypertube.auth.account;

import com.hypertube.web.ProblemDetailsAdvice.FieldProblem;
import com.hypertube.web.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Field errors found after bean validation (a weak password, a taken username), in the same shape as
 * validation failures so the UI shows them next to the field.
 */
public final class FieldErrors {

    private FieldErrors() {}

    public static ErrorResponseException invalid(String field, String message) {
        return build(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, field, message);
    }

    public static ErrorResponseException taken(String field) {
        return build(HttpStatus.CONFLICT, ProblemTypes.of(field + "-taken"), field, "is already taken");
    }

    private static ErrorResponseException build(HttpStatus status, java.net.URI type, String field, String message) {
        ProblemDetail problem = ProblemTypes.problem(status, type, "The request has invalid fields: see errors.");
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return new ErrorResponseException(status, problem, null);
    }
}
