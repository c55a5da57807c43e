package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.net.LinkProxy;
import com.hypertube.torrent.session.TorrentClient;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Pressing play on a magnet whose peers are where real peers are: 100–300 ms round trips, a few MB/s each,
 * and one that stalls mid-piece ({@link LinkProxy}, torrent-lib's realistic-network harness). The metadata,
 * the first bytes, a seek to 70 % and then the whole file arrive byte-exact within the bounds below; the
 * times are printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class RealisticNetworkStreamIT {

    private static final int SIZE = 6 * 1024 * 1024;
    private static final int PIECE = 256 * 1024;
    private static final int MB = 1_000_000;

    @TempDir
    Path temp;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aMagnetPlaysFromTheStartAndAfterASeekAndEndsByteExact() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(7).nextBytes(content);
        Path root = Files.createDirectories(temp.resolve("seed"));
        Files.write(root.resolve("film.mp4"), content);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(root.resolve("film.mp4"), List.of(), PIECE));
        String hash = metainfo.infoHash().hex();
        StringBuilder magnet = new StringBuilder("magnet:?xt=urn:btih:" + hash);
        // One-way delays 50, 100, 150 ms (round trips 100–300 ms); the fast one stalls after 1 MiB.
        long[][] links = {{50, 2 * MB, 0}, {100, 3 * MB, 0}, {150, 5 * MB, 1024 * 1024}};
        for (long[] link : links) {
            TorrentClient seeder = TorrentClient.builder()
                    .port(0)
                    .bindAddress(InetAddress.getLoopbackAddress())
                    .downloadRoot(root)
                    .build();
            toClose.add(seeder);
            seeder.add(metainfo);
            LinkProxy.Builder proxy = LinkProxy.to(seeder.port())
                    .oneWayDelay(Duration.ofMillis(link[0]))
                    .rate(link[1], link[1]);
            if (link[2] > 0) {
                proxy.stallAfter(link[2]);
            }
            LinkProxy started = proxy.start();
            toClose.add(started);
            magnet.append("&x.pe=127.0.0.1:").append(started.port());
        }
        ServiceClient service = new ServiceClient(port);

        long pressed = System.nanoTime();
        String job = service.play(magnet.toString());
        HttpResponse<byte[]> first = service.range(hash, 0, "bytes=0-65535", Duration.ofSeconds(20));
        long firstMillis = (System.nanoTime() - pressed) / 1_000_000;
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(content, 0, 65_536));

        int seekTo = SIZE * 7 / 10;
        long seeked = System.nanoTime();
        HttpResponse<byte[]> afterSeek =
                service.range(hash, 0, "bytes=" + seekTo + "-" + (seekTo + 65_535), Duration.ofSeconds(20));
        long seekMillis = (System.nanoTime() - seeked) / 1_000_000;
        assertThat(afterSeek.statusCode()).isEqualTo(206);
        assertThat(afterSeek.body()).isEqualTo(Arrays.copyOfRange(content, seekTo, seekTo + 65_536));

        service.awaitJob(job, "COMPLETED");
        long doneMillis = (System.nanoTime() - pressed) / 1_000_000;
        HttpResponse<byte[]> whole = service.range(hash, 0, "bytes=0-", Duration.ofSeconds(20));
        assertThat(whole.body()).isEqualTo(content);
        System.out.printf(
                "realistic network: first 64 KiB %d ms, seek to 70 %% %d ms, 6 MiB complete %d ms%n",
                firstMillis, seekMillis, doneMillis);
    }
}
