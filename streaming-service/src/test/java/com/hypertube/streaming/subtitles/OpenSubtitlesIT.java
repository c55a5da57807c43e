package com.hypertube.streaming.subtitles;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.hypertube.contract.events.Events;
import com.hypertube.contract.events.SubtitlesFoundEvent;
import com.hypertube.streaming.support.Clips;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.EventCapture;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.web.events.EventJson;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenSubtitles through the service's HTTP API, OpenSubtitles played by WireMock: its best files listed with the
 * torrent's, one served as WebVTT, and the next a 503 once the day's downloads are spent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class OpenSubtitlesIT {

    @Autowired
    ConnectionFactory connections;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WireMockServer OPENSUBTITLES = started();

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    private TorrentClient seeder;

    @DynamicPropertySource
    static void openSubtitles(DynamicPropertyRegistry registry) {
        registry.add("hypertube.opensubtitles.api-key", () -> "test-key");
        registry.add("hypertube.opensubtitles.api-url", () -> OPENSUBTITLES.baseUrl() + "/api/v1");
    }

    @AfterEach
    void stopTheSeeder() {
        if (seeder != null) {
            seeder.close();
        }
    }

    @AfterAll
    static void stopOpenSubtitles() {
        OPENSUBTITLES.stop();
    }

    @Test
    void listedWithTheOtherTracksServedAsWebVttThenA503OnceTheQuotaIsSpent() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("Film " + UUID.randomUUID()));
        Files.copy(Clips.mp4(), folder.resolve("The.Matrix.1999.1080p.mp4"));
        Files.writeString(folder.resolve("The.Matrix.1999.1080p.fr.srt"), "1\n00:00:01,000 --> 00:00:02,000\nSalut\n");
        String hash = download(folder);
        // Files are numbered in path order: the film (file 1) comes after its subtitle file.
        String base = "/api/stream/" + hash + "/1/subtitles";
        String reset = Instant.now()
                .plus(2, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        OPENSUBTITLES.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .withQueryParam("imdb_id", equalTo("133093"))
                .withQueryParam("languages", equalTo("en,fr"))
                .withHeader("Api-Key", equalTo("test-key"))
                .willReturn(okJson("""
                        {"total_pages": 1, "total_count": 3, "page": 1, "data": [
                          {"id": "1", "type": "subtitle", "attributes": {"language": "en", "download_count": 10,
                            "release": "The.Matrix.1999.1080p", "moviehash_match": false,
                            "files": [{"file_id": 12, "cd_number": 1, "file_name": "The.Matrix.srt"}]}},
                          {"id": "2", "type": "subtitle", "attributes": {"language": "fr", "download_count": 5,
                            "release": "The.Matrix.1999.DVDRip", "moviehash_match": false,
                            "files": [{"file_id": 21, "cd_number": 1, "file_name": "Matrix.fr.srt"}]}},
                          {"id": "3", "type": "subtitle", "attributes": {"language": "fr", "download_count": 5,
                            "release": "The.Matrix.1999.CD", "moviehash_match": false,
                            "files": [{"file_id": 22, "cd_number": 1}, {"file_id": 23, "cd_number": 2}]}}
                        ]}
                        """)));
        String moviehash = moviehash(folder.resolve("The.Matrix.1999.1080p.mp4"));
        OPENSUBTITLES.stubFor(get(urlPathEqualTo("/api/v1/subtitles"))
                .withQueryParam("moviehash", equalTo(moviehash))
                .willReturn(okJson("{\"total_pages\": 0, \"total_count\": 0, \"page\": 1, \"data\": []}")));
        OPENSUBTITLES.stubFor(post(urlPathEqualTo("/api/v1/download"))
                .willReturn(okJson("""
                        {"link": "%s/files/12.srt", "file_name": "The.Matrix.srt", "requests": 20, "remaining": 0,
                         "message": "Your quota will be renewed in 02 hours and 00 minutes",
                         "reset_time": "02 hours and 00 minutes", "reset_time_utc": "%s"}
                        """.formatted(OPENSUBTITLES.baseUrl(), reset))));
        OPENSUBTITLES.stubFor(get(urlPathEqualTo("/files/12.srt"))
                .willReturn(aResponse().withBody("1\r\n00:00:01,000 --> 00:00:02,000\r\nWake up, Neo.\r\n")));

        List<JsonNode> tracks;
        // Played for a title: media-service is told the languages OpenSubtitles has for it, once.
        try (EventCapture found = EventCapture.of(connections, Events.EXCHANGE, Events.SUBTITLES_FOUND)) {
            tracks = JSON.readTree(call(base + "?languages=fr&imdbId=tt0133093").body())
                    .valueStream()
                    .toList();
            SubtitlesFoundEvent event =
                    EventJson.read(found.next(Duration.ofSeconds(10)).orElseThrow(), SubtitlesFoundEvent.class);
            assertThat(event.imdbId()).isEqualTo("tt0133093");
            assertThat(event.season()).isZero();
            assertThat(event.languages())
                    .as("OpenSubtitles' only: the torrent's own fr file is not the title's")
                    .containsExactly("en", "fr");
            call(base + "?languages=fr&imdbId=tt0133093");
            assertThat(found.next(Duration.ofMillis(500)))
                    .as("the same news again")
                    .isEmpty();
        }

        assertThat(tracks)
                .extracting(track ->
                        track.path("id").asString() + " " + track.path("source").asString())
                .containsExactly("os-12 opensubtitles", "file-0 torrent", "os-21 opensubtitles");
        HttpResponse<String> vtt = call(base + "/os-12.vtt");
        assertThat(vtt.statusCode()).as(vtt.body()).isEqualTo(200);
        assertThat(vtt.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/vtt"));
        assertThat(WebVttParser.parse(vtt.body())).containsExactly(new Cue(1000, 2000, "Wake up, Neo."));
        assertThat(call(base + "/os-12.vtt").statusCode()).isEqualTo(200);

        HttpResponse<String> spent = call(base + "/os-21.vtt");
        assertThat(spent.statusCode()).as(spent.body()).isEqualTo(503);
        assertThat(spent.body()).contains("urn:hypertube:problem:subtitles-quota-exhausted");
        assertThat(spent.headers().firstValueAsLong("Retry-After").orElseThrow())
                .isBetween(7000L, 7200L);
        OPENSUBTITLES.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/download")));

        // What an administrator sees of the quota; nobody else may look.
        JsonNode quota = JSON.readTree(new ServiceClient(port)
                .sendAsAdmin("GET", "/api/stream/subtitles/quota", null)
                .body());
        assertThat(quota.path("enabled").asBoolean()).isTrue();
        assertThat(quota.path("remaining").asInt()).isZero();
        assertThat(quota.path("spentUntil").asString()).isEqualTo(reset);
        assertThat(call("/api/stream/subtitles/quota").statusCode()).isEqualTo(403);

        assertThat(call(base + "/os-99.vtt").statusCode()).isEqualTo(404);
        assertThat(call(base + "?imdbId=133093").body()).contains("urn:hypertube:problem:invalid-imdb-id");
        // Without an IMDb id the moviehash alone is searched (and found nothing here): the list still answers.
        assertThat(JSON.readTree(call(base).body()).valueStream().toList())
                .extracting(track -> track.path("id").asString())
                .containsExactly("file-0");
        // The hash was read through the torrent (its first and last 64 KiB), once, and searched once (then cached).
        OPENSUBTITLES.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/subtitles"))
                        .withQueryParam("moviehash", equalTo(moviehash))
                        .withQueryParam("languages", equalTo("en,fr")));
    }

    private static String moviehash(Path video) throws Exception {
        try (var file = java.nio.channels.FileChannel.open(video)) {
            return MovieHash.of(file).orElseThrow();
        }
    }

    private String download(Path folder) throws Exception {
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(folder, List.of(), 32_768));
        seeder = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(folder.getParent())
                .build();
        seeder.add(metainfo);
        ServiceClient service = new ServiceClient(port);
        String magnet = "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + seeder.port();
        service.awaitJob(service.play(magnet), "COMPLETED");
        return metainfo.infoHash().hex();
    }

    private HttpResponse<String> call(String path) throws Exception {
        return new ServiceClient(port).send("GET", path, null);
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }
}
