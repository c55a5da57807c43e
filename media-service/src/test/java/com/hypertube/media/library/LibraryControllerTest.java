package com.hypertube.media.library;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.contract.events.TitleWatchedEvent;
import com.hypertube.media.catalog.CatalogService;
import com.hypertube.media.catalog.ViewerMarks;
import com.hypertube.media.library.LibraryViews.Progress;
import com.hypertube.web.ServiceWebAutoConfiguration;
import com.hypertube.web.events.EventPublisher;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The progress report's contract in a web slice: a bad report is a 400 problem that stores nothing, an unknown
 * title a 404, a client that may only read cannot report, and the report that makes a film watched is announced.
 */
@WebMvcTest(controllers = LibraryController.class, properties = "hypertube.security.identity-from=headers")
@Import(ServiceWebAutoConfiguration.class)
class LibraryControllerTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID TITLE = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProgressRepository progress;

    @MockitoBean
    CatalogService catalog;

    @MockitoBean
    ViewerMarks marks;

    @MockitoBean
    EventPublisher events;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"titleId\":\"%s\",\"positionSeconds\":700,\"durationSeconds\":600}",
                "{\"titleId\":\"%s\",\"season\":1,\"positionSeconds\":10,\"durationSeconds\":600}",
                "{\"titleId\":\"%s\",\"positionSeconds\":-1,\"durationSeconds\":600}",
                "{\"titleId\":\"%s\",\"positionSeconds\":10,\"durationSeconds\":0}",
                "{\"titleId\":\"%s\",\"positionSeconds\":10}",
                "{\"positionSeconds\":10,\"durationSeconds\":600,\"x\":\"%s\"}",
                "{\"titleId\":\"not-a-uuid-%s\",\"positionSeconds\":10,\"durationSeconds\":600}",
                "[\"%s\"]",
            })
    void aBadReportIsA400ProblemAndStoresNothing(String body) throws Exception {
        mvc.perform(report(body.formatted(TITLE)).header("X-User-Id", USER.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").exists());
        verifyNoInteractions(progress, events);
    }

    @Test
    void anUnknownTitleIsA404() throws Exception {
        when(progress.titleExists(TITLE)).thenReturn(false);

        mvc.perform(report(film(100)).header("X-User-Id", USER.toString()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:title-not-found"));
        verifyNoInteractions(events);
    }

    @Test
    void nobodyAndAReadOnlyClientCannotReport() throws Exception {
        mvc.perform(report(film(100))).andExpect(status().isUnauthorized());
        mvc.perform(report(film(100)).header("X-Client-Id", "reader").header("X-Token-Scope", "read"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(progress, events);
    }

    @Test
    void theReportThatMakesAFilmWatchedIsAnnounced() throws Exception {
        when(progress.titleExists(TITLE)).thenReturn(true);
        when(progress.record(eq(USER), eq(TITLE), eq(0), eq(0), anyInt(), eq(600), any(Instant.class)))
                .thenReturn(
                        new ProgressRepository.Recorded(new Progress(TITLE, 0, 0, 590, 600, true, false, AT), true));

        mvc.perform(report(film(590)).header("X-User-Id", USER.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.watched").value(true));
        verify(events).publish(new TitleWatchedEvent(USER, TITLE, 0, 0, AT));
        verify(marks).forget(USER);
    }

    private static String film(int position) {
        return "{\"titleId\":\"%s\",\"positionSeconds\":%d,\"durationSeconds\":600}".formatted(TITLE, position);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder report(String body) {
        return put("/api/library/progress")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
