package com.hypertube.streaming.download;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.web.Caller;
import com.hypertube.web.ServiceWebAutoConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The download endpoints' contract in a web slice: what a job looks like (and when it says it is ready to
 * stream), that an unknown or another's job is a 404 problem, and that malformed ids and nobody are refused
 * before the jobs are asked.
 */
@WebMvcTest(controllers = DownloadController.class, properties = "hypertube.security.identity-from=headers")
@Import(ServiceWebAutoConfiguration.class)
@org.springframework.boot.context.properties.EnableConfigurationProperties(
        com.hypertube.streaming.StreamingProperties.class)
class DownloadControllerTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID JOB = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DownloadJobs jobs;

    @Test
    void aJobPastTheBufferThresholdSaysItIsReadyToStream() throws Exception {
        when(jobs.find(eq(JOB), any(Caller.class))).thenReturn(Optional.of(job(DownloadStatus.DOWNLOADING, 42)));
        when(jobs.recent(any(Caller.class))).thenReturn(List.of(job(DownloadStatus.PENDING, 0)));

        mvc.perform(get("/api/downloads/" + JOB).header("X-User-Id", USER.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(JOB.toString()))
                .andExpect(jsonPath("$.status").value("DOWNLOADING"))
                .andExpect(jsonPath("$.readyToStream").value(true));
        mvc.perform(get("/api/downloads").header("X-User-Id", USER.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].readyToStream").value(false));
    }

    @Test
    void anUnknownJobIsA404ProblemAndABadIdA400() throws Exception {
        when(jobs.find(eq(JOB), any(Caller.class))).thenReturn(Optional.empty());
        when(jobs.cancel(eq(JOB), any(Caller.class))).thenReturn(false);

        mvc.perform(get("/api/downloads/" + JOB).header("X-User-Id", USER.toString()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:unknown-download"));
        mvc.perform(delete("/api/downloads/" + JOB).header("X-User-Id", USER.toString()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/downloads/not-a-uuid").header("X-User-Id", USER.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:bad-request"));
    }

    @Test
    void nobodyAndAReadOnlyClientCannotCancel() throws Exception {
        mvc.perform(get("/api/downloads")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/downloads/" + JOB)
                        .header("X-Client-Id", "reader")
                        .header("X-Token-Scope", "read"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(jobs);
    }

    private static DownloadJob job(DownloadStatus status, int progress) {
        Instant at = Instant.parse("2026-12-01T12:00:00Z");
        return new DownloadJob(
                JOB,
                "0123456789abcdef0123456789abcdef01234567",
                "magnet:?xt=urn:btih:x",
                status,
                progress,
                0,
                null,
                0,
                null,
                at,
                at,
                null);
    }
}
