package com.hypertube.auth.reset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.session.Throttle;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.web.ProblemTypes;
import com.hypertube.web.ServiceWebAutoConfiguration;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The password reset's contract in a web slice: a bad address or confirmation is a validation problem that
 * sends nothing; a good request is always the same 202 (it never tells whether the address has an account)
 * and counts against the address and the email; too many wait; a failed confirmation counts against the
 * address and passes its problem on.
 */
@WebMvcTest(controllers = PasswordResetController.class)
@ImportAutoConfiguration(ServiceWebAutoConfiguration.class)
class PasswordResetControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccessTokens tokens;

    @MockitoBean
    PasswordResets resets;

    @MockitoBean(name = "accountThrottle")
    Throttle accountThrottle;

    @MockitoBean(name = "addressThrottle")
    Throttle addressThrottle;

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"email\":\"\"}", "{\"email\":\"nobody\"}", "[]"})
    void aBadAddressIsA400AndSendsNothing(String body) throws Exception {
        mvc.perform(json("/api/auth/password-reset", body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").exists());
        verifyNoInteractions(resets, accountThrottle, addressThrottle);
    }

    @Test
    void aRequestIsAlwaysTheSame202AndCountsAgainstAddressAndEmail() throws Exception {
        mvc.perform(json("/api/auth/password-reset", "{\"email\":\"Alice@Example.org\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.message").value(PasswordResetController.ANSWER));
        verify(resets).request(eq("Alice@Example.org"), any(RequestOrigin.class));
        verify(accountThrottle).failed("reset:email:alice@example.org");
        verify(addressThrottle).failed("reset:ip:127.0.0.1");
    }

    @Test
    void tooManyRequestsForOneEmailWaitAndSendNothing() throws Exception {
        when(accountThrottle.retryAfter("reset:email:alice@example.org"))
                .thenReturn(Optional.of(Duration.ofSeconds(60)));

        mvc.perform(json("/api/auth/password-reset", "{\"email\":\"alice@example.org\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));
        verifyNoInteractions(resets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"token\":\"t\"}", "{\"password\":\"p\"}", "{\"token\":\"\",\"password\":\"p\"}"})
    void aBadConfirmationIsAValidationProblemAndChangesNothing(String body) throws Exception {
        mvc.perform(json("/api/auth/password-reset/confirm", body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:validation-failed"));
        verifyNoInteractions(resets, addressThrottle);
    }

    @Test
    void aFailedConfirmationCountsAgainstTheAddressAndAGoodOneIsA204() throws Exception {
        ResetConfirmation stale = new ResetConfirmation("stale", "correct horse battery");
        doThrow(ProblemTypes.error(HttpStatus.BAD_REQUEST, "reset-token-invalid", "This link is invalid."))
                .when(resets)
                .confirm(eq(stale), any(RequestOrigin.class));

        mvc.perform(json(
                        "/api/auth/password-reset/confirm",
                        "{\"token\":\"stale\",\"password\":\"correct horse battery\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:reset-token-invalid"));
        verify(addressThrottle).failed("reset-confirm:ip:127.0.0.1");

        mvc.perform(json(
                        "/api/auth/password-reset/confirm",
                        "{\"token\":\"fresh\",\"password\":\"correct horse battery\"}"))
                .andExpect(status().isNoContent());
        verify(resets).confirm(eq(new ResetConfirmation("fresh", "correct horse battery")), any(RequestOrigin.class));
        verifyNoInteractions(accountThrottle);
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
