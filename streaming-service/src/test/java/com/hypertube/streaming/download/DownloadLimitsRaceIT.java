package com.hypertube.streaming.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The download limits under pressure (review of the hardening work): presses of play in parallel cannot slip
 * past a user's limit, a refused upload leaves no saved torrent behind, and an admin can stop anyone's job.
 */
@Tag("security")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hypertube.streaming.limits.active-downloads-per-user=2",
            "hypertube.streaming.limits.active-downloads=100",
            "hypertube.streaming.torrent.no-peers-timeout=60s"
        })
@Import(TestInfrastructure.class)
class DownloadLimitsRaceIT {

    @LocalServerPort
    int port;

    @Autowired
    com.hypertube.streaming.torrent.TorrentEngine engine;

    @TempDir
    Path temp;

    @Test
    void twentyParallelPressesOfPlayStartAtMostTheUsersLimit() throws Exception {
        UUID user = UUID.randomUUID();
        List<Callable<Integer>> presses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            presses.add(() -> service()
                    .sendAs(user, "POST", "/api/stream", "{\"infoHash\":\"" + ServiceClient.randomInfoHash() + "\"}")
                    .statusCode());
        }
        int accepted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<Integer> status : pool.invokeAll(presses)) {
                accepted += status.get() == 202 ? 1 : 0;
            }
        }
        assertThat(accepted).isEqualTo(2);
    }

    @Test
    void aRefusedUploadLeavesNoSavedTorrentAndAnAdminStopsAnyonesJob() throws Exception {
        UUID user = UUID.randomUUID();
        String first = ServiceClient.jobIdOf(service()
                .sendAs(user, "POST", "/api/stream", "{\"infoHash\":\"" + ServiceClient.randomInfoHash() + "\"}")
                .body());
        assertThat(service()
                        .sendAs(
                                user,
                                "POST",
                                "/api/stream",
                                "{\"infoHash\":\"" + ServiceClient.randomInfoHash() + "\"}")
                        .statusCode())
                .isEqualTo(202);
        Files.write(temp.resolve("film.mp4"), new byte[100_000]);
        byte[] torrent = TorrentCreator.create(temp.resolve("film.mp4"), List.of(), 16_384);
        Metainfo metainfo = Metainfo.parse(torrent);

        HttpResponse<String> refused = new ServiceClient(port).uploadAs(user, torrent);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(engine.isSaved(metainfo.infoHash()))
                .as("the refused upload's info")
                .isFalse();

        assertThat(service()
                        .sendAsAdmin("DELETE", "/api/downloads/" + first, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(service().awaitJob(first, "CANCELLED")).contains("CANCELLED");
    }

    private ServiceClient service() {
        return new ServiceClient(port);
    }
}
