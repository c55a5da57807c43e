package com.hypertube.system;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A power cut in the middle of a download: streaming-service is killed with SIGKILL while a slow seeder on
 * loopback feeds it, then started again on the same database and download folder. The job must finish
 * without being asked again, from the pieces already verified on disk, and the file must be whole.
 */
class StreamingRestartIT {

    /** Who the calls come as: the service trusts the gateway's identity headers here (no auth service). */
    private static final Map<String, String> AS_ADMIN =
            Map.of("X-User-Id", "00000000-0000-4000-8000-0000000ad000", "X-User-Roles", "admin");

    private static final Pattern PROGRESS = Pattern.compile("\"progress\":(\\d+)");

    private final Path root = Path.of(System.getProperty("hypertube.root", ".."));
    private final Path work = root.resolve("system-tests/target/restart");

    @Test
    void aDownloadKilledMidwayResumesFromItsVerifiedPiecesAfterARestart() throws Exception {
        byte[] film = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(film);
        Path seedFolder = Files.createDirectories(work.resolve("seed-" + System.nanoTime()));
        Path file = Files.write(seedFolder.resolve("restart-film.mp4"), film);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(file, List.of(), 65_536));
        Path downloads = Files.createDirectories(work.resolve("downloads-" + System.nanoTime()));
        Map<String, String> environment =
                new HashMap<>(ServerAddresses.forThisRun().serviceEnvironment());
        environment.put("HYPERTUBE_DOWNLOAD_ROOT", downloads.toString());
        environment.put("TORRENT_PORT", "0");
        environment.put("HYPERTUBE_SECURITY_IDENTITYFROM", "headers"); // no auth service here: trust the headers

        try (TorrentClient seeder = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(seedFolder)
                .uploadLimit(1024 * 1024) // 1 MiB/s: six seconds for the whole film
                .build()) {
            seeder.add(metainfo);
            String magnet = "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + seeder.port();

            ServiceProcess first = ServiceProcess.start(root, "streaming-service", environment, work.resolve("logs-1"));
            String jobId;
            int progressBeforeKill;
            try {
                first.awaitReady(Instant.now().plus(Duration.ofMinutes(3)));
                HttpResponse<String> play =
                        first.send("POST", "/api/stream", "{\"magnet\":\"" + magnet + "\"}", AS_ADMIN);
                assertThat(play.statusCode()).as(play.body()).isEqualTo(202);
                jobId = play.body().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
                progressBeforeKill = awaitProgress(first, jobId, 25, Duration.ofSeconds(60));
            } finally {
                first.kill();
            }
            assertThat(progressBeforeKill).isBetween(25, 99);

            ServiceProcess second =
                    ServiceProcess.start(root, "streaming-service", environment, work.resolve("logs-2"));
            try {
                second.awaitReady(Instant.now().plus(Duration.ofMinutes(3)));
                // Nobody presses play again: the reconciler resumes the unfinished job by itself.
                awaitProgress(second, jobId, 100, Duration.ofSeconds(90));
                HttpResponse<String> job = second.send("GET", "/api/downloads/" + jobId, null, AS_ADMIN);
                assertThat(job.body()).contains("\"status\":\"COMPLETED\"");
                assertThat(Files.readAllBytes(
                                downloads.resolve(metainfo.infoHash().hex()).resolve("restart-film.mp4")))
                        .isEqualTo(film);
                // Resumed, not started over: the second run fetched less than the whole film from the seeder.
                String debug = second.send(
                                "GET", "/api/torrents/" + metainfo.infoHash().hex() + "/debug", null, AS_ADMIN)
                        .body();
                long downloaded = Long.parseLong(debug.replaceAll(".*\"downloadedBytes\":(\\d+).*", "$1"));
                assertThat(downloaded).isLessThan(film.length);
            } finally {
                second.close();
            }
        }
    }

    private static int awaitProgress(ServiceProcess service, String jobId, int atLeast, Duration within) {
        return org.awaitility.Awaitility.await()
                .alias("job " + jobId + " at " + atLeast + " % or more")
                .atMost(within)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            Matcher matcher =
                                    PROGRESS.matcher(service.send("GET", "/api/downloads/" + jobId, null, AS_ADMIN)
                                            .body());
                            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
                        },
                        progress -> progress >= atLeast);
    }
}
