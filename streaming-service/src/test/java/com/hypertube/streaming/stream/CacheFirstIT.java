package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.torrent.TorrentEngine;
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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** A completed torrent is served from disk after the engine forgot it (a restart), with no peer left. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class CacheFirstIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TorrentEngine engine;

    @Test
    void aCompletedFileIsServedFromDiskWithoutTheSwarm() throws Exception {
        Path root = Files.createTempDirectory("seeder");
        byte[] film = new byte[800_000];
        new Random().nextBytes(film); // new content each run: nothing comes from an earlier run's download folder
        Files.write(root.resolve("film.webm"), film);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(root.resolve("film.webm"), List.of(), 32_768));
        String hash = metainfo.infoHash().hex();
        try (TorrentClient seeder = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(root)
                .build()) {
            seeder.add(metainfo);
            String body = send(
                            "POST",
                            "/api/stream",
                            "{\"magnet\":\"magnet:?xt=urn:btih:" + hash + "&x.pe=127.0.0.1:" + seeder.port() + "\"}",
                            null)
                    .body();
            String jobId = body.replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
            awaitCompleted(jobId);
        }
        // The seeder is gone; the engine forgets the torrent as a restart would (the data stays on disk).
        engine.find(metainfo.infoHash()).orElseThrow().remove(false);

        HttpResponse<String> description = send("GET", "/api/torrents/" + hash, null, null);
        HttpResponse<byte[]> range = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream/" + hash + "/0"))
                        .header("Range", "bytes=700000-")
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(description.body()).contains("\"path\":\"film.webm\"").contains("\"mimeType\":\"video/webm\"");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(film, 700_000, 800_000));
    }

    private void awaitCompleted(String jobId) throws Exception {
        String body = "";
        for (int i = 0; i < 150; i++) {
            body = send("GET", "/api/downloads/" + jobId, null, null).body();
            if (body.contains("\"status\":\"COMPLETED\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never completed: " + body);
    }

    private HttpResponse<String> send(String method, String path, String json, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
