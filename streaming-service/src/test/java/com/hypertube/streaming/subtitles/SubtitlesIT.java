package com.hypertube.streaming.subtitles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.contract.events.Events;
import com.hypertube.streaming.storage.DownloadRoot;
import com.hypertube.streaming.support.Clips;
import com.hypertube.streaming.support.LoopbackSeeder;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.EventCapture;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.net.LinkProxy;
import com.hypertube.torrent.session.TorrentClient;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A film's subtitles from everywhere the torrent has them, with the real ffmpeg: a styled ASS track and a SubRip
 * track inside the Matroska file, a mov_text track inside an MP4, and subtitle files beside the film in
 * Windows-1252, UTF-16 with a byte-order mark, UTF-8 with CRLF and ASS — each served as WebVTT that a strict
 * parser accepts, in the viewer's languages first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class SubtitlesIT {

    @Autowired
    ConnectionFactory connections;

    @Autowired
    DownloadRoot downloadRoot;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    private TorrentClient seeder;

    @AfterEach
    void stopTheSeeder() {
        if (seeder != null) {
            seeder.close();
        }
    }

    @Test
    void everyTextTrackIsServedAsWebVttTheViewersLanguagesFirst() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("Film " + UUID.randomUUID()));
        Files.copy(Clips.mkvWithAssAndSrtSubtitles(), folder.resolve("Film.mkv"));
        String french = "1\n00:00:01,000 --> 00:00:02,500\nÇa a été déjà vu, « très » bien — 5 €\n";
        Files.write(folder.resolve("Film.fr.srt"), french.getBytes(Charset.forName("windows-1252")));
        String spanish = "1\r\n00:00:01,000 --> 00:00:02,000\r\n¿Qué tal, señor?\r\n";
        Files.write(folder.resolve("Film.es.srt"), withBom(spanish.getBytes(StandardCharsets.UTF_16LE)));
        Files.write(
                folder.resolve("Film.en.srt"),
                "1\r\n00:00:01,000 --> 00:00:02,000\r\nHello there\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve("Film.it.ass"), Clips.STYLED_ASS);
        String hash = download(folder);
        // Files are numbered in path order: the film comes after its subtitle files.
        int film = JSON.readTree(get("/api/torrents/" + hash).body())
                .path("defaultFileIndex")
                .asInt();
        assertThat(film).isEqualTo(4);
        String base = "/api/stream/" + hash + "/" + film + "/subtitles";

        List<JsonNode> tracks =
                JSON.readTree(get(base + "?languages=fr").body()).valueStream().toList();
        Map<String, JsonNode> byId =
                tracks.stream().collect(Collectors.toMap(t -> t.path("id").asString(), t -> t));
        assertThat(tracks.stream().map(t -> t.path("language").asString()).limit(3))
                .as("English first, then French: " + tracks)
                .containsExactly("en", "en", "fr");
        assertThat(tracks)
                .hasSize(6)
                .allSatisfy(track -> assertThat(track.path("text").asBoolean()).isTrue());

        JsonNode embeddedFrench = tracks.stream()
                .filter(t -> t.path("source").asString().equals("embedded")
                        && t.path("language").asString().equals("fr"))
                .findFirst()
                .orElseThrow();
        assertThat(embeddedFrench.path("isDefault").asBoolean()).isTrue();
        List<Cue> ass = vtt(base + "/" + embeddedFrench.path("id").asString() + ".vtt");
        // The clip's muxing put its events 21 ms late: what counts is that their lengths come out exact.
        assertThat(ass).hasSize(2);
        assertThat(ass.getFirst().startMillis()).isBetween(1000L, 1050L);
        assertThat(ass.getFirst().endMillis() - ass.getFirst().startMillis()).isEqualTo(2500);
        assertThat(ass.get(1).endMillis() - ass.get(1).startMillis()).isEqualTo(1750);
        assertThat(ass.getFirst().text()).isEqualTo("Bonjour <i>tout</i> le monde");
        assertThat(ass.get(1).text()).isEqualTo("Deuxième\nligne");

        assertThat(vtt(base + "/" + idOfFile(byId, "fr") + ".vtt").getFirst().text())
                .isEqualTo("Ça a été déjà vu, « très » bien — 5 €");
        assertThat(vtt(base + "/" + idOfFile(byId, "es") + ".vtt").getFirst().text())
                .isEqualTo("¿Qué tal, señor?");
        assertThat(vtt(base + "/" + idOfFile(byId, "en") + ".vtt").getFirst().text())
                .isEqualTo("Hello there");
        assertThat(vtt(base + "/" + idOfFile(byId, "it") + ".vtt")).hasSize(2);

        assertProblem(get(base + "/file-99.vtt"), 404, "unknown-subtitle");
        assertProblem(get(base + "?languages=french"), 400, "invalid-languages");

        // A torrent's own tracks say nothing of which title the player claims it is: media-service is not told.
        try (EventCapture found = EventCapture.of(connections, Events.EXCHANGE, Events.SUBTITLES_FOUND)) {
            assertThat(get(base + "?imdbId=tt0133093").statusCode()).isEqualTo(200);
            assertThat(found.next(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aMovTextTrackInAnMp4() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("Clip " + UUID.randomUUID()));
        Files.copy(Clips.mp4WithMovText(), folder.resolve("Clip.mp4"));
        String hash = download(folder);

        List<JsonNode> tracks = JSON.readTree(
                        get("/api/stream/" + hash + "/0/subtitles").body())
                .valueStream()
                .toList();
        assertThat(tracks).singleElement().satisfies(track -> assertThat(
                        track.path("language").asString())
                .isEqualTo("en"));
        List<Cue> cues = vtt("/api/stream/" + hash + "/0/subtitles/"
                + tracks.getFirst().path("id").asString() + ".vtt");
        assertThat(cues).extracting(Cue::text).containsExactly("Hello", "World");
    }

    @Test
    void aTrackInsideAFilmStillDownloadingIsServedAsFarAsTheDownloadHasGotThenWhole() throws Exception {
        // A minute of 720p with a cue every 5 s (about 30 MB), from a seeder 25 ms away at 2 MB/s: some 15 s.
        try (LoopbackSeeder seeder =
                        LoopbackSeeder.ofFile(Clips.realisticWithSubtitles(), UUID.randomUUID() + ".mkv", 256 * 1024);
                LinkProxy link = LinkProxy.to(seeder.port())
                        .oneWayDelay(Duration.ofMillis(25))
                        .rate(2_000_000, 2_000_000)
                        .start()) {
            ServiceClient service = new ServiceClient(port);
            String job = service.play("magnet:?xt=urn:btih:" + seeder.infoHash() + "&x.pe=127.0.0.1:" + link.port());
            String base = "/api/stream/" + seeder.infoHash() + "/0/subtitles";

            JsonNode listed = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> JSON.readTree(get(base).body())
                                    .valueStream()
                                    .filter(track -> track.path("id").asString().equals("embedded-2"))
                                    .findFirst()
                                    .orElse(null),
                            track -> track != null && track.path("ready").asBoolean());
            assertThat(listed.path("complete").asBoolean())
                    .as("listed while downloading: " + listed)
                    .isFalse();

            HttpResponse<String> soFar = get(base + "/embedded-2.vtt");
            assertThat(soFar.statusCode()).as(soFar.body()).isEqualTo(200);
            assertThat(soFar.headers().firstValue("Cache-Control")).hasValue("no-store");
            List<Cue> early = WebVttParser.parse(soFar.body());
            assertThat(early)
                    .as("the first cues, not all twelve: the download has just begun")
                    .isNotEmpty()
                    .hasSizeLessThan(12);
            assertThat(early.getFirst().text()).isEqualTo("Line 1");

            service.awaitJob(job, "COMPLETED");
            HttpResponse<String> whole = get(base + "/embedded-2.vtt");
            try (var left =
                    Files.walk(downloadRoot.subtitle(seeder.infoHash(), 0, "x").getParent())) {
                assertThat(left.map(path -> path.getFileName().toString()))
                        .as("the track so far goes once the whole track is made")
                        .contains("0-embedded-2.vtt")
                        .doesNotContain("0-embedded-2-so-far.vtt");
            }
            assertThat(whole.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600");
            assertThat(WebVttParser.parse(whole.body()))
                    .extracting(Cue::text)
                    .hasSize(12)
                    .startsWith(early.stream().map(Cue::text).toArray(String[]::new));
            JsonNode complete = JSON.readTree(get(base).body())
                    .valueStream()
                    .filter(track -> track.path("id").asString().equals("embedded-2"))
                    .findFirst()
                    .orElseThrow();
            assertThat(complete.path("complete").asBoolean()).isTrue();
        }
    }

    private static String idOfFile(Map<String, JsonNode> byId, String language) {
        return byId.values().stream()
                .filter(t -> t.path("source").asString().equals("torrent")
                        && t.path("language").asString().equals(language))
                .map(t -> t.path("id").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + language + " file in " + byId.keySet()));
    }

    private List<Cue> vtt(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/vtt"));
        return WebVttParser.parse(response.body());
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

    private static byte[] withBom(byte[] utf16le) {
        byte[] bytes = new byte[utf16le.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(utf16le, 0, bytes, 2, utf16le.length);
        return bytes;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("urn:hypertube:problem:" + type);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return new ServiceClient(port).send("GET", path, null);
    }
}
