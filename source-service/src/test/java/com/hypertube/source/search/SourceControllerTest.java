package com.hypertube.source.search;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.source.provider.TitleQuery;
import com.hypertube.source.release.Quality;
import com.hypertube.web.ServiceWebAutoConfiguration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sources endpoints' contract in a web slice: every bad parameter is a 400 problem of its own kind and asks
 * no provider; a good request reaches the search with what was asked; nobody identified gets nothing.
 */
@WebMvcTest(controllers = SourceController.class, properties = "hypertube.security.identity-from=headers")
@Import(ServiceWebAutoConfiguration.class)
class SourceControllerTest {

    private static final String USER = UUID.randomUUID().toString();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SourceSearch search;

    @ParameterizedTest
    @CsvSource({
        "/api/sources/movies/nm0000206, invalid-imdb-id",
        "/api/sources/movies/tt0133093?year=1500, invalid-year",
        "/api/sources/movies/tt0133093?quality=4k, invalid-quality",
        "/api/sources/shows/tt0903747/seasons/1001/episodes/1, invalid-season",
        "/api/sources/shows/tt0903747/seasons/1/episodes/10001, invalid-episode",
        "/api/sources/search?query=, invalid-query",
        "/api/sources/search, invalid-query",
    })
    void aBadParameterIsAProblemOfItsOwnKindAndAsksNoProvider(String path, String kind) throws Exception {
        mvc.perform(get(path).header("X-User-Id", USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:" + kind));
        verifyNoInteractions(search);
    }

    @Test
    void aLongTitleOrQueryIsRefused() throws Exception {
        String words = "a".repeat(201);
        mvc.perform(get("/api/sources/movies/tt0133093").param("title", words).header("X-User-Id", USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:invalid-title"));
        mvc.perform(get("/api/sources/search").param("query", words).header("X-User-Id", USER))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(search);
    }

    @Test
    void aGoodRequestReachesTheSearchWithWhatWasAsked() throws Exception {
        when(search.title(any(TitleQuery.class), eq(Quality.P720))).thenReturn(new SourcesAnswer(List.of(), List.of()));

        mvc.perform(get("/api/sources/movies/tt0133093")
                        .param("title", "The Matrix")
                        .param("year", "1999")
                        .param("quality", "720P")
                        .header("X-User-Id", USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sources").isArray());
        verify(search).title(TitleQuery.film("tt0133093", "The Matrix", 1999), Quality.P720);
    }

    @Test
    void nobodyIdentifiedGetsNothingAndAReadOnlyClientMayRead() throws Exception {
        when(search.words(eq("matrix"), any(Quality.class))).thenReturn(new SourcesAnswer(List.of(), List.of()));

        mvc.perform(get("/api/sources/search?query=matrix")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/sources/search?query=matrix")
                        .header("X-Client-Id", "reader")
                        .header("X-Token-Scope", "read"))
                .andExpect(status().isOk());
    }
}
