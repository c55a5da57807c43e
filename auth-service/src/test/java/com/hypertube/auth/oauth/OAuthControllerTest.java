package com.hypertube.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.auth.AuthProperties;
import com.hypertube.auth.session.SessionCookies;
import com.hypertube.auth.session.Sessions;
import com.hypertube.auth.support.SliceCallers;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.web.ServiceWebAutoConfiguration;
import jakarta.servlet.http.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The OAuth endpoints' contract in a web slice, GitHub on and 42 off: only configured providers exist; the
 * authorize redirect carries what the provider needs and seals its state (and, for a signed-in user, whom to
 * link) in a cookie; a denied or forged callback goes back to the sign-in page without calling the provider;
 * a bad completion form or ticket is refused before any account is made.
 */
@WebMvcTest(controllers = OAuthController.class, properties = "hypertube.auth.oauth.github.client-id=gh-client")
@ImportAutoConfiguration(ServiceWebAutoConfiguration.class)
@Import(SessionCookies.class)
@EnableConfigurationProperties(AuthProperties.class)
class OAuthControllerTest {

    private static final UUID ME = UUID.randomUUID();
    private static final String UI = "http://localhost:8080";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccessTokens tokens;

    @MockitoBean
    ProviderClient client;

    @MockitoBean
    OAuthLogins logins;

    @MockitoBean
    OAuthIdentities identities;

    @MockitoBean
    Sessions sessions;

    @BeforeEach
    void callers() {
        SliceCallers.recognise(tokens, ME);
        when(tokens.seal(eq("oauth-state"), any(), any())).thenReturn("sealed-state");
    }

    @Test
    void onlyConfiguredProvidersAreOffered() throws Exception {
        mvc.perform(get("/api/auth/oauth/providers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").value(Matchers.contains("github")));
        mvc.perform(get("/api/auth/oauth/42/authorize"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:oauth-provider-unknown"));
        mvc.perform(get("/api/auth/oauth/myspace/callback?code=c&state=s"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:oauth-provider-unknown"));
        verifyNoInteractions(client, logins);
    }

    @Test
    void theAuthorizeRedirectCarriesWhatTheProviderNeedsAndSealsItsState() throws Exception {
        String location = mvc.perform(get("/api/auth/oauth/github/authorize"))
                .andExpect(status().isFound())
                .andExpect(header().string(
                                "Set-Cookie",
                                Matchers.allOf(
                                        Matchers.startsWith("ht_oauth_state=sealed-state;"),
                                        Matchers.containsString("Path=/api/auth/oauth"),
                                        Matchers.containsString("HttpOnly"),
                                        Matchers.containsString("SameSite=Lax"))))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        var query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(location).startsWith("https://github.com/login/oauth/authorize?");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("client_id")).isEqualTo("gh-client");
        assertThat(decoded(query.getFirst("redirect_uri"))).isEqualTo(UI + "/api/auth/oauth/github/callback");
        assertThat(decoded(query.getFirst("scope"))).isEqualTo("read:user user:email");
        ArgumentCaptor<Map<String, String>> sealed = sealedState();
        assertThat(sealed.getValue()).containsEntry("provider", "github").doesNotContainKey("link");
        assertThat(decoded(query.getFirst("state"))).isEqualTo(sealed.getValue().get("state"));
    }

    @Test
    void aSignedInUsersAuthorizeSealsWhomToLink() throws Exception {
        mvc.perform(get("/api/auth/oauth/github/authorize").header("Authorization", SliceCallers.USER))
                .andExpect(status().isFound());
        assertThat(sealedState().getValue()).containsEntry("link", ME.toString());
    }

    @Test
    void aDeniedOrForgedCallbackGoesBackToSignInWithoutCallingTheProvider() throws Exception {
        when(tokens.open("oauth-state", "sealed-state"))
                .thenReturn(Optional.of(Map.of("state", "expected", "provider", "github")));

        mvc.perform(get("/api/auth/oauth/github/callback?error=access_denied"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", UI + "/signin?error=oauth-denied"));
        mvc.perform(get("/api/auth/oauth/github/callback?code=c&state=expected"))
                .andExpect(header().string("Location", UI + "/signin?error=oauth-state"));
        mvc.perform(get("/api/auth/oauth/github/callback?code=c&state=guessed")
                        .cookie(new Cookie(SessionCookies.OAUTH_STATE, "sealed-state")))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", UI + "/signin?error=oauth-state"))
                .andExpect(header().string("Set-Cookie", Matchers.startsWith("ht_oauth_state=;")));
        verifyNoInteractions(client, logins, sessions);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"ticket\":\"t\",\"username\":\"a b\",\"email\":\"a@example.org\",\"firstName\":\"A\",\"lastName\":\"L\"}",
                "{\"ticket\":\"t\",\"username\":\"alice\",\"email\":\"nope\",\"firstName\":\"A\",\"lastName\":\"L\"}",
                "{\"ticket\":\"\",\"username\":\"alice\",\"email\":\"a@example.org\",\"firstName\":\"A\",\"lastName\":\"L\"}",
                "{\"ticket\":\"t\",\"username\":\"alice\",\"email\":\"a@example.org\",\"firstName\":\"A\"}",
            })
    void aBadCompletionFormIsAValidationProblemAndMakesNoAccount(String body) throws Exception {
        mvc.perform(post("/api/auth/oauth/complete")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:validation-failed"));
        verify(tokens, never()).open(anyString(), anyString());
        verifyNoInteractions(logins, sessions);
    }

    @Test
    void aTicketThatDoesNotOpenIsRefusedBeforeAnyAccountIsMade() throws Exception {
        String form = "{\"ticket\":\"forged\",\"username\":\"alice\",\"email\":\"a@example.org\","
                + "\"firstName\":\"A\",\"lastName\":\"L\"}";

        mvc.perform(post("/api/auth/oauth/complete")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(form))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:oauth-ticket-invalid"));
        mvc.perform(get("/api/auth/oauth/ticket?ticket=forged"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:oauth-ticket-invalid"));
        verify(tokens, never()).open(eq("oauth-state"), anyString());
        verifyNoInteractions(logins, sessions);
    }

    @Test
    void theLinkedProvidersAreTheSignedInUsersOnly() throws Exception {
        when(identities.providersOf(ME)).thenReturn(List.of("github"));

        mvc.perform(get("/api/auth/oauth/linked")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/auth/oauth/linked").header("Authorization", SliceCallers.API_CLIENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/auth/oauth/linked").header("Authorization", SliceCallers.USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0]").value("github"));
        verify(identities).providersOf(ME);
    }

    private static String decoded(String queryValue) {
        return URLDecoder.decode(queryValue, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private ArgumentCaptor<Map<String, String>> sealedState() {
        ArgumentCaptor<Map<String, String>> sealed = ArgumentCaptor.forClass(Map.class);
        verify(tokens).seal(eq("oauth-state"), sealed.capture(), any());
        return sealed;
    }
}
