package com.hypertube.media.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.media.support.MediaIT;
import com.hypertube.media.support.MediaTestConfiguration;
import com.hypertube.media.support.Providers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The background sync: once across instances, backing off on 429, and IMDb ratings from OMDb. */
class CatalogSyncIT extends MediaIT {

    @Autowired
    CatalogSync sync;

    @Test
    void twoInstancesStartingTheListRefreshTogetherRunItOnce() throws Exception {
        Providers.tmdbLists();
        // Slow enough that the second start happens while the first holds the lock.
        Providers.tmdbStatus("/movie/popular", 200, "popular-movies.json", 700);
        CountDownLatch start = new CountDownLatch(1);

        var first = CompletableFuture.runAsync(() -> await(start, sync::listsOnce));
        var second = CompletableFuture.runAsync(() -> await(start, sync::listsOnce));
        start.countDown();
        CompletableFuture.allOf(first, second).get();

        assertThat(Providers.tmdbCalls("/movie/popular")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'catalog-lists'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM titles").query(Integer.class).single())
                .isEqualTo(4);

        sync.listsOnce();
        assertThat(Providers.tmdbCalls("/movie/popular"))
                .as("a run within the lock's minimum time is skipped too: no provider is hammered")
                .isEqualTo(1);
    }

    private static void await(CountDownLatch start, Runnable run) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run.run();
    }

    @Test
    void aRateLimitedRefreshStopsAndTheNextWaitsForRetryAfter() {
        Providers.tmdbLists();
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/tmdb/movie/popular"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withBody(Providers.fixture("tmdb/error-429.json"))));

        assertThat(sync.refreshLists()).isZero();
        assertThat(Providers.tmdbCalls("/tv/popular"))
                .as("the run stopped at the 429")
                .isZero();

        Providers.tmdb("/movie/popular", "popular-movies.json");
        MediaTestConfiguration.CLOCK.advance(Duration.ofSeconds(10));
        assertThat(sync.refreshLists())
                .as("still inside Retry-After: TMDB is not asked")
                .isZero();
        assertThat(Providers.tmdbCalls("/movie/popular")).isEqualTo(1);

        MediaTestConfiguration.CLOCK.advance(Duration.ofSeconds(21));
        assertThat(sync.refreshLists()).isEqualTo(4);
    }

    @Test
    void staleDetailsAreRefreshedAndImdbRatingsReplaceTmdbScores() {
        Providers.tmdbLists();
        sync.refreshLists();
        omdb("tt0133093", "tt0133093.json", 200);
        omdb("tt0903747", "not-rated.json", 200);

        assertThat(sync.refreshDetails()).isEqualTo(4);
        assertThat(sync.refreshRatings()).isEqualTo(1);

        var matrix = jdbc.sql("SELECT rating, rating_source, rating_votes FROM titles WHERE imdb_id = 'tt0133093'")
                .query((rs, row) -> rs.getDouble(1) + " " + rs.getString(2) + " " + rs.getInt(3))
                .single();
        assertThat(matrix).isEqualTo("8.7 imdb 2112345");
        assertThat(jdbc.sql("SELECT rating_source FROM titles WHERE imdb_id = 'tt0903747'")
                        .query(String.class)
                        .single())
                .as("no IMDb rating: TMDB's score stays, labelled as TMDB's")
                .isEqualTo("tmdb");
        MediaTestConfiguration.PROVIDERS.verify(getRequestedFor(urlPathEqualTo("/omdb/"))
                .withQueryParam("apikey", equalTo("omdb-test-key"))
                .withQueryParam("i", equalTo("tt0133093")));

        sync.refreshLists();
        assertThat(jdbc.sql("SELECT rating_source FROM titles WHERE imdb_id = 'tt0133093'")
                        .query(String.class)
                        .single())
                .as("a list refresh keeps the IMDb rating")
                .isEqualTo("imdb");
        assertThat(sync.refreshDetails()).as("nothing is stale a moment later").isZero();
        assertThat(sync.refreshRatings()).as("nor are ratings").isZero();
    }

    @Test
    void omdbsDailyLimitEndsTheRatingsRun() {
        Providers.tmdbLists();
        sync.refreshLists();
        sync.refreshDetails();
        omdb("tt0133093", "limit-reached.json", 401);
        omdb("tt0903747", "limit-reached.json", 401);

        assertThat(sync.refreshRatings()).isZero();
        assertThat(MediaTestConfiguration.PROVIDERS.findAll(getRequestedFor(urlPathEqualTo("/omdb/"))))
                .hasSize(1);
    }

    private static void omdb(String imdbId, String fixture, int status) {
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/omdb/"))
                .withQueryParam("i", equalTo(imdbId))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Providers.fixture("omdb/" + fixture))));
    }
}
