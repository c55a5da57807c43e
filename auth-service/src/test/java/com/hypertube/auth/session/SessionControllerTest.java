package com.hypertube.auth.session;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.auth.AuthProperties;
import com.hypertube.auth.account.Accounts;
import com.hypertube.auth.account.Profile;
import com.hypertube.auth.account.User;
import com.hypertube.auth.audit.AuditEvent;
import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.auth.token.RefreshTokens;
import com.hypertube.web.ServiceWebAutoConfiguration;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-in, refresh and sign-out in a web slice: a bad form asks nobody; a locked account waits before its
 * password is looked at; a wrong password is a 401 problem, audited; a good one opens a session; refresh and
 * sign-out refuse a request without the CSRF header before touching a token, and sign-out clears both cookies.
 */
@WebMvcTest(controllers = SessionController.class)
@ImportAutoConfiguration(ServiceWebAutoConfiguration.class)
@Import(SessionCookies.class)
@EnableConfigurationProperties(AuthProperties.class)
class SessionControllerTest {

    private static final User ALICE = new User(
            UUID.randomUUID(),
            "alice",
            "a@example.org",
            "A",
            "L",
            "$2a$hash",
            "en",
            Instant.parse("2026-12-01T12:00:00Z"),
            false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccessTokens tokens;

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    Sessions sessions;

    @MockitoBean
    RefreshTokens refreshTokens;

    @MockitoBean(name = "accountThrottle")
    Throttle accountThrottle;

    @MockitoBean(name = "addressThrottle")
    Throttle addressThrottle;

    @MockitoBean
    AuditLog audit;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"username\":\"alice\"}",
                "{\"username\":\"\",\"password\":\"pw\"}",
                "{\"username\":\"alice\",\"password\":\" \"}",
                "not json",
            })
    void aBadSignInFormIsA400AndAsksNobody(String body) throws Exception {
        mvc.perform(signIn(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").exists());
        verifyNoInteractions(accounts, accountThrottle, addressThrottle, audit, sessions);
    }

    @Test
    void aLockedAccountWaitsBeforeItsPasswordIsLookedAt() throws Exception {
        when(accountThrottle.retryAfter("sign-in:user:alice")).thenReturn(Optional.of(Duration.ofSeconds(8)));

        mvc.perform(signIn(form("Alice", "right")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "8"))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:too-many-requests"));
        verifyNoInteractions(accounts, sessions);
    }

    @Test
    void aWrongPasswordIsA401ProblemCountedAndAudited() throws Exception {
        when(accounts.authenticate("alice", "wrong")).thenReturn(Optional.empty());

        mvc.perform(signIn(form("alice", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:bad-credentials"));
        verify(accountThrottle).failed("sign-in:user:alice");
        verify(addressThrottle).failed("sign-in:ip:127.0.0.1");
        verify(audit).record(eq(AuditEvent.SIGN_IN_FAILED), isNull(), eq("alice"), any(), isNull());
        verifyNoInteractions(sessions);
    }

    @Test
    void aGoodPasswordOpensASession() throws Exception {
        when(accounts.authenticate("alice", "right")).thenReturn(Optional.of(ALICE));
        when(sessions.open(ALICE, HttpStatus.OK))
                .thenReturn(ResponseEntity.ok(new Session("access", "Bearer", 900, Profile.ownOf(ALICE))));

        mvc.perform(signIn(form("alice", "right")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accessToken").value("access"))
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.user.username").value("alice"));
        verify(accountThrottle).succeeded("sign-in:user:alice");
        verify(audit).record(eq(AuditEvent.SIGN_IN), eq(ALICE.id()), eq("alice"), any(), eq("password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/refresh", "/api/auth/logout"})
    void refreshAndSignOutWithoutTheCsrfHeaderTouchNoToken(String path) throws Exception {
        mvc.perform(post(path).cookie(new Cookie(SessionCookies.REFRESH, "refresh-token")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:csrf"));
        verifyNoInteractions(refreshTokens, audit);
    }

    @Test
    void aRefreshWithoutACookieOrWithAReusedOneEndsTheSession() throws Exception {
        UUID family = UUID.randomUUID();
        when(refreshTokens.rotate("stolen")).thenReturn(new RefreshTokens.Rotation.Reused(ALICE.id(), family));

        mvc.perform(post("/api/auth/refresh").header(CsrfCheck.HEADER, "fetch"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:session-expired"));
        verify(refreshTokens, never()).rotate(anyString());

        mvc.perform(post("/api/auth/refresh")
                        .header(CsrfCheck.HEADER, "fetch")
                        .cookie(new Cookie(SessionCookies.REFRESH, "stolen")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:session-expired"));
        verify(audit)
                .record(
                        eq(AuditEvent.REFRESH_TOKEN_REUSED),
                        eq(ALICE.id()),
                        isNull(),
                        any(),
                        eq("family " + family + " revoked"));
        verifyNoInteractions(sessions);
    }

    @Test
    void signOutRevokesTheRefreshTokenAndClearsBothCookies() throws Exception {
        when(refreshTokens.revoke("refresh-token")).thenReturn(Optional.of(ALICE.id()));

        mvc.perform(post("/api/auth/logout")
                        .header(CsrfCheck.HEADER, "fetch")
                        .cookie(new Cookie(SessionCookies.REFRESH, "refresh-token")))
                .andExpect(status().isNoContent())
                .andExpect(header().stringValues(
                                "Set-Cookie",
                                Matchers.hasItems(
                                        Matchers.allOf(
                                                Matchers.startsWith("ht_refresh=;"),
                                                Matchers.containsString("Max-Age=0"),
                                                Matchers.containsString("HttpOnly")),
                                        Matchers.allOf(
                                                Matchers.startsWith("ht_access=;"),
                                                Matchers.containsString("Max-Age=0")))));
        verify(refreshTokens).revoke("refresh-token");
        verify(audit).record(eq(AuditEvent.SIGN_OUT), eq(ALICE.id()), isNull(), any(), isNull());
    }

    private static String form(String username, String password) {
        return "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password);
    }

    private static MockHttpServletRequestBuilder signIn(String body) {
        return post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
