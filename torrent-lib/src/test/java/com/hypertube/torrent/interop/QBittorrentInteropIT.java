package com.hypertube.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client and qBittorrent (qbittorrent-nox, libtorrent-rasterbar underneath) on loopback, both ways: it seeds
 * and we download (by .torrent, by magnet); we seed and it downloads (by .torrent, told of us through its Web
 * API; by magnet, through the magnet's {@code x.pe}). It listens on 127.0.0.2, we on 127.0.0.1. 8 MiB,
 * byte-exact, each within 45 s.
 */
class QBittorrentInteropIT {

    private static final int SIZE = 8 * 1024 * 1024 + 4_321;
    private static final Duration BOUND = Duration.ofSeconds(45);

    @TempDir
    Path temp;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private byte[] content;
    private Path seedFolder;

    @BeforeEach
    void content() throws IOException {
        assumeTrue(
                QBittorrentNox.installed(),
                "qbittorrent-nox is not installed (Debian package qbittorrent-nox): skipped");
        content = new byte[SIZE];
        new Random(SIZE).nextBytes(content);
        seedFolder = Files.createDirectories(temp.resolve("seed"));
        Files.write(seedFolder.resolve("film.mkv"), content);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void weDownloadFromAQBittorrentSeederByTorrent() throws Exception {
        byte[] torrent = TorrentCreator.create(seedFolder.resolve("film.mkv"), List.of(), 262_144);
        String hash = Metainfo.parse(torrent).infoHash().hex();
        QBittorrentNox qbittorrent = qbittorrent();
        qbittorrent.addTorrent(torrent, seedFolder);
        qbittorrent.awaitSeeding(hash, BOUND);

        Path downloads = temp.resolve("ours");
        TorrentHandle ours = client(downloads).add(Metainfo.parse(torrent));
        var done = ours.completion();
        ours.addPeers(List.of(new PeerAddress(QBittorrentNox.PEER_HOST, qbittorrent.peerPort())));

        assertThat(done).as("downloaded from qBittorrent").succeedsWithin(BOUND);
        assertThat(Files.readAllBytes(downloads.resolve("film.mkv"))).isEqualTo(content);
    }

    @Test
    void weFetchAMagnetFromAQBittorrentSeeder() throws Exception {
        byte[] torrent = TorrentCreator.create(seedFolder.resolve("film.mkv"), List.of(), 262_144);
        String hash = Metainfo.parse(torrent).infoHash().hex();
        QBittorrentNox qbittorrent = qbittorrent();
        qbittorrent.addTorrent(torrent, seedFolder);
        qbittorrent.awaitSeeding(hash, BOUND);

        Path downloads = temp.resolve("ours");
        TorrentHandle ours = client(downloads)
                .add(MagnetLink.parse("magnet:?xt=urn:btih:" + hash + "&x.pe=" + QBittorrentNox.PEER_HOST + ":"
                        + qbittorrent.peerPort()));
        var done = ours.completion();

        assertThat(done).as("metadata and data from qBittorrent").succeedsWithin(BOUND);
        assertThat(Files.readAllBytes(downloads.resolve("film.mkv"))).isEqualTo(content);
    }

    @Test
    void qBittorrentDownloadsFromUsByTorrent() throws Exception {
        byte[] torrent = TorrentCreator.create(seedFolder.resolve("film.mkv"), List.of(), 262_144);
        String hash = Metainfo.parse(torrent).infoHash().hex();
        TorrentClient seeder = client(seedFolder);
        awaitSeeding(seeder.add(Metainfo.parse(torrent)));

        QBittorrentNox qbittorrent = qbittorrent();
        Path downloads = Files.createDirectories(temp.resolve("qb-torrent"));
        qbittorrent.addTorrent(torrent, downloads);
        qbittorrent.addPeer(hash, "127.0.0.1:" + seeder.port());

        qbittorrent.awaitSeeding(hash, BOUND);
        assertThat(Files.readAllBytes(downloads.resolve("film.mkv"))).isEqualTo(content);
    }

    @Test
    void qBittorrentFetchesAMagnetFromUs() throws Exception {
        byte[] torrent = TorrentCreator.create(seedFolder.resolve("film.mkv"), List.of(), 262_144);
        String hash = Metainfo.parse(torrent).infoHash().hex();
        TorrentClient seeder = client(seedFolder);
        awaitSeeding(seeder.add(Metainfo.parse(torrent)));

        QBittorrentNox qbittorrent = qbittorrent();
        Path downloads = Files.createDirectories(temp.resolve("qb-magnet"));
        qbittorrent.addMagnet("magnet:?xt=urn:btih:" + hash + "&x.pe=127.0.0.1:" + seeder.port(), downloads);

        qbittorrent.awaitSeeding(hash, BOUND);
        assertThat(Files.readAllBytes(downloads.resolve("film.mkv"))).isEqualTo(content);
    }

    private QBittorrentNox qbittorrent() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(temp, "qbittorrent");
        QBittorrentNox qbittorrent = QBittorrentNox.start(home);
        toClose.add(qbittorrent);
        return qbittorrent;
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

    private static void awaitSeeding(TorrentHandle handle) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(handle.status().state()).isEqualTo(TorrentState.SEEDING));
    }
}
