package com.hypertube.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class ProblemDetailsAdviceTest {

    @RestController
    static class FailingController {
        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail: db password is hunter2");
        }

        @GetMapping("/gone")
        String gone() {
            var problem = ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.of("no-peers"), "No peers for it.");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }

        @PostMapping("/things")
        String create(@Valid @RequestBody Thing thing) {
            return thing.name();
        }
    }

    record Thing(@NotBlank String name) {}

    @RestControllerAdvice
    static class Advice extends ProblemDetailsAdvice {}

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new Advice())
            .addFilters(new RequestIdFilter())
            .build();

    @Test
    void unexpectedErrorIsAProblemWithoutTheExceptionMessage() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:internal-error"))
                .andExpect(jsonPath("$.detail").value(ProblemDetailsAdvice.UNEXPECTED_DETAIL))
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    @Test
    void serviceProblemKeepsItsTypeAndGetsTheCallersRequestId() throws Exception {
        mvc.perform(get("/gone").header(RequestId.HEADER, "abc-123"))
                .andExpect(status().isNotFound())
                .andExpect(header().string(RequestId.HEADER, "abc-123"))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:no-peers"))
                .andExpect(jsonPath("$.requestId").value("abc-123"));
    }

    @Test
    void unsafeRequestIdFromTheCallerIsReplaced() throws Exception {
        mvc.perform(get("/gone").header(RequestId.HEADER, "evil\nSet-Cookie: x=1"))
                .andExpect(header().string(RequestId.HEADER, hasLength(36)))
                .andExpect(jsonPath("$.requestId").value(hasLength(36)));
    }

    @Test
    void invalidBodyListsTheFieldErrors() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void malformedBodyIsABadRequestProblem() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:bad-request"));
    }

    @Test
    void unknownPathIsANotFoundProblem() throws Exception {
        mvc.perform(get("/no/such/thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:not-found"));
    }

    @Test
    void unsupportedMethodHasItsOwnType() throws Exception {
        mvc.perform(post("/boom"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:method-not-allowed"));
    }
}
