package com.hypertube.auth.apiclient;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.auth.audit.AuditEvent;
import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.session.Throttle;
import com.hypertube.auth.support.SliceCallers;
import com.hypertube.auth.token.AccessToken;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.web.ServiceWebAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
 * The token endpoint and the API client registry in a web slice: every refusal is a problem that also speaks
 * OAuth ({@code error}), and no token is signed for it; a locked address is not even checked; a client gets a
 * token with the scopes it may have, never stored by a cache. Only a signed-in user registers or revokes a
 * client.
 */
@WebMvcTest(controllers = TokenEndpoint.class)
@ImportAutoConfiguration(ServiceWebAutoConfiguration.class)
class TokenEndpointTest {

    private static final UUID ME = UUID.randomUUID();
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString("htc_1:secret".getBytes(StandardCharsets.UTF_8));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccessTokens tokens;

    @MockitoBean
    ApiClients clients;

    @MockitoBean
    ServiceClients services;

    @MockitoBean(name = "addressThrottle")
    Throttle throttle;

    @MockitoBean
    AuditLog audit;

    @BeforeEach
    void callers() {
        SliceCallers.recognise(tokens, ME);
    }

    @Test
    void anotherGrantIsRefusedTheOAuthWayBeforeAnyClientIsChecked() throws Exception {
        mvc.perform(token(BASIC).formField("grant_type", "password"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:oauth-unsupported-grant-type"))
                .andExpect(jsonPath("$.error").value("unsupported_grant_type"));
        verifyNoInteractions(clients, services, throttle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic !!!", "Basic bm8tY29sb24="})
    void credentialsThatCannotBeReadAreAnInvalidClient(String authorization) throws Exception {
        MockHttpServletRequestBuilder request = token(null).formField("grant_type", "client_credentials");
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"hypertube\""))
                .andExpect(jsonPath("$.error").value("invalid_client"));
        verifyNoInteractions(clients, services);
    }

    @Test
    void aWrongSecretCountsAgainstTheAddressAndALockedAddressIsNotChecked() throws Exception {
        mvc.perform(token(BASIC).formField("grant_type", "client_credentials"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:oauth-invalid-client"));
        verify(throttle).failed("token:ip:127.0.0.1");

        when(throttle.retryAfter("token:ip:127.0.0.1")).thenReturn(Optional.of(Duration.ofSeconds(4)));
        mvc.perform(token(BASIC).formField("grant_type", "client_credentials"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "4"));
        verify(clients).authenticate("htc_1", "secret"); // the first request only
        verify(tokens, never()).forClient(anyString(), any());
    }

    @Test
    void aScopeBeyondTheClientsIsRefusedAndNoTokenSigned() throws Exception {
        when(clients.authenticate("htc_1", "secret")).thenReturn(Optional.of(Set.of("read")));

        mvc.perform(token(BASIC).formField("grant_type", "client_credentials").formField("scope", "read user"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_scope"));
        verify(tokens, never()).forClient(anyString(), any());
    }

    @Test
    void aClientGetsABearerTokenWithItsScopesThatNoCacheKeeps() throws Exception {
        when(clients.authenticate("htc_1", "secret")).thenReturn(Optional.of(Set.of("read")));
        when(tokens.forClient("htc_1", Set.of("read"))).thenReturn(new AccessToken("signed.jwt", 900));

        mvc.perform(token(null)
                        .formField("grant_type", "client_credentials")
                        .formField("client_id", "htc_1")
                        .formField("client_secret", "secret"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.access_token").value("signed.jwt"))
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(900))
                .andExpect(jsonPath("$.scope").value("read"));
    }

    @Test
    void onlyASignedInUserRegistersOrRevokesAClient() throws Exception {
        mvc.perform(register("{\"name\":\"my script\"}")).andExpect(status().isUnauthorized());
        mvc.perform(register("{\"name\":\"my script\"}").header("Authorization", SliceCallers.API_CLIENT))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/users/me/api-clients/htc_1").header("Authorization", SliceCallers.API_CLIENT))
                .andExpect(status().isForbidden());
        verifyNoInteractions(clients, audit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\":\"\"}", "{\"name\":\"line\\nbreak\"}"})
    void aBadClientNameIsAValidationProblemAndRegistersNothing(String body) throws Exception {
        mvc.perform(register(body).header("Authorization", SliceCallers.USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        verifyNoInteractions(clients, audit);
    }

    @Test
    void aNewClientsSecretIsShownOnceAndAnUnknownClientCannotBeRevoked() throws Exception {
        when(clients.create(ME, "my script"))
                .thenReturn(new ApiClientCreated("htc_2", "shown-once", "my script", Set.of("read")));

        mvc.perform(register("{\"name\":\"my script\"}").header("Authorization", SliceCallers.USER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.clientId").value("htc_2"))
                .andExpect(jsonPath("$.clientSecret").value("shown-once"));
        verify(audit).record(eq(AuditEvent.API_CLIENT_CREATED), eq(ME), eq("alice"), any(), eq("htc_2"));

        mvc.perform(delete("/api/users/me/api-clients/htc_9").header("Authorization", SliceCallers.USER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:unknown-api-client"));
        verify(clients).revoke(ME, "htc_9");
    }

    private static MockHttpServletRequestBuilder token(String authorization) {
        MockHttpServletRequestBuilder request = post("/oauth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static MockHttpServletRequestBuilder register(String body) {
        return post("/api/users/me/api-clients")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
