package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.TorrentCreator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** A read that waits longer than the read timeout for data no peer sends: a clear 503, not a 500. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hypertube.streaming.torrent.read-timeout=1s")
@Import(TestInfrastructure.class)
class StalledStreamIT {

    @LocalServerPort
    int port;

    @Test
    void aRangeNoPeerDeliversInTimeIsAStalledProblemThatSaysToTryAgain() throws Exception {
        // A torrent nobody seeds: its metadata comes with the upload, its data from no one.
        byte[] content = new byte[200_000];
        new Random().nextBytes(content);
        Path film = Files.write(Files.createTempDirectory("stalled").resolve("film.mp4"), content);
        byte[] torrent = TorrentCreator.create(film, List.of(), 65_536);
        ServiceClient service = new ServiceClient(port);
        String body = service.upload(torrent).body();
        String hash = body.replaceAll(".*\"infoHash\":\"([0-9a-f]+)\".*", "$1");

        HttpResponse<byte[]> answer = service.range(hash, 0, "bytes=0-99", Duration.ofSeconds(30));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(answer.headers().firstValue("Content-Range")).isEmpty();
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .contains("urn:hypertube:problem:stream-stalled")
                .contains("\"infoHash\":\"" + hash + "\"");
    }
}
