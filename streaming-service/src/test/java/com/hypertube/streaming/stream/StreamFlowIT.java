package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.session.TorrentClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Press play on a magnet, end to end: the job row and the RabbitMQ download queue, the worker starting the
 * torrent in torrent-lib, metadata from a real seeder on 127.0.0.1 (our own torrent-lib), and the file
 * served with HTTP Range while it downloads, byte for byte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamFlowIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    com.hypertube.streaming.torrent.TorrentEngine torrentEngine;

    private Path showFolder;

    private TorrentClient seeder;
    private Metainfo metainfo;
    private byte[] movie;
    private String magnet;

    @BeforeAll
    void startASeeder() throws Exception {
        Path root = Files.createTempDirectory("seeder");
        Path show = Files.createDirectories(root.resolve("show"));
        showFolder = show;
        movie = new byte[3_000_000];
        new Random().nextBytes(movie); // new content each run: nothing comes from an earlier run's download folder
        Files.write(show.resolve("episode.mp4"), movie);
        Files.writeString(show.resolve("episode.srt"), "1\n00:00:01,000 --> 00:00:02,000\nHello\n");
        metainfo = Metainfo.parse(TorrentCreator.create(show, List.of(), 65_536));
        seeder = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(root)
                .build();
        seeder.add(metainfo);
        magnet = "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + seeder.port();
    }

    @AfterAll
    void stopTheSeeder() {
        seeder.close();
    }

    @Test
    void aMagnetIsStreamedWithRangesWhileItDownloadsAndItsJobCompletes() throws Exception {
        HttpResponse<String> started = post("{\"magnet\":\"" + magnet + "\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.body())
                .contains("\"infoHash\":\"" + metainfo.infoHash().hex() + "\"");
        String jobId = field(started.body(), "jobId");

        String description = awaitFiles();
        assertThat(description)
                .contains("\"jobId\":\"" + jobId + "\"")
                .contains("\"defaultFileIndex\":0")
                .contains(
                        "{\"index\":0,\"path\":\"show/episode.mp4\",\"size\":3000000,\"mimeType\":\"video/mp4\",\"playable\":true}")
                .contains("\"mimeType\":\"application/x-subrip\",\"playable\":false");

        HttpResponse<byte[]> middle = get("/api/stream/" + hash() + "/0", "bytes=1000000-1999999");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000000-1999999/3000000");
        assertThat(middle.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(middle.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(movie, 1_000_000, 2_000_000));

        HttpResponse<byte[]> tail = get("/api/stream/" + hash() + "/0", "bytes=-1000");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(movie, 2_999_000, 3_000_000));

        HttpResponse<byte[]> openEnded = get("/api/stream/" + hash() + "/0", "bytes=2999990-");
        assertThat(openEnded.headers().firstValue("Content-Range")).hasValue("bytes 2999990-2999999/3000000");
        assertThat(openEnded.body()).hasSize(10);

        HttpResponse<byte[]> whole = get("/api/stream/" + hash() + "/0", null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(movie);

        HttpResponse<byte[]> severalRanges = get("/api/stream/" + hash() + "/0", "bytes=0-1,5-6");
        assertThat(severalRanges.statusCode())
                .as("several ranges: the whole file")
                .isEqualTo(200);

        HttpResponse<byte[]> beyond = get("/api/stream/" + hash() + "/0", "bytes=3000000-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */3000000");
        assertThat(new String(beyond.body())).contains("urn:hypertube:problem:range-not-satisfiable");

        awaitJobStatus(jobId, "COMPLETED");

        // Seed 000's address serves the default file; a completed file has a tag that never changes.
        HttpResponse<byte[]> proxy = get("/stream/proxy/" + hash(), "bytes=0-9");
        assertThat(proxy.statusCode()).isEqualTo(206);
        assertThat(proxy.body()).isEqualTo(Arrays.copyOfRange(movie, 0, 10));
        String etag = proxy.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> unchanged = getWith("/api/stream/" + hash() + "/0", "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        String lastModified = proxy.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> notModifiedSince =
                getWith("/api/stream/" + hash() + "/0", "If-Modified-Since", lastModified);
        assertThat(notModifiedSince.statusCode()).isEqualTo(304);
        // If-Range: the range only for the current copy; a stale validator gets the whole file.
        HttpResponse<byte[]> sameCopy = getWith("/api/stream/" + hash() + "/0", "Range", "bytes=0-9", "If-Range", etag);
        HttpResponse<byte[]> staleCopy =
                getWith("/api/stream/" + hash() + "/0", "Range", "bytes=0-9", "If-Range", "\"some-other-version\"");
        assertThat(sameCopy.statusCode()).isEqualTo(206);
        assertThat(staleCopy.statusCode()).isEqualTo(200);
        assertThat(staleCopy.body()).isEqualTo(movie);

        // Seeing inside: the seeder among the peers, every piece had, and the metrics of what we served.
        String debug =
                new String(get("/api/torrents/" + hash() + "/debug", null).body());
        assertThat(debug)
                .contains("\"state\":\"SEEDING\"")
                .contains("\"pieces\":\"" + "1".repeat(metainfo.info().pieceCount()) + "\"")
                .contains("\"client\":\"Hypertube\"");
        String metrics = new String(get("/actuator/prometheus", null).body());
        assertThat(metrics)
                .contains("hypertube_torrents_active")
                .contains("hypertube_stream_first_byte_seconds_count")
                .contains("hypertube_torrent_bytes_downloaded_bytes_total");
        assertThat(get("/api/torrents/" + "cd".repeat(20) + "/debug", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anUploadedTorrentIsDescribedAtOnceAndStreamed() throws Exception {
        HttpResponse<String> uploaded = upload(TorrentCreator.create(showFolder, List.of(), 65_536));

        assertThat(uploaded.statusCode()).isEqualTo(202);
        assertThat(uploaded.body())
                .contains("\"infoHash\":\"" + hash() + "\"")
                .contains("\"path\":\"show/episode.mp4\"");
        seederIsKnownTo(hash());
        HttpResponse<byte[]> start = get("/api/stream/" + hash() + "/0", "bytes=0-99");
        assertThat(start.statusCode()).isEqualTo(206);
        assertThat(start.body()).isEqualTo(Arrays.copyOfRange(movie, 0, 100));
    }

    @Test
    void aViewerWaitingOnADownloadThatIsCancelledIsToldAtOnce() throws Exception {
        // A torrent nobody seeds: the viewer's request waits for its first piece.
        byte[] content = new byte[300_000];
        new Random().nextBytes(content);
        Path lonely = Files.write(Files.createTempDirectory("lonely").resolve("lonely.mp4"), content);
        byte[] torrent = TorrentCreator.create(lonely, List.of(), 65_536);
        Metainfo lonelyInfo = Metainfo.parse(torrent);
        String jobId = com.hypertube.streaming.support.ServiceClient.jobIdOf(
                upload(torrent).body());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> torrentEngine.find(lonelyInfo.infoHash()).isPresent());
        var viewer = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream/"
                                + lonelyInfo.infoHash().hex() + "/0"))
                        .header("Range", "bytes=0-99")
                        .header("X-User-Id", com.hypertube.streaming.support.ServiceClient.DEFAULT_USER.toString())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);

        long cancelled = System.nanoTime();
        HttpResponse<String> cancel = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/downloads/" + jobId))
                        .header("X-User-Id", com.hypertube.streaming.support.ServiceClient.DEFAULT_USER.toString())
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> answer = viewer.get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(cancel.statusCode()).isEqualTo(204);
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("urn:hypertube:problem:download-stopped");
        // Not the read timeout (60 s by default): the cancel itself ends the wait.
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(3));

        // Pressing play again brings the torrent back.
        assertThat(post("{\"infoHash\":\"" + lonelyInfo.infoHash().hex() + "\"}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(torrentEngine
                        .find(lonelyInfo.infoHash())
                        .orElseThrow()
                        .status()
                        .state())
                .isNotEqualTo(com.hypertube.torrent.session.TorrentState.PAUSED);
    }

    @Test
    void aHostileOrBrokenUploadIsRefusedWithTheReason() throws Exception {
        byte[] traversal = getClass()
                .getResourceAsStream("/hostile/path-traversal.torrent")
                .readAllBytes();

        HttpResponse<String> hostile = upload(traversal);
        HttpResponse<String> broken = upload("<html>".getBytes());

        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(hostile.body())
                .contains("urn:hypertube:problem:invalid-torrent")
                .contains("'..' in a file path");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("not a torrent file");
    }

    private HttpResponse<String> upload(byte[] torrent) throws Exception {
        return new com.hypertube.streaming.support.ServiceClient(port).upload(torrent);
    }

    // An uploaded torrent carries no peer: a second viewer's magnet tells the running torrent where one is.
    private void seederIsKnownTo(String infoHash) throws Exception {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> torrentEngine.find(metainfo.infoHash()).isPresent());
        assertThat(post("{\"magnet\":\"" + magnet + "\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void twoViewersReadFarApartPartsOfAFileWhileItDownloads() throws Exception {
        Path root = Files.createTempDirectory("big-seeder");
        byte[] film = new byte[12_000_000];
        new Random().nextBytes(film);
        Files.write(root.resolve("film.mkv"), film);
        Metainfo big = Metainfo.parse(TorrentCreator.create(root.resolve("film.mkv"), List.of(), 262_144));
        try (TorrentClient bigSeeder = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(root)
                .build()) {
            bigSeeder.add(big);
            String hash = big.infoHash().hex();
            post("{\"magnet\":\"magnet:?xt=urn:btih:" + hash + "&x.pe=127.0.0.1:" + bigSeeder.port() + "\"}");

            // Both ask at once, far apart: each waits for exactly its own pieces, neither for the other.
            try (var viewers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var early = viewers.submit(() -> get("/api/stream/" + hash + "/0", "bytes=1000000-1999999"));
                var late = viewers.submit(() -> get("/api/stream/" + hash + "/0", "bytes=9000000-9999999"));

                assertThat(early.get().statusCode()).isEqualTo(206);
                assertThat(early.get().body()).isEqualTo(Arrays.copyOfRange(film, 1_000_000, 2_000_000));
                assertThat(late.get().statusCode()).isEqualTo(206);
                assertThat(late.get().body()).isEqualTo(Arrays.copyOfRange(film, 9_000_000, 10_000_000));
            }
        }
    }

    @Test
    void twoViewersOfOneTorrentShareOneJob() throws Exception {
        String first = field(post("{\"infoHash\":\"" + hash() + "\"}").body(), "jobId");
        String second = field(post("{\"magnet\":\"" + magnet + "\"}").body(), "jobId");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void badRequestsGetClearProblems() throws Exception {
        HttpResponse<String> badMagnet = post("{\"magnet\":\"magnet:?xt=urn:btih:1234\"}");
        assertThat(badMagnet.statusCode()).isEqualTo(400);
        assertThat(badMagnet.body())
                .contains("urn:hypertube:problem:invalid-source")
                .contains("must be 40 hex or 32 base32 characters");

        HttpResponse<String> both = post("{\"magnet\":\"" + magnet + "\",\"infoHash\":\"" + hash() + "\"}");
        assertThat(both.statusCode()).isEqualTo(400);

        HttpResponse<String> notJson = post("not json");
        assertThat(notJson.statusCode()).isEqualTo(400);

        HttpResponse<byte[]> unknown = get("/api/stream/" + "ab".repeat(20) + "/0", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body())).contains("urn:hypertube:problem:unknown-torrent");

        HttpResponse<byte[]> badHash = get("/api/torrents/not-a-hash", null);
        assertThat(badHash.statusCode()).isEqualTo(400);

        post("{\"magnet\":\"" + magnet + "\"}");
        awaitFiles();
        HttpResponse<byte[]> noSuchFile = get("/api/stream/" + hash() + "/7", null);
        assertThat(noSuchFile.statusCode()).isEqualTo(404);
        assertThat(new String(noSuchFile.body()))
                .contains("urn:hypertube:problem:unknown-file")
                .contains("has 2");
    }

    private String hash() {
        return metainfo.infoHash().hex();
    }

    private String awaitFiles() {
        return await().alias("the torrent's files")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            HttpResponse<byte[]> response = get("/api/torrents/" + hash(), null);
                            return response.statusCode() == 200 ? new String(response.body()) : "";
                        },
                        body -> body.contains("\"path\""));
    }

    private void awaitJobStatus(String jobId, String status) {
        await().alias("job " + jobId + " " + status)
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> jdbc.sql("SELECT status FROM download_jobs WHERE id = ?::uuid")
                                .param(jobId)
                                .query(String.class)
                                .single(),
                        status::equals);
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream"))
                        .header("Content-Type", "application/json")
                        .header("X-User-Id", com.hypertube.streaming.support.ServiceClient.DEFAULT_USER.toString())
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String path, String range) throws IOException, InterruptedException {
        return range == null ? getWith(path) : getWith(path, "Range", range);
    }

    /** A GET with these headers, given as name, value, name, value… */
    private HttpResponse<byte[]> getWith(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-User-Id", com.hypertube.streaming.support.ServiceClient.DEFAULT_USER.toString());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }
}
