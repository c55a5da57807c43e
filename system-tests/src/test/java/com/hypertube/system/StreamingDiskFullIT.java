package com.hypertube.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hypertube.testinfra.ServerAddresses;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.session.TorrentClient;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A download folder that fills up, for real: a 3 MiB tmpfs under a 6 MiB download. The job must pause (not
 * fail) with the reason, then finish by itself once the folder has room again. Needs root to mount the
 * tmpfs (CI has it); elsewhere the test is skipped.
 */
class StreamingDiskFullIT {

    /** Who the calls come as: the service trusts the gateway's identity headers here (no auth service). */
    private static final Map<String, String> AS_ADMIN =
            Map.of("X-User-Id", "00000000-0000-4000-8000-0000000ad000", "X-User-Roles", "admin");

    private final Path root = Path.of(System.getProperty("hypertube.root", ".."));
    private final Path work = root.resolve("system-tests/target/disk-full");

    @Test
    void aDownloadPausesWhenItsDiskFillsUpAndFinishesOnceThereIsRoom() throws Exception {
        Path downloads = Files.createDirectories(work.resolve("downloads-" + System.nanoTime()));
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", downloads.toString()),
                "cannot mount a tmpfs here");
        try {
            byte[] film = new byte[6 * 1024 * 1024];
            new Random(11).nextBytes(film);
            Path seedFolder = Files.createDirectories(work.resolve("seed-" + System.nanoTime()));
            Path file = Files.write(seedFolder.resolve("big-film.mp4"), film);
            Metainfo metainfo = Metainfo.parse(TorrentCreator.create(file, List.of(), 65_536));
            Map<String, String> environment =
                    new HashMap<>(ServerAddresses.forThisRun().serviceEnvironment());
            environment.put("HYPERTUBE_DOWNLOAD_ROOT", downloads.toString());
            environment.put("TORRENT_PORT", "0");
            environment.put("HYPERTUBE_SECURITY_IDENTITYFROM", "headers"); // no auth service here
            environment.put("DOWNLOAD_RESUME_FREE_BYTES", String.valueOf(8 * 1024 * 1024));

            try (TorrentClient seeder = TorrentClient.builder()
                            .port(0)
                            .bindAddress(InetAddress.getLoopbackAddress())
                            .downloadRoot(seedFolder)
                            .build();
                    ServiceProcess streaming =
                            ServiceProcess.start(root, "streaming-service", environment, work.resolve("logs"))) {
                seeder.add(metainfo);
                streaming.awaitReady(Instant.now().plus(Duration.ofMinutes(3)));
                String magnet = "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + seeder.port();
                HttpResponse<String> play =
                        streaming.send("POST", "/api/stream", "{\"magnet\":\"" + magnet + "\"}", AS_ADMIN);
                assertThat(play.statusCode()).as(play.body()).isEqualTo(202);
                String jobId = play.body().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");

                String paused = awaitStatus(streaming, jobId, "PAUSED", Duration.ofSeconds(60));
                assertThat(paused).contains("No space left on device");

                // Room again (the folder grows to 16 MiB): within the watch's 30 s round, the job goes on.
                assertThat(run("mount", "-o", "remount,size=16m", downloads.toString()))
                        .isTrue();
                awaitStatus(streaming, jobId, "COMPLETED", Duration.ofSeconds(90));
                assertThat(Files.readAllBytes(
                                downloads.resolve(metainfo.infoHash().hex()).resolve("big-film.mp4")))
                        .isEqualTo(film);
            }
        } finally {
            run("umount", "-l", downloads.toString());
        }
    }

    private static String awaitStatus(ServiceProcess service, String jobId, String status, Duration within) {
        return org.awaitility.Awaitility.await()
                .alias("job " + jobId + " " + status)
                .atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> service.send("GET", "/api/downloads/" + jobId, null, AS_ADMIN)
                                .body(),
                        body -> body.contains("\"status\":\"" + status + "\""));
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
