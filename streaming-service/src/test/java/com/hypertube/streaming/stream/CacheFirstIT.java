package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.support.LoopbackSeeder;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** A completed torrent is served from disk after the engine forgot it (a restart), with no peer left. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class CacheFirstIT {

    @LocalServerPort
    int port;

    @Autowired
    TorrentEngine engine;

    @Test
    void aCompletedFileIsServedFromDiskWithoutTheSwarm() throws Exception {
        ServiceClient service = new ServiceClient(port);
        Metainfo metainfo;
        byte[] film;
        try (LoopbackSeeder seeder = LoopbackSeeder.of("film.webm", 800_000, 32_768)) {
            metainfo = seeder.metainfo();
            film = seeder.content();
            service.awaitJob(service.play(seeder.magnet()), "COMPLETED");
        }
        // The seeder is gone; the engine forgets the torrent as a restart would (the data stays on disk).
        engine.find(metainfo.infoHash()).orElseThrow().remove(false);
        String hash = metainfo.infoHash().hex();

        HttpResponse<String> description = service.send("GET", "/api/torrents/" + hash, null);
        HttpResponse<byte[]> range = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream/" + hash + "/0"))
                                .header("Range", "bytes=700000-")
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(description.body()).contains("\"path\":\"film.webm\"").contains("\"mimeType\":\"video/webm\"");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(film, 700_000, 800_000));
    }
}
