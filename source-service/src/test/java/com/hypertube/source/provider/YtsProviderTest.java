package com.hypertube.source.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.hypertube.source.provider.TestSettings.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.hypertube.source.SourceProperties.Limits;
import com.hypertube.testinfra.MovableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** YTS against a fake answering in YTS API v2's documented format, its failures and mirrors included. */
class YtsProviderTest {

    private static final TitleQuery MATRIX = TitleQuery.film("tt0133093", "The Matrix", 1999);
    private static final String LIST = "/api/v2/list_movies.json";

    private WireMockServer yts;
    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void start() {
        yts = TestSettings.started();
    }

    @AfterEach
    void stop() {
        yts.stop();
    }

    private YtsProvider provider(List<URI> mirrors, Limits limits) {
        return new YtsProvider(TestSettings.yts(mirrors, limits), clock);
    }

    private YtsProvider provider() {
        return provider(List.of(mirror("")), TestSettings.LIMITS);
    }

    private URI mirror(String prefix) {
        return URI.create(TestSettings.baseUrl(yts) + prefix + "/api/v2");
    }

    @Test
    void readsTheFilmsTorrentsAndBuildsTheirMagnets() {
        yts.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(fixture("yts/list-movies-matrix.json"))));

        List<FoundSource> found = provider().find(MATRIX);

        yts.verify(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("query_term", equalTo("tt0133093")));
        // The bad and the empty hash are dropped; the other film query_term matched is not this one.
        assertThat(found)
                .extracting(FoundSource::infoHash)
                .containsExactly(
                        "ca2f701ee5f68b2116237e328cf9b5a77971ba67",
                        "7020079f2eb4867b9447094d8e3ac9e6366b3d47",
                        "0ce9066a47dbb47a9997f163ba6d71daad79ee25");
        FoundSource hd = found.get(1);
        assertThat(hd.releaseName()).isEqualTo("The Matrix (1999) [1080p] [BluRay] [YTS]");
        assertThat(hd.sizeBytes()).isEqualTo(1_986_422_374L);
        assertThat(hd.seeders()).isEqualTo(512);
        assertThat(hd.leechers()).isEqualTo(40);
        assertThat(hd.provider()).isEqualTo("YTS");
        assertThat(hd.hints()).isEqualTo(new FoundSource.Hints("1080p", "bluray", "x264", "8", "5.1"));
        assertThat(hd.trackers()).containsExactlyElementsOf(TestSettings.YTS_TRACKERS);
        assertThat(hd.magnet())
                .startsWith("magnet:?xt=urn:btih:7020079f2eb4867b9447094d8e3ac9e6366b3d47&dn=")
                .contains("&tr=udp%3A%2F%2Ftracker.opentrackr.org%3A1337%2Fannounce");
        assertThat(hd.season()).isNull();
        assertThat(found.get(2).hints().bitDepth()).isEqualTo("10");
    }

    @Test
    void freeWordsAreSearchedWithQueryTermAndEveryFilmFoundIsKept() {
        yts.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(fixture("yts/list-movies-matrix.json"))));

        List<FoundSource> found = provider().search("the matrix");

        yts.verify(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("query_term", equalTo("the matrix")));
        // The film searched by id and the other one the words matched too; invalid hashes are still dropped.
        assertThat(found).hasSizeGreaterThan(provider().find(MATRIX).size());
        assertThat(found).extracting(FoundSource::provider).containsOnly("YTS");
    }

    @Test
    void aFilmYtsDoesNotHaveIsEmpty() {
        yts.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(fixture("yts/list-movies-empty.json"))));

        assertThat(provider().find(MATRIX)).isEmpty();
    }

    @Test
    void anEpisodeIsNotAskedFor() {
        assertThat(provider().find(TitleQuery.episode("tt0903747", "Breaking Bad", 1, 3)))
                .isEmpty();
        assertThat(yts.getAllServeEvents()).isEmpty();
    }

    @Test
    void a429IsHonouredForAsLongAsRetryAfterSays() {
        yts.stubFor(
                get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        YtsProvider provider = provider();

        assertThat(provider.find(MATRIX)).isEmpty();
        clock.advance(Duration.ofSeconds(119));
        assertThat(provider.find(MATRIX)).isEmpty();
        yts.verify(1, getRequestedFor(urlPathEqualTo(LIST)));

        yts.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(fixture("yts/list-movies-matrix.json"))));
        clock.advance(Duration.ofSeconds(2));
        assertThat(provider.find(MATRIX)).hasSize(3);
        yts.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    /** Every way a mirror fails; each hands over to the next mirror. */
    enum Failure {
        SERVER_ERROR(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")),
        TIMEOUT(okJson(fixture("yts/list-movies-matrix.json"))
                .withFixedDelay((int) TestSettings.READ_TIMEOUT.toMillis() + 700)),
        MALFORMED(okJson(fixture("yts/malformed.json"))),
        HTML_INSTEAD_OF_JSON(aResponse().withStatus(200).withBody("<html>Parked domain</html>")),
        STATUS_ERROR(okJson(fixture("yts/status-error.json"))),
        NOT_FOUND(aResponse().withStatus(404)),
        REFUSED(null);

        final ResponseDefinitionBuilder answer;

        Failure(ResponseDefinitionBuilder answer) {
            this.answer = answer;
        }
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void aMirrorThatFailsHandsOverToTheNext(Failure failure) throws IOException {
        URI first = failure == Failure.REFUSED ? closedPort() : mirror("/first");
        if (failure.answer != null) {
            yts.stubFor(get(urlPathEqualTo("/first" + LIST)).willReturn(failure.answer));
        }
        yts.stubFor(get(urlPathEqualTo("/second" + LIST)).willReturn(okJson(fixture("yts/list-movies-matrix.json"))));

        List<FoundSource> found =
                provider(List.of(first, mirror("/second")), TestSettings.LIMITS).find(MATRIX);

        assertThat(found).hasSize(3);
        yts.verify(1, getRequestedFor(urlPathEqualTo("/second" + LIST)));
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void everyMirrorDownIsAnEmptyAnswerNotAnError(Failure failure) throws IOException {
        URI only = failure == Failure.REFUSED ? closedPort() : mirror("");
        if (failure.answer != null) {
            yts.stubFor(get(anyUrl()).willReturn(failure.answer));
        }

        long start = System.nanoTime();
        List<FoundSource> found = provider(List.of(only), TestSettings.LIMITS).find(MATRIX);

        assertThat(found).isEmpty();
        // A timeout is the read timeout, not the answer's delay.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_600));
    }

    @Test
    void overItsCallRateASearchSkipsYtsWithoutCallingIt() {
        yts.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(fixture("yts/list-movies-matrix.json"))));
        Limits onePerSecond = new Limits(Duration.ofMillis(500), Duration.ofMillis(500), 1, Duration.ZERO);
        YtsProvider provider = provider(List.of(mirror("")), onePerSecond);

        assertThat(provider.find(MATRIX)).hasSize(3);
        assertThat(provider.find(MATRIX)).isEmpty();
        yts.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void listsAPageOfTheCatalog() {
        yts.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(fixture("yts/list-movies-page.json"))));

        List<YtsMovie> movies = provider().listMovies(2, "date_added");

        yts.verify(getRequestedFor(urlPathEqualTo(LIST))
                .withQueryParam("page", equalTo("2"))
                .withQueryParam("limit", equalTo("20"))
                .withQueryParam("sort_by", equalTo("date_added")));
        assertThat(movies).hasSize(2);
        YtsMovie dune = movies.getFirst();
        assertThat(dune.imdbCode()).isEqualTo("tt15239678");
        assertThat(dune.title()).isEqualTo("Dune: Part Two");
        assertThat(dune.year()).isEqualTo(2024);
        assertThat(dune.rating()).isEqualTo(8.5);
        assertThat(dune.runtime()).isEqualTo(166);
        assertThat(dune.genres()).containsExactly("Action", "Adventure", "Drama", "Sci-Fi");
        assertThat(dune.summary()).startsWith("Paul Atreides");
        assertThat(dune.cover()).hasToString("https://yts.mx/assets/images/movies/dune_part_two_2024/medium-cover.jpg");
        // A cover that is not a web address is left out; missing genres are an empty list.
        assertThat(movies.get(1).cover()).isNull();
        assertThat(movies.get(1).genres()).isEmpty();
    }

    @Test
    void theCatalogIsEmptyWhenYtsIsDownAndRefusesAnUnknownOrder() {
        yts.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));

        assertThat(provider().listMovies(1, "rating")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> provider().listMovies(1, "rating;drop"));
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/v2");
        }
    }
}
