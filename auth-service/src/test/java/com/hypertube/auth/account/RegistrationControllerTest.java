package com.hypertube.auth.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.session.Throttle;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.web.ServiceWebAutoConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The sign-up's contract in a web slice: a bad form is a validation problem naming the field, counted against
 * nobody and creating nothing; an address that signed up too often waits (429, Retry-After) before any hash
 * is computed; a sign-up is a 201 with the new user's own profile, and counts against the address.
 */
@WebMvcTest(controllers = RegistrationController.class)
@ImportAutoConfiguration(ServiceWebAutoConfiguration.class)
class RegistrationControllerTest {

    private static final String ADDRESS_KEY = "register:ip:127.0.0.1";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccessTokens tokens;

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    Throttle registrationThrottle;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"email\":\"not-an-address\",\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"L\",\"password\":\"pw\"}",
                "{\"email\":\"a@example.org\",\"username\":\"a\",\"firstName\":\"A\",\"lastName\":\"L\",\"password\":\"pw\"}",
                "{\"email\":\"a@example.org\",\"username\":\"al ice\",\"firstName\":\"A\",\"lastName\":\"L\",\"password\":\"pw\"}",
                "{\"email\":\"a@example.org\",\"username\":\"alice\",\"firstName\":\"\",\"lastName\":\"L\",\"password\":\"pw\"}",
                "{\"email\":\"a@example.org\",\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"L\"}",
                "{\"email\":\"a@example.org\",\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"L\",\"password\":\"pw\",\"preferredLanguage\":\"fra\"}",
            })
    void aBadFormIsAValidationProblemNamingTheFieldAndCreatesNothing(String body) throws Exception {
        mvc.perform(register(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").exists())
                .andExpect(jsonPath("$.errors[0].message").exists());
        verifyNoInteractions(accounts, registrationThrottle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]"})
    void aBodyThatIsNotAFormIsA400Problem(String body) throws Exception {
        mvc.perform(register(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:bad-request"));
        verifyNoInteractions(accounts, registrationThrottle);
    }

    @Test
    void anAddressThatSignedUpTooOftenWaitsBeforeAnyAccountIsMade() throws Exception {
        when(registrationThrottle.retryAfter(ADDRESS_KEY)).thenReturn(Optional.of(Duration.ofMillis(2_100)));

        mvc.perform(register(form("alice")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:too-many-requests"))
                .andExpect(jsonPath("$.retryAfter").value(3));
        verifyNoInteractions(accounts);
    }

    @Test
    void aSignUpIsA201WithTheOwnProfileAndCountsAgainstTheAddress() throws Exception {
        UUID id = UUID.randomUUID();
        when(accounts.register(any(RegisterRequest.class), any(RequestOrigin.class)))
                .thenReturn(new User(
                        id,
                        "alice",
                        "a@example.org",
                        "A",
                        "L",
                        "$2a$hash",
                        "en",
                        Instant.parse("2026-12-01T12:00:00Z"),
                        false));

        mvc.perform(register(form("alice")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/users/" + id))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.email").value("a@example.org"))
                .andExpect(jsonPath("$.hasPassword").value(true))
                .andExpect(jsonPath("$.password").doesNotExist());
        verify(registrationThrottle).failed(ADDRESS_KEY);
        verify(accounts)
                .register(
                        new RegisterRequest("a@example.org", "alice", "A", "L", "correct horse battery", null),
                        new RequestOrigin("127.0.0.1", null));
    }

    @Test
    void aTakenUsernameIsAConflictOnThatField() throws Exception {
        when(accounts.register(any(RegisterRequest.class), any(RequestOrigin.class)))
                .thenThrow(FieldErrors.taken("username"));

        mvc.perform(register(form("alice")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:username-taken"))
                .andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    private static String form(String username) {
        return "{\"email\":\"a@example.org\",\"username\":\"%s\",\"firstName\":\"A\",\"lastName\":\"L\",\"password\":\"correct horse battery\"}"
                .formatted(username);
    }

    private static MockHttpServletRequestBuilder register(String body) {
        return post("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
