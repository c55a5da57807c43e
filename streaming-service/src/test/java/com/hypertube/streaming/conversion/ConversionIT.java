package com.hypertube.streaming.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.storage.DownloadRoot;
import com.hypertube.streaming.support.Clips;
import com.hypertube.streaming.support.Ffprobe;
import com.hypertube.streaming.support.LoopbackSeeder;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.RequiresCommand;
import com.hypertube.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversion queue with the real ffmpeg: a completed download no common browser plays gets a checked,
 * faststart MP4 copy that is then played directly; one that plays everywhere gets none; a truncated file fails
 * with the reason; a conversion whose ffmpeg is killed is tried again, and one killed every time ends FAILED
 * with its message in the dead-letter queue.
 */
@RequiresCommand(
        value = {"ffmpeg", "ffprobe"},
        install = "apt-get install ffmpeg")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class ConversionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ConversionJobs jobs;

    @Autowired
    DownloadRoot downloadRoot;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    StreamingProperties properties;

    @TempDir
    Path temp;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aCompletedHevcDownloadGetsABrowserReadyCopyThatThenPlaysDirectly() throws Exception {
        String hash = download(Clips.mkvHevcAc3(), "film.mkv");

        ConversionJob job = awaitFinished(hash);
        assertThat(job.status()).as(job.reason()).isEqualTo(ConversionJob.Status.DONE);
        assertThat(job.attempts()).isEqualTo(1);
        Path copy = downloadRoot.convertedCopy(hash, 0);
        byte[] bytes = Files.readAllBytes(copy);
        JsonNode probed = Ffprobe.streamsAndFormat(temp, bytes);
        assertThat(probed.path("streams").valueStream().map(s -> s.path("codec_name")
                        .asString()))
                .containsExactly("h264", "aac");
        assertThat(probed.path("format").path("duration").asDouble()).isCloseTo(12.0, within(0.5));
        assertThat(topLevelBoxes(bytes))
                .as("faststart: the index before the data")
                .containsSubsequence("moov", "mdat");
        try (Stream<Path> left = Files.list(copy.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("0.mp4");
        }

        JsonNode decision =
                JSON.readTree(get("/api/stream/" + hash + "/0/playback").body());
        assertThat(decision.path("method").asString()).isEqualTo("direct");
        assertThat(decision.path("url").asString()).isEqualTo("/api/stream/" + hash + "/0/converted");
        HttpResponse<byte[]> head =
                new ServiceClient(port).bytes("/api/stream/" + hash + "/0/converted", Duration.ofSeconds(10));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEqualTo(bytes);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("video/mp4");
    }

    @Test
    void aFileThatPlaysEverywhereIsNotConverted() throws Exception {
        String hash = download(Clips.mp4(), "film.mp4");

        // The planner probes it (the probe is stored), and then decides there is nothing to do.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/torrents/" + hash).body().contains("\"media\":"));
        assertThat(jobs.forFile(hash, 0)).isEmpty();
        assertThat(get("/api/stream/" + hash + "/0/converted").statusCode()).isEqualTo(404);
    }

    @Test
    void aTruncatedFileFailsWithTheReasonAndLeavesNothingBehind() throws Exception {
        String hash = download(Clips.mkvTruncated(), "broken.mkv");

        ConversionJob job = awaitFinished(hash);
        assertThat(job.status()).isEqualTo(ConversionJob.Status.FAILED);
        assertThat(job.reason()).contains("the file ends early").doesNotContain("/");
        assertThat(job.attempts()).as("the file's own fault: not tried again").isEqualTo(1);
        assertThat(downloadRoot.convertedCopy(hash, 0)).doesNotExist();
        try (Stream<Path> left = Files.list(downloadRoot.convertedCopy(hash, 0).getParent())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aConversionWhoseFfmpegIsKilledIsTriedAgain() throws Exception {
        AtomicInteger kills = new AtomicInteger();
        String hash = download(Clips.mkvHevcAc3Longer(), "long.mkv");
        killConversions(hash, 1, kills);

        ConversionJob job = awaitFinished(hash);
        assertThat(kills).hasValue(1);
        assertThat(job.status()).as(job.reason()).isEqualTo(ConversionJob.Status.DONE);
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(downloadRoot.convertedCopy(hash, 0)).exists();
    }

    @Test
    void aConversionKilledEveryTimeFailsAndGoesToTheDeadLetterQueue() throws Exception {
        AtomicInteger kills = new AtomicInteger();
        String hash = download(Clips.mkvHevcAc3Longer(), "doomed.mkv");
        killConversions(hash, 3, kills);

        ConversionJob job = awaitFinished(hash);
        assertThat(job.status()).isEqualTo(ConversionJob.Status.FAILED);
        assertThat(job.reason()).contains("ffmpeg was stopped").contains("3 attempts");
        Object dead = rabbit.receiveAndConvert(properties.messaging().conversionQueue() + ".dlq", 10_000);
        assertThat(dead).isEqualTo(job.id().toString());
    }

    /** A new torrent of the clip (a new info hash each run), downloaded to the end from a loopback seeder. */
    private String download(Path clip, String name) throws Exception {
        LoopbackSeeder seeder = LoopbackSeeder.ofFile(clip, UUID.randomUUID() + "-" + name, 64 * 1024);
        toClose.add(seeder);
        ServiceClient service = new ServiceClient(port);
        String job = service.play(seeder.magnet());
        service.awaitJob(job, "COMPLETED");
        return seeder.infoHash();
    }

    private ConversionJob awaitFinished(String hash) {
        return await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> jobs.forFile(hash, 0),
                        job -> job.isPresent()
                                && (job.get().status() == ConversionJob.Status.DONE
                                        || job.get().status() == ConversionJob.Status.FAILED))
                .orElseThrow();
    }

    /** Kills the ffmpeg converting this torrent's file, {@code times} times, as soon as each one shows up. */
    private void killConversions(String hash, int times, AtomicInteger kills) {
        AtomicBoolean done = new AtomicBoolean();
        toClose.add(() -> done.set(true));
        Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!done.get() && kills.get() < times && System.nanoTime() < deadline) {
                Optional<ProcessHandle> converting = ProcessHandle.allProcesses()
                        .filter(process -> process.info()
                                .commandLine()
                                .map(line -> line.contains(".partial.mp4") && line.contains(hash))
                                .orElse(false))
                        .findFirst();
                if (converting.isPresent() && converting.get().destroyForcibly()) {
                    converting.get().onExit().join();
                    kills.incrementAndGet();
                }
                Thread.onSpinWait();
            }
        });
    }

    private static List<String> topLevelBoxes(byte[] mp4) {
        List<String> boxes = new ArrayList<>();
        int at = 0;
        while (at + 8 <= mp4.length) {
            long size = ((mp4[at] & 0xffL) << 24)
                    | ((mp4[at + 1] & 0xffL) << 16)
                    | ((mp4[at + 2] & 0xffL) << 8)
                    | (mp4[at + 3] & 0xffL);
            boxes.add(new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1));
            if (size < 8) {
                break;
            }
            at += (int) size;
        }
        return boxes;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return new ServiceClient(port).send("GET", path, null);
    }
}
