package com.hypertube.streaming.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.support.LoopbackSeeder;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The clean-up rules, run "in the future" by handing the janitor a later time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class JanitorIT {

    @LocalServerPort
    int port;

    @Autowired
    Janitor janitor;

    @Autowired
    TorrentEngine engine;

    @Autowired
    DownloadRoot downloadRoot;

    @Autowired
    StreamingProperties properties;

    @Test
    void idleTorrentsStopUnwatchedFilesGoAndAFileBeingStreamedIsNeverTouched() throws Exception {
        Metainfo watched = downloadAndWatch("kept.mp4");
        Metainfo streaming = downloadAndWatch("playing.mp4");
        Path keptFile = fileOf(watched, "kept.mp4");
        Path playingFile = fileOf(streaming, "playing.mp4");

        try (TorrentFileReader viewer =
                engine.find(streaming.infoHash()).orElseThrow().openFile(0, Duration.ofSeconds(5))) {
            viewer.position(1_000); // someone is watching it right now

            janitor.cleanUp(
                    Instant.now().plus(properties.cleanup().idleTorrentAfter()).plusSeconds(60));
            assertThat(running(watched)).as("idle: swarm activity stopped").isFalse();
            assertThat(keptFile).as("files of idle torrents are kept").exists();
            assertThat(running(streaming)).as("being streamed").isTrue();

            janitor.cleanUp(Instant.now()
                    .plus(properties.cleanup().deleteUnwatchedAfter())
                    .plusSeconds(60));
            assertThat(keptFile).as("unwatched for too long").doesNotExist();
            assertThat(keptFile.getParent())
                    .as("and its torrent's folder, left empty")
                    .doesNotExist();
            assertThat(playingFile).as("being streamed: never deleted").exists();
        }
    }

    @Test
    void overTheQuotaTheLeastRecentlyWatchedGoFirst() throws Exception {
        Path older = fileOf(downloadAndWatch("older.mp4"), "older.mp4");
        Thread.sleep(20);
        Path newer = fileOf(downloadAndWatch("newer.mp4"), "newer.mp4");

        janitor.enforceQuota(Files.size(newer));

        assertThat(older).doesNotExist();
        assertThat(newer).exists();
    }

    /** Hardening issue, finding 4: a download nobody streams is under the same rules, and so is its saved info. */
    @Test
    void aDownloadNobodyStreamedIsAgedOutWithItsSavedInfo() throws Exception {
        ServiceClient service = new ServiceClient(port);
        Metainfo unwatched;
        try (LoopbackSeeder seeder = LoopbackSeeder.of("never-played.mp4", 200_000, 16_384)) {
            service.awaitJob(service.play(seeder.magnet()), "COMPLETED");
            unwatched = seeder.metainfo();
        }
        Path file = fileOf(unwatched, "never-played.mp4");
        Path savedInfo = downloadRoot
                .path()
                .resolve(".torrents")
                .resolve(unwatched.infoHash().hex() + ".info");
        assertThat(file).exists();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(savedInfo));

        janitor.cleanUp(
                Instant.now().plus(properties.cleanup().deleteUnwatchedAfter()).plusSeconds(60));

        assertThat(file).as("never streamed, and old").doesNotExist();
        assertThat(savedInfo).as("the saved info of data that is gone").doesNotExist();
    }

    /** Where the service keeps a file of a torrent: in the torrent's own folder, named after its hash. */
    private Path fileOf(Metainfo metainfo, String name) {
        return downloadRoot.path().resolve(metainfo.infoHash().hex()).resolve(name);
    }

    private boolean running(Metainfo metainfo) {
        return engine.torrents().stream().anyMatch(torrent -> torrent.infoHash().equals(metainfo.infoHash()));
    }

    /** Downloads a one-file torrent from a seeder through the service, and streams a little of it. */
    private Metainfo downloadAndWatch(String name) throws Exception {
        ServiceClient service = new ServiceClient(port);
        try (LoopbackSeeder seeder = LoopbackSeeder.of(name, 200_000, 16_384)) {
            String job = service.play(seeder.magnet());
            assertThat(service.send("GET", "/api/stream/" + seeder.infoHash() + "/0", null)
                            .statusCode())
                    .isEqualTo(200);
            service.awaitJob(job, "COMPLETED");
            return seeder.metainfo();
        }
    }
}
