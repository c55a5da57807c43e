package com.hypertube.media.sources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.media.support.MediaClient;
import com.hypertube.media.support.MediaIT;
import com.hypertube.media.support.MediaTestConfiguration;
import com.hypertube.media.support.Titles;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The title page's sources: media-service asks source-service with the caller's token and passes the answer on. */
class TitleSourcesIT extends MediaIT {

    private static final String ANSWER =
            "{\"sources\":[{\"infoHash\":\"0123456789abcdef0123456789abcdef01234567\",\"score\":91.5,"
                    + "\"reasons\":[\"1,204 seeders\",\"plays directly in the browser\"]}],"
                    + "\"providers\":[{\"name\":\"YTS\",\"status\":\"ANSWERED\",\"count\":1}]}";

    private UUID filmWithImdbId() {
        UUID film = Titles.film(jdbc, "The Matrix", 1999, 5);
        jdbc.sql("UPDATE titles SET imdb_id = 'tt0133093' WHERE id = ?")
                .param(film)
                .update();
        return film;
    }

    @Test
    void aFilmsSourcesComeFromSourceServiceAskedWithTheCallersToken() {
        UUID film = filmWithImdbId();
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/source/api/sources/movies/tt0133093"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ANSWER)));

        var response = api.send(
                "GET",
                "/api/movies/" + film + "/sources?quality=720p",
                null,
                "X-User-Id",
                MediaClient.ALICE.toString(),
                "Authorization",
                "Bearer the-users-token",
                "X-Request-Id",
                "req-sources-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ANSWER);
        MediaTestConfiguration.PROVIDERS.verify(getRequestedFor(urlPathEqualTo("/source/api/sources/movies/tt0133093"))
                .withHeader("Authorization", equalTo("Bearer the-users-token"))
                .withHeader("X-Request-Id", matching("req-sources-1"))
                .withQueryParam("title", equalTo("The Matrix"))
                .withQueryParam("year", equalTo("1999"))
                .withQueryParam("quality", equalTo("720p")));
    }

    @Test
    void sourceServiceDownIsA503ProblemNotAnEmptyList() {
        UUID film = filmWithImdbId();
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/source/api/sources/movies/tt0133093"))
                .willReturn(aResponse().withStatus(500)));

        var response = api.get("/api/movies/" + film + "/sources");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("sources-unavailable").doesNotContain("Exception");
    }

    @Test
    void aTitleWithoutAnImdbIdHasNoSourcesAndBadInputIsRefused() {
        UUID film = Titles.film(jdbc, "Home video", 2001, 1);

        var none = api.get("/api/movies/" + film + "/sources");

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("{\"sources\":[],\"providers\":[]}");
        assertThat(api.get("/api/movies/" + film + "/sources?quality=8k").statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/movies/" + UUID.randomUUID() + "/sources").statusCode())
                .isEqualTo(404);
        assertThat(MediaTestConfiguration.PROVIDERS.getAllServeEvents()).isEmpty();
    }
}
