package com.hypertube.streaming.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.session.TorrentClient;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Jobs as users see them, cancelling, and the reconciler that re-sends what was stuck or interrupted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class DownloadJobsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DownloadReconciler reconciler;

    @Test
    void aJobStuckInPendingIsSentAgainAndCompletesAndSaysItIsReady() throws Exception {
        Path root = Files.createTempDirectory("seeder");
        byte[] data = new byte[500_000];
        new Random().nextBytes(data); // new content each run: nothing comes from an earlier run's download folder
        Files.write(root.resolve("clip.mp4"), data);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(root.resolve("clip.mp4"), List.of(), 16_384));
        try (TorrentClient seeder = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(root)
                .build()) {
            seeder.add(metainfo);
            UUID id = UUID.randomUUID();
            // A job whose message was lost: its row is there, PENDING for a while, and nothing consumes it.
            jdbc.sql(
                            "INSERT INTO download_jobs (id, info_hash, source, status, created_at, updated_at)"
                                    + " VALUES (?, ?, ?, 'PENDING', now() - interval '5 minutes', now() - interval '5 minutes')")
                    .params(
                            id,
                            metainfo.infoHash().hex(),
                            "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + seeder.port())
                    .update();

            reconciler.resendStuckJobs();

            String view = awaitStatus(id, "COMPLETED");
            assertThat(view).contains("\"progress\":100").contains("\"readyToStream\":true");
            assertThat(get("/api/downloads").body()).contains(id.toString());
        }
    }

    @Test
    void aJobCanBeCancelledAndUnknownJobsAreProblems() throws Exception {
        // A torrent no peer has: the job stays unfinished until cancelled.
        String hash = java.util.HexFormat.of()
                .formatHex(java.nio.ByteBuffer.allocate(20)
                        .putLong(new Random().nextLong())
                        .putLong(new Random().nextLong())
                        .array());
        HttpResponse<String> started = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"infoHash\":\"" + hash + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String id = started.body().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> cancelled = send("DELETE", "/api/downloads/" + id);
        assertThat(cancelled.statusCode()).isEqualTo(204);
        assertThat(awaitStatus(UUID.fromString(id), "CANCELLED")).contains("\"readyToStream\":false");

        HttpResponse<String> unknown = send("DELETE", "/api/downloads/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:hypertube:problem:unknown-download");
        assertThat(get("/api/downloads/not-a-uuid").statusCode()).isEqualTo(400);
    }

    private String awaitStatus(UUID id, String status) throws Exception {
        String body = "";
        for (int i = 0; i < 150; i++) {
            body = get("/api/downloads/" + id).body();
            if (body.contains("\"status\":\"" + status + "\"")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " never became " + status + ": " + body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
