package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.streaming.conversion.ConversionJob;
import com.hypertube.streaming.conversion.ConversionJobs;
import com.hypertube.streaming.storage.DownloadRoot;
import com.hypertube.streaming.support.Clips;
import com.hypertube.streaming.support.Ffprobe;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.RequiresCommand;
import com.hypertube.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000's pre-populated cache: a video the administrator dropped into the download folder as
 * {@code {infoHash}-{name}.{ext}} plays at once for that hash — no peer, no metadata — and is probed, decided
 * and converted like any other; a file too small, or a link, is not taken.
 */
@RequiresCommand(
        value = {"ffmpeg", "ffprobe"},
        install = "apt-get install ffmpeg")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class PrepopulatedCacheIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DownloadRoot downloadRoot;

    @Autowired
    ConversionJobs conversions;

    @TempDir
    Path temp;

    @Test
    void aDroppedFilePlaysAtOnceAndIsConvertedLikeAnyOther() throws Exception {
        String hash = ServiceClient.randomInfoHash();
        Path dropped = Files.copy(Clips.mkvHevcAc3(), downloadRoot.path().resolve(hash + "-My Film (2024).mkv"));
        byte[] content = Files.readAllBytes(dropped);
        ServiceClient service = new ServiceClient(port);

        HttpResponse<String> pressed = service.send("POST", "/api/stream", "{\"infoHash\":\"" + hash + "\"}");
        assertThat(pressed.statusCode()).isEqualTo(202);
        JsonNode described = JSON.readTree(pressed.body());
        assertThat(described.path("status").asString()).isEqualTo("CACHED");
        assertThat(described.path("files").get(0).path("path").asString()).isEqualTo("My Film (2024).mkv");
        assertThat(described.path("files").get(0).path("size").asLong()).isEqualTo(content.length);

        HttpResponse<byte[]> proxied = service.bytes("/stream/proxy/" + hash, Duration.ofSeconds(10));
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(content);
        HttpResponse<byte[]> ranged = service.range(hash, 0, "bytes=1000-1999", Duration.ofSeconds(10));
        assertThat(ranged.statusCode()).isEqualTo(206);
        assertThat(ranged.body()).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));

        JsonNode decision = JSON.readTree(
                service.bytes("/api/stream/" + hash + "/0/playback?profile=chromium", Duration.ofSeconds(30))
                        .body());
        String base = "/api/stream/" + hash + "/0/hls/transcode/";
        if (decision.path("method").asString().equals("transcode")) { // the conversion may have finished already
            byte[] init =
                    service.bytes(base + "init.mp4", Duration.ofSeconds(30)).body();
            byte[] first = service.bytes(base + "0.m4s", Duration.ofSeconds(30)).body();
            assertThat(Ffprobe.streamsAndFormat(temp, init, first)
                            .path("streams")
                            .get(0)
                            .path("codec_name")
                            .asString())
                    .isEqualTo("h264");
        }

        ConversionJob job = await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> conversions.forFile(hash, 0),
                        found -> found.isPresent() && found.get().status() == ConversionJob.Status.DONE)
                .orElseThrow();
        assertThat(job.attempts()).isEqualTo(1);
        JsonNode converted = JSON.readTree(
                service.bytes("/api/stream/" + hash + "/0/playback?profile=chromium", Duration.ofSeconds(30))
                        .body());
        assertThat(converted.path("method").asString()).isEqualTo("direct");
        assertThat(converted.path("url").asString()).endsWith("/converted");
        assertThat(Files.readAllBytes(dropped))
                .as("the administrator's file is left as it is")
                .isEqualTo(content);
    }

    @Test
    void aFileTooSmallOrALinkIsNotTaken() throws Exception {
        String small = ServiceClient.randomInfoHash();
        Files.write(downloadRoot.path().resolve(small + "-sample.mp4"), new byte[100_000]);
        String linked = ServiceClient.randomInfoHash();
        Files.createSymbolicLink(downloadRoot.path().resolve(linked + "-film.mp4"), Clips.mp4());
        ServiceClient service = new ServiceClient(port);

        for (String hash : new String[] {small, linked}) {
            HttpResponse<byte[]> proxied = service.bytes("/stream/proxy/" + hash, Duration.ofSeconds(10));
            assertThat(proxied.statusCode()).isEqualTo(404);
            assertThat(new String(proxied.body())).contains("unknown-torrent");
        }
    }
}
