package com.hypertube.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client against clients no one here wrote, on 127.0.0.1: libtorrent (its Python binding) seeding to
 * us by .torrent and by magnet, and libtorrent and aria2 downloading from us. Content is checked byte for
 * byte; files are of odd sizes and pieces of an odd length.
 */
class InteropIT {

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
    void weDownloadAHybridTorrentFromALibtorrentSeeder() throws Exception {
        Path content = folder("lt-seed/album", new int[] {1_000_003, 65_537, 12});
        Path torrent = temp.resolve("album.torrent");
        try (ExternalPeer create = ExternalPeer.libtorrent("create", content.toString(), torrent.toString(), "32768")) {
            assertThat(create.awaitExit(Duration.ofSeconds(30))).isZero();
        }
        int ltPort = freePort();
        ExternalPeer seeder = track(ExternalPeer.libtorrent(
                "seed", torrent.toString(), content.getParent().toString(), String.valueOf(ltPort)));
        seeder.awaitLine(line -> line.startsWith("READY"), Duration.ofSeconds(20));

        Path downloads = temp.resolve("ours");
        TorrentHandle ours = client(downloads).add(Metainfo.parse(Files.readAllBytes(torrent)));
        var done = ours.completion();
        ours.addPeers(List.of(new PeerAddress("127.0.0.1", ltPort)));

        assertThat(done).as("downloaded from libtorrent").succeedsWithin(Duration.ofSeconds(60));
        assertSameFiles(content, downloads.resolve("album"));
        try (var files = Files.walk(downloads)) {
            assertThat(files.filter(Files::isRegularFile).count())
                    .as("no padding file written")
                    .isEqualTo(3);
        }
    }

    @Test
    void weFetchAMagnetsMetadataAndDataFromALibtorrentSeeder() throws Exception {
        Path content = folder("lt-seed/show", new int[] {777_777, 4_097});
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(content, List.of(), 16_384));
        Path torrent = Files.write(temp.resolve("show.torrent"), TorrentCreator.create(content, List.of(), 16_384));
        int ltPort = freePort();
        ExternalPeer seeder = track(ExternalPeer.libtorrent(
                "seed", torrent.toString(), content.getParent().toString(), String.valueOf(ltPort)));
        seeder.awaitLine(line -> line.startsWith("READY"), Duration.ofSeconds(20));

        Path downloads = temp.resolve("ours");
        TorrentHandle ours = client(downloads)
                .add(MagnetLink.parse(
                        "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + ltPort));
        var done = ours.completion();

        assertThat(ours.metadata().get(30, TimeUnit.SECONDS).files()).hasSize(2);
        assertThat(done).succeedsWithin(Duration.ofSeconds(60));
        assertSameFiles(content, downloads.resolve("show"));
    }

    @Test
    void libtorrentDownloadsFromOurSeeder() throws Exception {
        Path seedRoot = temp.resolve("ours");
        Path content = folder("ours/pack", new int[] {900_001, 33});
        byte[] torrentBytes = TorrentCreator.create(content, List.of(), 49_152);
        Path torrent = Files.write(temp.resolve("pack.torrent"), torrentBytes);
        TorrentClient seederClient = client(seedRoot);
        TorrentHandle seeder = seederClient.add(Metainfo.parse(torrentBytes));
        awaitSeeding(seeder);

        Path ltDownloads = Files.createDirectories(temp.resolve("lt"));
        try (ExternalPeer leecher = ExternalPeer.libtorrent(
                "download",
                torrent.toString(),
                ltDownloads.toString(),
                String.valueOf(freePort()),
                "--peer",
                "127.0.0.1:" + seederClient.port(),
                "--timeout",
                "60")) {
            leecher.awaitLine(line -> line.startsWith("DONE"), Duration.ofSeconds(70));
        }
        assertSameFiles(content, ltDownloads.resolve("pack"));
        assertThat(seeder.status().uploadedBytes()).isGreaterThanOrEqualTo(900_034);
    }

    @Test
    void aria2DownloadsFromOurSeederFoundThroughATracker() throws Exception {
        LoopbackTracker tracker = new LoopbackTracker();
        toClose.add(tracker);
        Path seedRoot = temp.resolve("ours");
        Path content = folder("ours/movie", new int[] {1_234_567});
        byte[] torrentBytes = TorrentCreator.create(content, List.of(URI.create(tracker.announceUrl())), 32_768);
        Path torrent = Files.write(temp.resolve("movie.torrent"), torrentBytes);
        TorrentHandle seeder = client(seedRoot).add(Metainfo.parse(torrentBytes));
        awaitSeeding(seeder);

        Path ariaDownloads = Files.createDirectories(temp.resolve("aria2"));
        try (ExternalPeer aria2 = ExternalPeer.start(List.of(
                "aria2c",
                "--dir=" + ariaDownloads,
                "--enable-dht=false",
                "--enable-dht6=false",
                "--bt-enable-lpd=false",
                "--enable-peer-exchange=false",
                "--listen-port=" + freePort(),
                "--seed-time=0",
                "--bt-stop-timeout=60",
                "--summary-interval=0",
                "--console-log-level=warn",
                "--disable-ipv6=true",
                torrent.toString()))) {
            assertThat(aria2.awaitExit(Duration.ofSeconds(90)))
                    .as(String.join("\n", aria2.lines()))
                    .isZero();
        }
        assertSameFiles(content, ariaDownloads.resolve("movie"));
    }

    private TorrentClient client(Path downloadRoot) throws IOException {
        TorrentClient client = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .trackerAddresses(AddressPolicy.publicOnly().allowing("127.0.0.0/8"))
                .downloadRoot(downloadRoot)
                .build();
        toClose.add(client);
        return client;
    }

    private ExternalPeer track(ExternalPeer peer) {
        toClose.add(peer);
        return peer;
    }

    private Path folder(String name, int[] sizes) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        for (int i = 0; i < sizes.length; i++) {
            byte[] bytes = new byte[sizes[i]];
            new Random(31L * i + sizes[i]).nextBytes(bytes);
            Files.write(folder.resolve("file-" + i + (i == 0 ? ".mkv" : ".bin")), bytes);
        }
        return folder;
    }

    private static void awaitSeeding(TorrentHandle handle) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(handle.status().state()).isEqualTo(TorrentState.SEEDING));
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        try (var files = Files.list(expected)) {
            for (Path file : files.toList()) {
                assertThat(Files.readAllBytes(actual.resolve(file.getFileName().toString())))
                        .as(file.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
