package com.hypertube.source.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.hypertube.source.provider.TestSettings.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.hypertube.source.SourceProperties.Indexer;
import com.hypertube.testinfra.MovableClock;
import com.hypertube.web.client.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Torznab indexers against fakes answering Torznab's documented XML, errors and hostile documents included. */
class TorznabProviderTest {

    private static final TitleQuery MATRIX = TitleQuery.film("tt0133093", "The Matrix", 1999);
    private static final TitleQuery S01E03 = TitleQuery.episode("tt0903747", "Breaking Bad", 1, 3);

    private WireMockServer server;
    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void start() {
        server = TestSettings.started();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Indexer indexer(String name) {
        return new Indexer(name, URI.create(TestSettings.baseUrl(server) + "/" + name + "/api"), "KEY-" + name);
    }

    private TorznabProvider provider(String... names) {
        List<Indexer> indexers = List.of(names).stream().map(this::indexer).toList();
        return new TorznabProvider(TestSettings.torznab(indexers), clock);
    }

    private void answer(String indexer, String t, ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo("/" + indexer + "/api"))
                .withQueryParam("t", equalTo(t))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder xml(String fixture) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody(fixture("torznab/" + fixture));
    }

    private int calls(String indexer, String t) {
        return server.findAll(
                        getRequestedFor(urlPathEqualTo("/" + indexer + "/api")).withQueryParam("t", equalTo(t)))
                .size();
    }

    @Test
    void searchesAFilmByItsImdbIdWhenTheIndexerCan() {
        answer("jackett", "caps", xml("caps-imdb.xml"));
        answer("jackett", "movie", xml("search-movie.xml"));

        List<FoundSource> found = provider("jackett").find(MATRIX);

        server.verify(getRequestedFor(urlPathEqualTo("/jackett/api"))
                .withQueryParam("t", equalTo("caps"))
                .withQueryParam("apikey", equalTo("KEY-jackett")));
        server.verify(getRequestedFor(urlPathEqualTo("/jackett/api"))
                .withQueryParam("t", equalTo("movie"))
                .withQueryParam("imdbid", equalTo("tt0133093"))
                .withQueryParam("apikey", equalTo("KEY-jackett")));
        // A .torrent link only, another film's id, a bad magnet and a bad hash are dropped; base32 is converted.
        assertThat(found)
                .extracting(FoundSource::infoHash)
                .containsExactly(
                        "02ddd88db6a5d1bcef1c7b2bba20550bff854a45",
                        "d2977489f395bbaffc9bc4fa8da8e977cb80dbda",
                        "eb418d07d2814b61b776ee63a1f5ebec3fc43bbc");
        FoundSource first = found.getFirst();
        assertThat(first.releaseName()).isEqualTo("The.Matrix.1999.1080p.BluRay.x264-GROUP");
        assertThat(first.provider()).isEqualTo("jackett");
        assertThat(first.sizeBytes()).isEqualTo(1_986_422_374L);
        assertThat(first.seeders()).isEqualTo(200);
        assertThat(first.leechers()).as("peers count the seeders too").isEqualTo(30);
        assertThat(first.trackers()).containsExactly("udp://tracker.example.org:1337/announce");
        assertThat(first.magnet()).doesNotContain("KEY");
        assertThat(found.get(1).sizeBytes()).isEqualTo(25_000_000_000L);
        assertThat(found.get(2).releaseName()).isEqualTo("The.Matrix.1999.720p.WEB-DL.DD5.1.H264");
    }

    @Test
    void searchesAnEpisodeByIdSeasonAndEpisode() {
        answer("prowlarr", "caps", xml("caps-imdb.xml"));
        answer("prowlarr", "tvsearch", xml("search-tv.xml"));

        List<FoundSource> found = provider("prowlarr").find(S01E03);

        server.verify(getRequestedFor(urlPathEqualTo("/prowlarr/api"))
                .withQueryParam("t", equalTo("tvsearch"))
                .withQueryParam("imdbid", equalTo("tt0903747"))
                .withQueryParam("season", equalTo("1"))
                .withQueryParam("ep", equalTo("3")));
        assertThat(found).singleElement().satisfies(source -> {
            assertThat(source.infoHash()).isEqualTo("5e865c2f12379b02592d4249fdfaf0c12b3a1220");
            assertThat(source.season()).isEqualTo(1);
            assertThat(source.episode()).isEqualTo(3);
            assertThat(source.leechers()).isEqualTo(1);
        });
    }

    @Test
    void anIndexerWithoutIdSearchIsSearchedByWords() {
        answer("words", "caps", xml("caps-words.xml"));
        answer("words", "search", xml("empty.xml"));
        TorznabProvider provider = provider("words");

        provider.find(MATRIX);
        provider.find(S01E03);

        server.verify(getRequestedFor(urlPathEqualTo("/words/api"))
                .withQueryParam("t", equalTo("search"))
                .withQueryParam("q", equalTo("The Matrix 1999")));
        server.verify(getRequestedFor(urlPathEqualTo("/words/api"))
                .withQueryParam("t", equalTo("search"))
                .withQueryParam("q", equalTo("Breaking Bad S01E03")));
        assertThat(calls("words", "movie") + calls("words", "tvsearch")).isZero();
    }

    @Test
    void freeWordsAreSearchedWithTSearchAndKeepEveryTitleFound() {
        answer("jackett", "search", xml("search-movie.xml"));

        List<FoundSource> found = provider("jackett").search("matrix reloaded");

        server.verify(getRequestedFor(urlPathEqualTo("/jackett/api"))
                .withQueryParam("t", equalTo("search"))
                .withQueryParam("q", equalTo("matrix reloaded"))
                .withQueryParam("apikey", equalTo("KEY-jackett")));
        assertThat(found).isNotEmpty().extracting(FoundSource::season).containsOnlyNulls();
        assertThat(calls("jackett", "caps")).isZero(); // a word search needs no capabilities
    }

    @Test
    void theCapabilitiesAreAskedOncePerTtl() {
        answer("jackett", "caps", xml("caps-imdb.xml"));
        answer("jackett", "movie", xml("empty.xml"));
        TorznabProvider provider = provider("jackett");

        provider.find(MATRIX);
        provider.find(MATRIX);
        assertThat(calls("jackett", "caps")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(61));
        provider.find(MATRIX);
        assertThat(calls("jackett", "caps")).isEqualTo(2);
        assertThat(calls("jackett", "movie")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"caps", "movie"})
    void anErrorAnswerLeavesOutThatIndexerOnly(String failingCall) {
        answer("refused", "caps", failingCall.equals("caps") ? xml("error-credentials.xml") : xml("caps-imdb.xml"));
        answer("refused", "movie", xml("error-credentials.xml"));
        answer("jackett", "caps", xml("caps-imdb.xml"));
        answer("jackett", "movie", xml("search-movie.xml"));

        List<FoundSource> found = provider("refused", "jackett").find(MATRIX);

        assertThat(found).hasSize(3).allSatisfy(source -> assertThat(source.provider())
                .isEqualTo("jackett"));
    }

    /** Every way one indexer fails while another answers. */
    enum Failure {
        SERVER_ERROR(aResponse().withStatus(500).withBody("Jackett crashed")),
        UNAUTHORIZED(xml("error-credentials.xml").withStatus(401)),
        TIMEOUT(xml("search-movie.xml").withFixedDelay((int) TestSettings.READ_TIMEOUT.toMillis() + 700)),
        MALFORMED(xml("malformed.xml")),
        JSON_INSTEAD_OF_XML(aResponse().withStatus(200).withBody("{\"error\":\"wrong format\"}")),
        RATE_LIMITED(aResponse().withStatus(429).withHeader("Retry-After", "30"));

        final ResponseDefinitionBuilder answer;

        Failure(ResponseDefinitionBuilder answer) {
            this.answer = answer;
        }
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void oneIndexerFailingLeavesTheOthersAnswers(Failure failure) {
        answer("broken", "caps", xml("caps-imdb.xml"));
        answer("broken", "movie", failure.answer);
        answer("jackett", "caps", xml("caps-imdb.xml"));
        answer("jackett", "movie", xml("search-movie.xml"));

        long start = System.nanoTime();
        List<FoundSource> found = provider("broken", "jackett").find(MATRIX);

        assertThat(found).hasSize(3).allSatisfy(source -> assertThat(source.provider())
                .isEqualTo("jackett"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_600));
    }

    @Test
    void a429IsHonouredForAsLongAsRetryAfterSays() {
        answer("busy", "caps", xml("caps-imdb.xml"));
        answer("busy", "movie", aResponse().withStatus(429).withHeader("Retry-After", "30"));
        TorznabProvider provider = provider("busy");

        provider.find(MATRIX);
        clock.advance(Duration.ofSeconds(29));
        provider.find(MATRIX);
        assertThat(calls("busy", "movie")).isEqualTo(1);

        answer("busy", "movie", xml("search-movie.xml"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(provider.find(MATRIX)).hasSize(3);
    }

    @Test
    void anExternalEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FROM-DISK");
        server.stubFor(get(urlPathEqualTo("/evil.dtd"))
                .willReturn(aResponse().withStatus(200).withBody("<!ENTITY fromDtd \"TOP-SECRET-FROM-DTD\">")));
        answer("hostile", "caps", xml("caps-imdb.xml"));
        TorznabProvider provider = provider("hostile");

        for (String payload : List.of(
                fixture("torznab/xxe-file.xml")
                        .replace("{{SECRET_URI}}", secret.toUri().toString()),
                fixture("torznab/xxe-remote-dtd.xml")
                        .replace("{{DTD_URL}}", TestSettings.baseUrl(server) + "/evil.dtd"),
                fixture("torznab/billion-laughs.xml"))) {
            answer("hostile", "movie", aResponse().withStatus(200).withBody(payload));

            List<FoundSource> found = provider.find(MATRIX);

            // The document is refused whole: a DOCTYPE is never taken from an indexer.
            assertThat(found).isEmpty();
            assertThatThrownBy(() -> TorznabXml.items("hostile", payload))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.reason())
                            .isEqualTo(ProviderException.Reason.MALFORMED))
                    .rootCause()
                    .hasMessageContaining("DOCTYPE")
                    .hasMessageNotContaining("TOP-SECRET");
        }
        server.verify(0, getRequestedFor(urlPathEqualTo("/evil.dtd")));
    }

    @Test
    void noIndexerMeansDisabled() {
        assertThat(provider().enabled()).isFalse();
        assertThat(provider("jackett").enabled()).isTrue();
    }
}
