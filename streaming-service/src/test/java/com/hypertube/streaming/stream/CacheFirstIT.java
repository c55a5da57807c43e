package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.storage.DownloadRoot;
import com.hypertube.streaming.support.LoopbackSeeder;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
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

/**
 * Seed 000's cache-first path: what is on disk is served from disk — a completed torrent after the engine
 * forgot it (a restart), and a film someone put into the download folder by hand — with no peer at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class CacheFirstIT {

    @LocalServerPort
    int port;

    @Autowired
    TorrentEngine engine;

    @Autowired
    DownloadRoot downloadRoot;

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
        HttpResponse<byte[]> range = service.range(hash, 0, "bytes=700000-", Duration.ofSeconds(20));

        assertThat(description.body()).contains("\"path\":\"film.webm\"").contains("\"mimeType\":\"video/webm\"");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(film, 700_000, 800_000));
    }

    @Test
    void aFilmPutIntoTheDownloadFolderByHandIsRecognisedAndServedWithoutAnyPeer() throws Exception {
        ServiceClient service = new ServiceClient(port);
        byte[] film = new byte[500_000];
        new Random().nextBytes(film);
        String name = "by-hand-" + System.nanoTime() + ".mkv";
        Path elsewhere = Files.write(Files.createTempDirectory("made-elsewhere").resolve(name), film);
        byte[] torrent = TorrentCreator.create(elsewhere, List.of(), 32_768);
        String hash = Metainfo.parse(torrent).infoHash().hex();
        // Copied in by the self-hoster where the torrent's data belongs (its own folder, named after its info
        // hash); then play is pressed on its .torrent.
        Files.copy(
                elsewhere,
                Files.createDirectories(downloadRoot.path().resolve(hash)).resolve(name));

        String jobId = ServiceClient.jobIdOf(service.upload(torrent).body());
        service.awaitJob(jobId, "COMPLETED");
        HttpResponse<byte[]> range = service.range(hash, 0, "bytes=100000-199999", Duration.ofSeconds(20));

        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("ETag")).isPresent(); // complete: served from disk, with validators
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(film, 100_000, 200_000));
        assertThat(engine.find(Metainfo.parse(torrent).infoHash())
                        .orElseThrow()
                        .status()
                        .downloadedBytes())
                .as("nothing downloaded: every piece was on disk already")
                .isZero();
    }
}
