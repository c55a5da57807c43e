package com.hypertube.source.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.hypertube.source.provider.TestSettings.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.hypertube.source.SourceProperties.Limits;
import com.hypertube.testinfra.MovableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EZTV against a fake answering in its documented {@code get-torrents} format, its failures included. */
class EztvProviderTest {

    private static final TitleQuery S01E03 = TitleQuery.episode("tt0903747", "Breaking Bad", 1, 3);
    private static final String TORRENTS = "/api/get-torrents";

    private WireMockServer eztv;
    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void start() {
        eztv = TestSettings.started();
    }

    @AfterEach
    void stop() {
        eztv.stop();
    }

    private EztvProvider provider(Limits limits) {
        return new EztvProvider(TestSettings.eztv(URI.create(TestSettings.baseUrl(eztv) + "/api"), limits), clock);
    }

    private EztvProvider provider() {
        return provider(TestSettings.LIMITS);
    }

    private static MappingBuilder page(int page) {
        return get(urlPathEqualTo(TORRENTS)).withQueryParam("page", equalTo(String.valueOf(page)));
    }

    @Test
    void keepsTheAskedEpisodeFromEveryPageUntilTheShowsCount() {
        eztv.stubFor(page(1).willReturn(okJson(fixture("eztv/page-1.json"))));
        eztv.stubFor(page(2).willReturn(okJson(fixture("eztv/page-2.json"))));

        List<FoundSource> found = provider().find(S01E03);

        // 150 torrents at 100 a page: two pages, asked by the id's digits.
        for (int page = 1; page <= 2; page++) {
            eztv.verify(getRequestedFor(urlPathEqualTo(TORRENTS))
                    .withQueryParam("imdb_id", equalTo("0903747"))
                    .withQueryParam("limit", equalTo("100"))
                    .withQueryParam("page", equalTo(String.valueOf(page))));
        }
        eztv.verify(2, getRequestedFor(urlPathEqualTo(TORRENTS)));
        // S01E04 and S10E03 are other episodes; an invalid hash, a sha1 topic and a magnet of another hash are
        // dropped; the base32 magnet is converted; the upper-case hash is lowered.
        assertThat(found)
                .extracting(FoundSource::infoHash)
                .containsExactly(
                        "44911812f2e3cb15e110673800ea56d8b26e255f",
                        "e3b4ec0d628edfeb2540b0707e76638dbbe183d9",
                        "3242293e029820d67a2cbafba0bfbb3c7c8b5e62");
        FoundSource first = found.getFirst();
        assertThat(first.releaseName()).isEqualTo("Breaking.Bad.S01E03.720p.HDTV.x264-CTU[eztv].mkv");
        assertThat(first.sizeBytes()).isEqualTo(1_234_567L);
        assertThat(first.seeders()).isEqualTo(12);
        assertThat(first.leechers()).isEqualTo(3);
        assertThat(first.provider()).isEqualTo("EZTV");
        assertThat(first.season()).isEqualTo(1);
        assertThat(first.episode()).isEqualTo(3);
        assertThat(first.trackers())
                .containsExactly("udp://tracker.opentrackr.org:1337/announce", "udp://open.stealth.si:80/announce");
        assertThat(first.hints()).isEqualTo(FoundSource.Hints.NONE);
        FoundSource base32 = found.get(1);
        assertThat(base32.magnet()).startsWith("magnet:?xt=urn:btih:e3b4ec0d628edfeb2540b0707e76638dbbe183d9&");
        assertThat(base32.sizeBytes()).as("a size that is not a number").isNull();
    }

    @Test
    void readsAtMostFivePagesOfALongShow() {
        eztv.stubFor(get(urlPathEqualTo(TORRENTS)).willReturn(okJson(fixture("eztv/full-page.json"))));

        // 7 of each page's 100 torrents are S05E02 (the fixture cycles through 16 episodes).
        assertThat(provider().find(TitleQuery.episode("tt0903747", "Breaking Bad", 5, 2)))
                .hasSize(5 * 7);
        eztv.verify(EztvProvider.MAX_PAGES, getRequestedFor(urlPathEqualTo(TORRENTS)));
        eztv.verify(getRequestedFor(urlPathEqualTo(TORRENTS)).withQueryParam("page", equalTo("5")));
    }

    @Test
    void aShowEztvDoesNotKnowIsOneEmptyPage() {
        eztv.stubFor(get(urlPathEqualTo(TORRENTS)).willReturn(okJson(fixture("eztv/unknown-show.json"))));

        assertThat(provider().find(TitleQuery.episode("tt9999999", "Nothing", 1, 1)))
                .isEmpty();
        eztv.verify(1, getRequestedFor(urlPathEqualTo(TORRENTS)));
    }

    @Test
    void aFilmIsNotAskedFor() {
        assertThat(provider().find(TitleQuery.film("tt0133093", "The Matrix", 1999)))
                .isEmpty();
        assertThat(eztv.getAllServeEvents()).isEmpty();
    }

    @Test
    void aFailureOnALaterPageKeepsThePagesRead() {
        eztv.stubFor(page(1).willReturn(okJson(fixture("eztv/page-1.json"))));
        eztv.stubFor(page(2).willReturn(aResponse().withStatus(502)));

        assertThat(provider().find(S01E03)).hasSize(2);
    }

    @Test
    void a429IsHonouredForAsLongAsRetryAfterSays() {
        eztv.stubFor(get(urlPathEqualTo(TORRENTS))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
        EztvProvider provider = provider();

        assertThat(provider.find(S01E03)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(provider.find(S01E03)).isEmpty();
        eztv.verify(1, getRequestedFor(urlPathEqualTo(TORRENTS)));

        clock.advance(Duration.ofSeconds(31));
        eztv.stubFor(page(1).willReturn(okJson(fixture("eztv/page-1.json"))));
        eztv.stubFor(page(2).willReturn(okJson(fixture("eztv/page-2.json"))));
        assertThat(provider.find(S01E03)).hasSize(3);
    }

    @Test
    void a5xxIsAnEmptyAnswer() {
        eztv.stubFor(get(urlPathEqualTo(TORRENTS)).willReturn(aResponse().withStatus(503)));

        assertThat(provider().find(S01E03)).isEmpty();
    }

    @Test
    void aSlowAnswerIsCutAtTheReadTimeout() {
        eztv.stubFor(get(urlPathEqualTo(TORRENTS))
                .willReturn(okJson(fixture("eztv/page-1.json"))
                        .withFixedDelay((int) TestSettings.READ_TIMEOUT.toMillis() + 700)));

        long start = System.nanoTime();
        assertThat(provider().find(S01E03)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_600));
    }

    @Test
    void aMalformedBodyIsAnEmptyAnswer() {
        eztv.stubFor(get(urlPathEqualTo(TORRENTS)).willReturn(okJson(fixture("eztv/malformed.json"))));
        assertThat(provider().find(S01E03)).isEmpty();

        eztv.stubFor(get(urlPathEqualTo(TORRENTS)).willReturn(okJson("[\"an array, not the object\"]")));
        assertThat(provider().find(S01E03)).isEmpty();
    }

    @Test
    void overItsCallRateASearchStopsPagingWithWhatItHas() {
        eztv.stubFor(page(1).willReturn(okJson(fixture("eztv/page-1.json"))));
        eztv.stubFor(page(2).willReturn(okJson(fixture("eztv/page-2.json"))));
        Limits onePerSecond = new Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO);

        assertThat(provider(onePerSecond).find(S01E03)).hasSize(2);
        eztv.verify(1, getRequestedFor(urlPathEqualTo(TORRENTS)));
    }
}
