package com.hypertube.auth.account;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.support.SliceCallers;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.web.ServiceWebAutoConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * The profile endpoints' contract in a web slice: nobody, a token that does not verify, or one the gateway's
 * user header contradicts gets a 401 problem; an API client has no "me"; a bad change or another's profile is
 * refused before anything is stored; others see public fields only; the list's paging is bounded.
 */
@WebMvcTest(controllers = UserController.class)
@ImportAutoConfiguration(ServiceWebAutoConfiguration.class)
class UserControllerTest {

    private static final UUID ME = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccessTokens tokens;

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    UserRepository users;

    @MockitoBean
    AuditLog audit;

    @BeforeEach
    void callers() {
        SliceCallers.recognise(tokens, ME);
    }

    @Test
    void nobodyAForgedTokenAndAContradictedOneAreA401Problem() throws Exception {
        mvc.perform(get("/api/users/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:unauthorized"));
        mvc.perform(get("/api/users/me").header("Authorization", SliceCallers.INVALID))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/users/me")
                        .header("Authorization", SliceCallers.USER)
                        .header("X-User-Id", OTHER.toString()))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(users, accounts, audit);
    }

    @Test
    void anApiClientHasNoProfileOfItsOwnButMayReadOthers() throws Exception {
        when(users.find(OTHER)).thenReturn(Optional.of(user(OTHER, "bob")));

        mvc.perform(get("/api/users/me").header("Authorization", SliceCallers.API_CLIENT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:forbidden"));
        mvc.perform(get("/users/" + OTHER).header("Authorization", SliceCallers.API_CLIENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("bob"))
                .andExpect(jsonPath("$.email").doesNotExist());
        verify(users, never()).find(ME);
    }

    @Test
    void myProfileHasMyPrivateFieldsAndAnothersOnlyPublicOnes() throws Exception {
        when(users.find(ME)).thenReturn(Optional.of(user(ME, "alice")));
        when(users.find(OTHER)).thenReturn(Optional.of(user(OTHER, "bob")));

        mvc.perform(get("/api/users/me").header("Authorization", SliceCallers.USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ME.toString()))
                .andExpect(jsonPath("$.email").value("alice@example.org"))
                .andExpect(jsonPath("$.hasPassword").value(true))
                .andExpect(jsonPath("$.avatarUrl").value("/api/users/" + ME + "/avatar"));
        mvc.perform(get("/api/users/" + OTHER).header("Authorization", SliceCallers.USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("bob"))
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.preferredLanguage").doesNotExist())
                .andExpect(jsonPath("$.hasPassword").doesNotExist());
    }

    @Test
    void aUserWithoutAnAvatarHasANullAvatarUrlRatherThanOneThatAnswers404() throws Exception {
        when(users.find(ME)).thenReturn(Optional.of(user(ME, "alice", false)));
        when(users.find(OTHER)).thenReturn(Optional.of(user(OTHER, "bob", false)));

        mvc.perform(get("/api/users/me").header("Authorization", SliceCallers.USER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"avatarUrl\":null")));
        mvc.perform(get("/api/users/" + OTHER).header("Authorization", SliceCallers.USER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"avatarUrl\":null")))
                .andExpect(jsonPath("$.email").doesNotExist());
    }

    @Test
    void anUnknownUserOrAMalformedIdIsAProblem() throws Exception {
        when(users.find(OTHER)).thenReturn(Optional.empty());

        mvc.perform(get("/api/users/" + OTHER).header("Authorization", SliceCallers.USER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:user-not-found"));
        mvc.perform(get("/api/users/not-a-uuid").header("Authorization", SliceCallers.USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:bad-request"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"email\":\"not-an-address\"}",
                "{\"username\":\"a b\"}",
                "{\"username\":\"xy\"}",
                "{\"firstName\":\"\"}",
                "{\"preferredLanguage\":\"english\"}",
            })
    void aBadChangeIsAValidationProblemThatNamesTheFieldAndChangesNothing(String body) throws Exception {
        mvc.perform(change("/api/users/me", body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").exists());
        verifyNoInteractions(accounts);
    }

    @Test
    void onlyMyOwnProfileCanBeChanged() throws Exception {
        String rename = "{\"firstName\":\"Alicia\"}";
        when(accounts.update(eq(ME), any(ProfileUpdate.class), any(RequestOrigin.class)))
                .thenReturn(user(ME, "alice"));

        mvc.perform(change("/api/users/" + OTHER, rename))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:forbidden"));
        verifyNoInteractions(accounts);

        mvc.perform(change("/api/users/" + ME, rename))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ME.toString()));
        verify(accounts).update(eq(ME), eq(new ProfileUpdate(null, null, "Alicia", null, null, null, null)), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=101", "page=-1", "page=100001", "size=many"})
    void aPageOutOfBoundsIsA400AndNotQueried(String query) throws Exception {
        mvc.perform(get("/api/users?" + query).header("Authorization", SliceCallers.USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:bad-request"));
        verify(users, never()).page(anyInt(), anyInt());
    }

    @Test
    void theListIsOnePageOfPublicProfilesWithTheTotal() throws Exception {
        when(users.page(20, 10)).thenReturn(List.of(user(OTHER, "bob")));
        when(users.count()).thenReturn(11L);

        mvc.perform(get("/api/users?page=2&size=10").header("Authorization", SliceCallers.USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].username").value("bob"))
                .andExpect(jsonPath("$.items[0].email").doesNotExist())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.total").value(11));
    }

    private static MockHttpServletRequestBuilder change(String path, String body) {
        return patch(path)
                .header("Authorization", SliceCallers.USER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static User user(UUID id, String username) {
        return user(id, username, true);
    }

    private static User user(UUID id, String username, boolean hasAvatar) {
        return new User(id, username, username + "@example.org", "First", "Last", "$2a$hash", "en", AT, hasAvatar);
    }
}
