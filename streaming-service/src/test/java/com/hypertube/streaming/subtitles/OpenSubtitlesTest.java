package com.hypertube.streaming.subtitles;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.hypertube.streaming.storage.DownloadRoot;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSubtitles played by WireMock, answering in its documented JSON. */
class OpenSubtitlesTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    private static final String VIDEO = "The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv";
    private static final OpenSubtitles.Title MATRIX = new OpenSubtitles.Title("tt0133093", null, null);

    @TempDir
    Path temp;

    private WireMockServer server;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T12:00:00Z"));
    private final InstantSource clock = () -> now.get();

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void searchesByImdbIdInEnglishAndTheViewersLanguagesTheBestOfEachListed() {
        server.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .withQueryParam("imdb_id", equalTo("133093"))
                .withQueryParam("languages", equalTo("en,fr"))
                .withHeader("Api-Key", equalTo("secret"))
                .withHeader("User-Agent", equalTo("Hypertube v0.1"))
                .willReturn(okJson(searchAnswer(
                        result(11, "en", "The.Matrix.1999.DVDRip.XviD", 90_000, false),
                        result(12, "en", "The.Matrix.1999.1080p.BluRay.x264-GROUP", 100, false),
                        result(13, "en", "The.Matrix.1999.720p", 50_000, false),
                        result(21, "fr", "The.Matrix.1999.1080p.BluRay", 10, false),
                        result(31, "pt-BR", "The.Matrix", 10, false)))));

        List<SubtitleTrack> tracks = service("secret").tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en", "fr"));

        assertThat(tracks).extracting(SubtitleTrack::id).containsExactly("os-12", "os-13", "os-21");
        assertThat(tracks.getFirst())
                .isEqualTo(new SubtitleTrack(
                        "os-12",
                        "en",
                        "English – OpenSubtitles: The.Matrix.1999.1080p.BluRay.x264-GROUP",
                        "opensubtitles",
                        false,
                        false,
                        true,
                        true,
                        true));
    }

    @Test
    void searchesByMoviehashAndListsTheFileMadeForThisVideoFirst() throws IOException {
        byte[] content = new byte[200_000];
        new Random(7).nextBytes(content);
        Path video = Files.write(temp.resolve(VIDEO), content);
        String moviehash;
        try (FileChannel file = FileChannel.open(video)) {
            moviehash = MovieHash.of(file).orElseThrow();
        }
        server.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .withQueryParam("imdb_id", equalTo("133093"))
                .willReturn(okJson(searchAnswer(
                        result(11, "en", "The.Matrix.1999.1080p.BluRay.x264-GROUP", 90_000, false),
                        result(12, "en", "The.Matrix.1999.1080p.BluRay.x264-GROUP", 80_000, false)))));
        server.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .withQueryParam("moviehash", equalTo(moviehash))
                .withQueryParam("languages", equalTo("en"))
                .willReturn(okJson(searchAnswer(result(14, "en", "Matrix", 3, true)))));
        OpenSubtitles openSubtitles = service("secret");

        List<SubtitleTrack> tracks =
                openSubtitles.tracks(HASH, 0, VIDEO, timeout -> FileChannel.open(video), MATRIX, List.of("en"));
        openSubtitles.tracks(HASH, 0, VIDEO, timeout -> FileChannel.open(video), MATRIX, List.of("en"));

        assertThat(tracks).extracting(SubtitleTrack::id).containsExactly("os-14", "os-11");
        // Both searches are remembered for hours.
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/subtitles")));
    }

    @Test
    void aVideoWhoseEndsAreSlowToComeIsSearchedByItsHashOnceTheyAre() throws Exception {
        byte[] content = new byte[200_000];
        new Random(8).nextBytes(content);
        Path video = Files.write(temp.resolve(VIDEO), content);
        String moviehash;
        try (FileChannel file = FileChannel.open(video)) {
            moviehash = MovieHash.of(file).orElseThrow();
        }
        server.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .withQueryParam("moviehash", equalTo(moviehash))
                .willReturn(okJson(searchAnswer(result(14, "en", "Matrix", 3, true)))));
        java.util.concurrent.CountDownLatch piecesArrive = new java.util.concurrent.CountDownLatch(1);
        OpenSubtitles.VideoFile slow = timeout -> {
            try {
                piecesArrive.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return FileChannel.open(video);
        };
        OpenSubtitles openSubtitles = service("secret");
        OpenSubtitles.Title unknown = new OpenSubtitles.Title(null, null, null);

        assertThat(openSubtitles.tracks(HASH, 0, VIDEO, slow, unknown, List.of("en")))
                .isEmpty();
        piecesArrive.countDown();
        assertThat(openSubtitles.tracks(HASH, 0, VIDEO, slow, unknown, List.of("en")))
                .extracting(SubtitleTrack::id)
                .containsExactly("os-14");
    }

    @Test
    void downloadsOnceFetchesTheLinkAndServesValidWebVtt() throws IOException {
        stubSearch();
        server.stubFor(post(urlPathEqualTo("/api/v1/download"))
                .withHeader("Api-Key", equalTo("secret"))
                .withRequestBody(equalToJson("{\"file_id\": 12, \"sub_format\": \"srt\"}"))
                .willReturn(okJson(downloadAnswer(server.baseUrl() + "/files/abc/matrix.srt", 99))));
        String srt = "1\r\n00:00:01,000 --> 00:00:02,500\r\nDéjà vu, « très » bien <i>Neo</i>\r\n\r\n"
                + "2\r\n00:01:02,5 --> 00:01:04,000\r\nWake up.\r\n";
        server.stubFor(get(urlPathEqualTo("/files/abc/matrix.srt"))
                .willReturn(aResponse().withBody(srt.getBytes(Charset.forName("windows-1252")))));
        OpenSubtitles openSubtitles = service("secret");
        openSubtitles.tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en"));

        Path vtt = openSubtitles.vtt(HASH, 0, 12);
        openSubtitles.vtt(HASH, 0, 12);
        Path other = openSubtitlesForAnotherFile(openSubtitles);

        List<Cue> cues = WebVttParser.parse(Files.readString(vtt));
        assertThat(cues)
                .containsExactly(
                        new Cue(1000, 2500, "Déjà vu, « très » bien <i>Neo</i>"), new Cue(62_500, 64_000, "Wake up."));
        assertThat(Files.readString(other)).isEqualTo(Files.readString(vtt));
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/download")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/files/abc/matrix.srt")));
    }

    @Test
    void anIdNeverOfferedForTheFileIsNotDownloaded() {
        assertThatThrownBy(() -> service("secret").vtt(HASH, 0, 12))
                .isInstanceOf(OpenSubtitles.UnknownSubtitleException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aLinkNotOverHttpsIsRefused() {
        stubSearch();
        server.stubFor(post(urlPathEqualTo("/api/v1/download"))
                .willReturn(okJson(downloadAnswer("http://elsewhere.example/matrix.srt", 99))));
        OpenSubtitles openSubtitles = service("secret");
        openSubtitles.tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en"));

        assertThatThrownBy(() -> openSubtitles.vtt(HASH, 0, 12))
                .isInstanceOf(com.hypertube.web.client.ProviderException.class)
                .hasMessageContaining("HTTPS");
    }

    @Test
    void anExhaustedQuotaIsNotAskedAgainBeforeItsResetTime() {
        stubSearch();
        server.stubFor(post(urlPathEqualTo("/api/v1/download"))
                .willReturn(aResponse()
                        .withStatus(406)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"requests": 21, "remaining": -1,
                                 "message": "You have downloaded your allowed 20 subtitles for 24h.Your quota will be renewed in 02 hours and 00 minutes (2026-12-01 14:00:00 UTC) ",
                                 "reset_time": "02 hours and 00 minutes", "reset_time_utc": "2026-12-01T14:00:00.000Z"}
                                """)));
        OpenSubtitles openSubtitles = service("secret");
        openSubtitles.tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en"));

        assertThatThrownBy(() -> openSubtitles.vtt(HASH, 0, 12))
                .isInstanceOfSatisfying(
                        OpenSubtitlesClient.QuotaExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(2)));
        now.set(now.get().plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> openSubtitles.vtt(HASH, 0, 12))
                .isInstanceOfSatisfying(
                        OpenSubtitlesClient.QuotaExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/download")));

        now.set(Instant.parse("2026-12-01T14:00:01Z"));
        assertThatThrownBy(() -> openSubtitles.vtt(HASH, 0, 12))
                .isInstanceOf(OpenSubtitlesClient.QuotaExhaustedException.class);
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/download")));
    }

    @Test
    void theLastDownloadOfTheQuotaIsServedAndTheNextWaitsForTheReset() throws IOException {
        stubSearch();
        server.stubFor(post(urlPathEqualTo("/api/v1/download"))
                .willReturn(okJson(downloadAnswer(server.baseUrl() + "/files/abc/matrix.srt", 0))));
        server.stubFor(get(urlPathEqualTo("/files/abc/matrix.srt"))
                .willReturn(aResponse().withBody("1\n00:00:01,000 --> 00:00:02,000\nHi\n")));
        OpenSubtitles openSubtitles = service("secret");
        openSubtitles.tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en"));

        assertThat(openSubtitles.vtt(HASH, 0, 12)).exists();
        assertThatThrownBy(() -> openSubtitles.vtt(HASH, 0, 13))
                .isInstanceOf(OpenSubtitlesClient.QuotaExhaustedException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/download")));
    }

    @Test
    void aRefusedKeyTurnsOpenSubtitlesOffAndTheListStillAnswers() {
        server.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"You cannot consume this service\"}")));
        OpenSubtitles openSubtitles = service("wrong");

        assertThat(openSubtitles.tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en")))
                .isEmpty();
        assertThat(openSubtitles.tracks(HASH, 1, VIDEO, noFile(), MATRIX, List.of("fr")))
                .isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/subtitles")));
    }

    @Test
    void a429IsHonouredForAsLongAsItsRetryAfterSays() {
        server.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        OpenSubtitles openSubtitles = service("secret");

        assertThat(openSubtitles.tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en")))
                .isEmpty();
        now.set(now.get().plusSeconds(29));
        assertThat(openSubtitles.tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en")))
                .isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/subtitles")));

        now.set(now.get().plusSeconds(2));
        stubSearch();
        assertThat(openSubtitles.tracks(HASH, 0, VIDEO, noFile(), MATRIX, List.of("en")))
                .extracting(SubtitleTrack::id)
                .containsExactly("os-12", "os-13");
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/subtitles")));
    }

    @Test
    void withoutAnApiKeyNothingIsCalled() throws IOException {
        Path video = Files.write(temp.resolve("video.mkv"), new byte[200_000]);
        OpenSubtitles openSubtitles = service("");

        assertThat(openSubtitles.tracks(HASH, 0, VIDEO, timeout -> FileChannel.open(video), MATRIX, List.of("en")))
                .isEmpty();
        assertThatThrownBy(() -> openSubtitles.vtt(HASH, 0, 12))
                .isInstanceOf(OpenSubtitles.UnknownSubtitleException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private Path openSubtitlesForAnotherFile(OpenSubtitles openSubtitles) throws IOException {
        openSubtitles.tracks(HASH, 1, VIDEO, noFile(), MATRIX, List.of("en"));
        return openSubtitles.vtt(HASH, 1, 12);
    }

    private void stubSearch() {
        server.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .willReturn(okJson(searchAnswer(
                        result(12, "en", "The.Matrix.1999.1080p.BluRay.x264-GROUP", 100, false),
                        result(13, "en", "The.Matrix.1999.720p", 50_000, false)))));
    }

    private OpenSubtitles service(String apiKey) {
        OpenSubtitlesProperties settings = new OpenSubtitlesProperties(
                apiKey,
                URI.create(server.baseUrl() + "/api/v1"),
                "Hypertube v0.1",
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofHours(6),
                2);
        DownloadRoot root = mock(DownloadRoot.class);
        when(root.subtitle(anyString(), anyInt(), anyString())).thenAnswer(asked -> temp.resolve(".subtitles")
                .resolve(asked.<String>getArgument(0))
                .resolve(asked.<Integer>getArgument(1) + "-" + asked.getArgument(2) + ".vtt"));
        return new OpenSubtitles(new OpenSubtitlesClient(settings, clock), settings, root, clock);
    }

    private static OpenSubtitles.VideoFile noFile() {
        return timeout -> {
            throw new IOException("not there yet");
        };
    }

    private static String searchAnswer(String... results) {
        return """
                {"total_pages": 1, "total_count": %d, "per_page": 60, "page": 1, "data": [%s]}
                """.formatted(results.length, String.join(",", results));
    }

    private static String result(long fileId, String language, String release, long downloads, boolean hashMatch) {
        return """
                {"id": "%d", "type": "subtitle",
                 "attributes": {"subtitle_id": "%d", "language": "%s", "download_count": %d,
                   "new_download_count": 3, "hearing_impaired": false, "hd": true, "fps": 23.976, "votes": 0,
                   "ratings": 0, "from_trusted": true, "foreign_parts_only": false,
                   "upload_date": "2020-01-01T00:00:00Z", "ai_translated": false, "machine_translated": false,
                   "release": "%s", "comments": "", "legacy_subtitle_id": 1, "uploader": {"uploader_id": 1,
                   "name": "someone", "rank": "trusted"},
                   "feature_details": {"feature_id": 1, "feature_type": "Movie", "year": 1999,
                     "title": "The Matrix", "movie_name": "1999 - The Matrix", "imdb_id": 133093, "tmdb_id": 603},
                   "url": "https://www.opensubtitles.com/en/subtitles/legacy/1", "related_links": [],
                   "files": [{"file_id": %d, "cd_number": 1, "file_name": "%s.srt"}],
                   "moviehash_match": %s}}
                """.formatted(fileId + 1000, fileId + 1000, language, downloads, release, fileId, release, hashMatch);
    }

    private static String downloadAnswer(String link, int remaining) {
        return """
                {"link": "%s", "file_name": "matrix.srt", "requests": 1, "remaining": %d,
                 "message": "Your quota will be renewed in 02 hours and 00 minutes (2026-12-01 14:00:00 UTC) ",
                 "reset_time": "02 hours and 00 minutes", "reset_time_utc": "2026-12-01T14:00:00.000Z"}
                """.formatted(link, remaining);
    }
}
