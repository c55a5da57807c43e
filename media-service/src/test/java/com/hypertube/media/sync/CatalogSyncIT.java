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

    @Test
    void withoutTmdbTheLibraryIsTheSourcesCatalogAskedWithTheServicesOwnToken() {
        MediaTestConfiguration.PROVIDERS.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/auth/oauth/token"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"access_token\":\"service-token\",\"token_type\":\"Bearer\","
                                        + "\"expires_in\":900,\"scope\":\"service\"}")));
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/source/api/sources/catalog/movies"))
                .withQueryParam("page", equalTo("1"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Providers.fixture("sources/catalog-page-1.json"))));
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/source/api/sources/catalog/movies"))
                .withQueryParam("page", equalTo("2"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));
        jdbc.sql(
                        "INSERT INTO titles (id, kind, tmdb_id, imdb_id, title, search_text, metadata_source)"
                                + " VALUES (gen_random_uuid(), 'movie', 603, 'tt0133093', 'The Matrix (TMDB)', 'the matrix tmdb', 'tmdb')")
                .update();

        assertThat(sync.importFromSources())
                .as("two new films; TMDB's and an invalid one left out")
                .isEqualTo(2);

        var imported = jdbc.sql(
                        "SELECT title, release_year, rating, rating_source, poster_path, genres[1], metadata_source"
                                + " FROM titles WHERE imdb_id = 'tt0111161'")
                .query((rs, row) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getDouble(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7))
                .single();
        assertThat(imported)
                .isEqualTo("The Shawshank Redemption|1994|9.3|yts|https://yts.example/cover/shawshank.jpg|Drama|yts");
        assertThat(jdbc.sql("SELECT title FROM titles WHERE imdb_id = 'tt0133093'")
                        .query(String.class)
                        .single())
                .as("a title TMDB described is left as it is")
                .isEqualTo("The Matrix (TMDB)");
        assertThat(jdbc.sql("SELECT coalesce(poster_path, 'none') FROM titles WHERE imdb_id = 'tt0000001'")
                        .query(String.class)
                        .single())
                .as("a cover that is not https is not kept")
                .isEqualTo("none");
        MediaTestConfiguration.PROVIDERS.verify(getRequestedFor(urlPathEqualTo("/source/api/sources/catalog/movies"))
                .withHeader("Authorization", equalTo("Bearer service-token")));
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
