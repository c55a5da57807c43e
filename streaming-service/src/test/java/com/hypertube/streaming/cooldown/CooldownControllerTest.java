package com.hypertube.streaming.cooldown;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.web.ServiceWebAutoConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cooldown endpoints' contract, in a web slice (no database, no broker, no engine): admins list and clear;
 * anyone else gets a 403 problem before the cooldowns are even asked.
 */
@WebMvcTest(controllers = CooldownController.class, properties = "hypertube.security.identity-from=headers")
@Import(ServiceWebAutoConfiguration.class)
class CooldownControllerTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Cooldowns cooldowns;

    @Test
    void anAdminListsTheCooldownsAndClearsOne() throws Exception {
        when(cooldowns.activeAll())
                .thenReturn(List.of(
                        new Cooldown(HASH, "no-peers", "No peer answered.", Instant.parse("2026-12-01T12:00:00Z"))));
        when(cooldowns.clear(HASH)).thenReturn(true);

        mvc.perform(get("/api/torrents/cooldowns").headers(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].infoHash").value(HASH))
                .andExpect(jsonPath("$[0].reason").value("no-peers"));
        mvc.perform(delete("/api/torrents/cooldowns/" + HASH.toUpperCase()).headers(admin()))
                .andExpect(status().isNoContent());
        verify(cooldowns).clear(HASH);
    }

    @Test
    void clearingATorrentWithoutACooldownIsA404Problem() throws Exception {
        mvc.perform(delete("/api/torrents/cooldowns/" + HASH).headers(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:no-cooldown"));
    }

    @Test
    void aUserAnApiClientAndNobodyAreRefused() throws Exception {
        mvc.perform(get("/api/torrents/cooldowns")
                        .header("X-User-Id", UUID.randomUUID().toString()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:forbidden"));
        mvc.perform(get("/api/torrents/cooldowns")
                        .header("X-Client-Id", "reader")
                        .header("X-Token-Scope", "read"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/torrents/cooldowns")).andExpect(status().isUnauthorized());
        verifyNoInteractions(cooldowns);
    }

    private static org.springframework.http.HttpHeaders admin() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set("X-User-Id", UUID.randomUUID().toString());
        headers.set("X-User-Roles", "admin");
        return headers;
    }
}
