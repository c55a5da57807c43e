package com.hypertube.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our client and qBittorrent (qbittorrent-nox, libtorrent-rasterbar underneath) on loopback, both ways: it seeds
 * and we download (by .torrent, by magnet); we seed and it downloads (by .torrent, told of us through its Web
 * API; by magnet, through the magnet's {@code x.pe}). It listens on 127.0.0.2, we on 127.0.0.1. 8 MiB,
 * byte-exact, each within 45 s.
 */
class QBittorrentInteropIT extends RealClientInterop {

    @Override
    boolean clientInstalled() {
        return QBittorrentNox.installed();
    }

    @Override
    String missingClient() {
        return "qbittorrent-nox is not installed (Debian package qbittorrent-nox): skipped";
    }

    private static final Duration BOUND = Duration.ofSeconds(45);

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
        return track(QBittorrentNox.start(home));
    }

    private static void awaitSeeding(TorrentHandle handle) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(handle.status().state()).isEqualTo(TorrentState.SEEDING));
    }
}
