package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Press play on a magnet seeded by libtorrent (a client no one here wrote) on 127.0.0.1: the metadata
 * comes from it over ut_metadata, and the bytes of a range in the middle of the file arrive exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class LibtorrentSeederIT {

    private static final Path LT_PEER = Path.of("../torrent-lib/src/test/python/lt_peer.py");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aMagnetSeededByLibtorrentIsStreamedByteForByte() throws Exception {
        Path data = Files.createTempDirectory("lt-seed");
        byte[] film = new byte[2_500_000];
        new Random().nextBytes(film);
        Files.write(data.resolve("film.mp4"), film);
        Path torrent = Files.write(
                data.resolveSibling(data.getFileName() + ".torrent"),
                TorrentCreator.create(data.resolve("film.mp4"), List.of(), 65_536));
        String hash = Metainfo.parse(Files.readAllBytes(torrent)).infoHash().hex();
        int seederPort = freePort();
        Process seeder = new ProcessBuilder(
                        "/usr/bin/python3",
                        LT_PEER.toString(),
                        "seed",
                        torrent.toString(),
                        data.toString(),
                        String.valueOf(seederPort))
                .redirectErrorStream(true)
                .start();
        try {
            awaitReady(seeder);
            HttpResponse<String> started = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream"))
                            .header("Content-Type", "application/json")
                            .header("X-User-Id", com.hypertube.streaming.support.ServiceClient.DEFAULT_USER.toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"magnet\":\"magnet:?xt=urn:btih:" + hash
                                    + "&x.pe=127.0.0.1:" + seederPort + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).isEqualTo(202);

            HttpResponse<byte[]> middle =
                    new ServiceClient(port).range(hash, 0, "bytes=1200000-1299999", Duration.ofSeconds(30));

            assertThat(middle.statusCode()).isEqualTo(206);
            assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(film, 1_200_000, 1_300_000));
        } finally {
            seeder.destroy();
            seeder.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void awaitReady(Process seeder) throws Exception {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(seeder.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String line;
        while (System.nanoTime() < until && (line = lines.readLine()) != null) {
            said.append(line).append('\n');
            if (line.startsWith("READY")) {
                return;
            }
        }
        throw new AssertionError("the libtorrent seeder did not start: " + said);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
