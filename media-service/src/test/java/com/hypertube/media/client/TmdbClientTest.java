package com.hypertube.media.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.hypertube.media.support.TestSettings;
import com.hypertube.testinfra.MovableClock;
import com.hypertube.web.client.ProviderException;
import com.hypertube.web.client.ProviderException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TMDB client against a fake answering in TMDB's documented format, errors and rate limits included. */
class TmdbClientTest {

    private final WireMockServer tmdb =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-12-01T10:00:00Z"));
    private TmdbClient client;

    @BeforeEach
    void start() {
        tmdb.start();
        client = clientWith("test-key", null);
    }

    @AfterEach
    void stop() {
        tmdb.stop();
    }

    private TmdbClient clientWith(String key, String token) {
        return clientWith(key, token, Duration.ofSeconds(10));
    }

    private TmdbClient clientWith(String key, String token, Duration readTimeout) {
        URI fake = URI.create(tmdb.baseUrl());
        return new TmdbClient(TestSettings.pointingAt(fake, key, token, fake, null, readTimeout), clock);
    }

    static String fixture(String name) {
        try (var in = TmdbClientTest.class.getResourceAsStream("/tmdb/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsAListPageWithTheKeyAsAParameter() {
        tmdb.stubFor(get(urlPathEqualTo("/movie/popular")).willReturn(okJson(fixture("popular-movies.json"))));

        var page = client.popular(TmdbClient.Kind.MOVIE, 1, "en-US");

        assertThat(page.resultsOrEmpty()).hasSize(3);
        var matrix = page.resultsOrEmpty().getFirst();
        assertThat(matrix.id()).isEqualTo(603);
        assertThat(matrix.title()).isEqualTo("The Matrix");
        assertThat(matrix.releaseDate()).isEqualTo("1999-03-31");
        assertThat(matrix.voteAverage()).isEqualTo(8.2);
        assertThat(matrix.genreIds()).containsExactly(28, 878);
        tmdb.verify(getRequestedFor(urlPathEqualTo("/movie/popular"))
                .withQueryParam("api_key", equalTo("test-key"))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("language", equalTo("en-US"))
                // plain HTTP/1.1, not an h2c upgrade attempt on every new connection
                .withoutHeader("Upgrade"));
    }

    @Test
    void aReadTokenGoesAsABearerTokenAndNotInTheAddress() {
        client = clientWith(null, "read-token-v4");
        tmdb.stubFor(get(urlPathEqualTo("/movie/popular")).willReturn(okJson(fixture("empty-page.json"))));

        client.popular(TmdbClient.Kind.MOVIE, 1, "en-US");

        var request = tmdb.getAllServeEvents().getFirst().getRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer read-token-v4");
        assertThat(request.getUrl()).doesNotContain("api_key");
    }

    @Test
    void theSameQuestionWithinTheCachesLifeIsNotAskedAgain() {
        tmdb.stubFor(get(urlPathEqualTo("/movie/603")).willReturn(okJson(fixture("movie-603.json"))));

        var first = client.details(TmdbClient.Kind.MOVIE, 603, "en-US");
        var second = client.details(TmdbClient.Kind.MOVIE, 603, "en-US");
        clock.advance(Duration.ofHours(25));
        client.details(TmdbClient.Kind.MOVIE, 603, "en-US");

        assertThat(first).isPresent();
        assertThat(second).isEqualTo(first);
        assertThat(first.get().imdbId()).isEqualTo("tt0133093");
        assertThat(first.get().credits().cast()).hasSize(3);
        assertThat(first.get().translations().translations().getFirst().language())
                .isEqualTo("fr");
        tmdb.verify(2, getRequestedFor(urlPathEqualTo("/movie/603")));
    }

    @Test
    void aTitleTmdbDoesNotKnowIsEmptyNotAnError() {
        tmdb.stubFor(get(urlPathEqualTo("/movie/1"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("error-404.json"))));

        assertThat(client.details(TmdbClient.Kind.MOVIE, 1, "en-US")).isEmpty();
    }

    @Test
    void aRefusedKeySaysSoWithTmdbsMessage() {
        tmdb.stubFor(get(urlPathEqualTo("/movie/popular"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("error-401.json"))));

        assertThatThrownBy(() -> client.popular(TmdbClient.Kind.MOVIE, 1, "en-US"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED_KEY);
                    assertThat(e.getMessage()).contains("Invalid API key");
                });
    }

    @Test
    void a429IsHonouredForAsLongAsRetryAfterSaysWithoutCallingAgain() {
        tmdb.stubFor(get(urlPathEqualTo("/movie/popular"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("error-429.json"))));

        assertThatThrownBy(() -> client.popular(TmdbClient.Kind.MOVIE, 1, "en-US"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.popular(TmdbClient.Kind.MOVIE, 2, "en-US"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
        tmdb.verify(1, getRequestedFor(urlPathEqualTo("/movie/popular")));

        clock.advance(Duration.ofSeconds(3));
        tmdb.stubFor(get(urlPathEqualTo("/movie/popular")).willReturn(okJson(fixture("empty-page.json"))));
        assertThat(client.popular(TmdbClient.Kind.MOVIE, 3, "en-US").resultsOrEmpty())
                .isEmpty();
        tmdb.verify(2, getRequestedFor(urlPathEqualTo("/movie/popular")));
    }

    @Test
    void serverErrorsAndTimeoutsAreOutagesAndEnoughOfThemOpenTheBreaker() {
        client = clientWith("test-key", null, Duration.ofMillis(800));
        tmdb.stubFor(
                get(urlPathEqualTo("/movie/popular")).willReturn(aResponse().withStatus(503)));
        tmdb.stubFor(get(urlPathEqualTo("/tv/popular"))
                .willReturn(okJson(fixture("empty-page.json")).withFixedDelay(2000)));

        assertThatThrownBy(() -> client.popular(TmdbClient.Kind.MOVIE, 1, "en-US"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThatThrownBy(() -> client.popular(TmdbClient.Kind.TV, 1, "en-US"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        for (int page = 2; page <= 5; page++) {
            int p = page;
            assertThatThrownBy(() -> client.popular(TmdbClient.Kind.MOVIE, p, "en-US"))
                    .isInstanceOf(ProviderException.class);
        }
        int callsBefore = tmdb.getAllServeEvents().size();
        assertThatThrownBy(() -> client.popular(TmdbClient.Kind.MOVIE, 9, "en-US"))
                .hasMessageContaining("not called for a while");
        assertThat(tmdb.getAllServeEvents()).hasSize(callsBefore);
    }

    @Test
    void aBodyThatIsNotTmdbsJsonIsMalformedNotACrash() {
        tmdb.stubFor(get(urlPathEqualTo("/movie/popular"))
                .willReturn(aResponse().withStatus(200).withBody("<html>captive portal</html>")));

        assertThatThrownBy(() -> client.popular(TmdbClient.Kind.MOVIE, 1, "en-US"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void pagesPastTmdbsCapAreNeverAskedFor() {
        tmdb.stubFor(get(urlPathEqualTo("/movie/popular")).willReturn(okJson(fixture("empty-page.json"))));

        client.popular(TmdbClient.Kind.MOVIE, 9000, "en-US");

        tmdb.verify(getRequestedFor(urlPathEqualTo("/movie/popular")).withQueryParam("page", equalTo("500")));
    }

    @Test
    void aSearchReachesTmdbAsTyped() {
        tmdb.stubFor(get(urlPathEqualTo("/search/movie")).willReturn(okJson(fixture("empty-page.json"))));

        client.search(TmdbClient.Kind.MOVIE, "Tom & Jerry = 100%", 1, "fr");

        tmdb.verify(getRequestedFor(urlPathEqualTo("/search/movie"))
                .withQueryParam("query", equalTo("Tom & Jerry = 100%"))
                .withQueryParam("language", equalTo("fr")));
    }

    @Test
    void withoutAKeyNothingIsCalled() {
        client = clientWith(" ", null);

        assertThat(client.configured()).isFalse();
        assertThatThrownBy(() -> client.popular(TmdbClient.Kind.MOVIE, 1, "en-US"))
                .isInstanceOf(ProviderException.class);
        assertThat(tmdb.getAllServeEvents()).isEmpty();
    }

    @Test
    void coversAreTmdbAddressesOnlyForPlainImagePaths() {
        assertThat(client.posterUrl("/matrix.jpg")).hasToString("https://image.tmdb.org/t/p/w342/matrix.jpg");
        assertThat(client.posterUrl("//evil.example/x.jpg")).isNull();
        assertThat(client.posterUrl("/../../x")).isNull();
        assertThat(client.posterUrl(null)).isNull();
    }
}
