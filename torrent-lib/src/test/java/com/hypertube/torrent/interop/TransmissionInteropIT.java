package com.hypertube.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.session.TorrentHandle;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our client and Transmission on 127.0.0.1, both ways: it seeds and we download (by .torrent, by magnet);
 * we seed and it downloads. Transmission never dials a loopback address, so for the latter our seeder finds
 * it through the tracker and dials it. 8 MiB, byte-exact, each within 45 s.
 */
class TransmissionInteropIT extends RealClientInterop {

    @Override
    boolean clientInstalled() {
        return TransmissionDaemon.installed();
    }

    @Override
    String missingClient() {
        return "transmission-daemon is not installed (Debian package transmission-daemon): skipped";
    }

    // Transmission unchokes a new peer at its rechoke, every 10 s: 8 MiB took 13 s here, our seeding to two 31 s.
    private static final Duration BOUND = Duration.ofSeconds(45);

    @Test
    void weDownloadFromATransmissionSeederByTorrent() throws Exception {
        byte[] torrent = TorrentCreator.create(seedFolder.resolve("film.mkv"), List.of(), 262_144);
        TransmissionDaemon transmission = transmission();
        transmission.awaitSeeding(transmission.addTorrent(torrent, seedFolder), BOUND);

        Path downloads = temp.resolve("ours");
        TorrentHandle ours = client(downloads).add(Metainfo.parse(torrent));
        var done = ours.completion();
        ours.addPeers(List.of(new PeerAddress("127.0.0.1", transmission.peerPort())));

        assertThat(done).as("downloaded from Transmission").succeedsWithin(BOUND);
        assertThat(Files.readAllBytes(downloads.resolve("film.mkv"))).isEqualTo(content);
    }

    @Test
    void weFetchAMagnetFromATransmissionSeeder() throws Exception {
        byte[] torrent = TorrentCreator.create(seedFolder.resolve("film.mkv"), List.of(), 262_144);
        TransmissionDaemon transmission = transmission();
        transmission.awaitSeeding(transmission.addTorrent(torrent, seedFolder), BOUND);

        Path downloads = temp.resolve("ours");
        TorrentHandle ours = client(downloads)
                .add(MagnetLink.parse("magnet:?xt=urn:btih:"
                        + Metainfo.parse(torrent).infoHash().hex() + "&x.pe=127.0.0.1:" + transmission.peerPort()));
        var done = ours.completion();

        assertThat(done).as("metadata and data from Transmission").succeedsWithin(BOUND);
        assertThat(Files.readAllBytes(downloads.resolve("film.mkv"))).isEqualTo(content);
    }

    @Test
    void transmissionDownloadsFromUsByTorrentAndByMagnet() throws Exception {
        LoopbackTracker tracker = track(new LoopbackTracker());
        byte[] torrent = TorrentCreator.create(
                seedFolder.resolve("film.mkv"), List.of(URI.create(tracker.announceUrl())), 262_144);
        Metainfo metainfo = Metainfo.parse(torrent);
        TransmissionDaemon byTorrent = transmission();
        TransmissionDaemon byMagnet = transmission();
        Path torrentDownloads = Files.createDirectories(temp.resolve("tr-torrent"));
        Path magnetDownloads = Files.createDirectories(temp.resolve("tr-magnet"));
        String hash = byTorrent.addTorrent(torrent, torrentDownloads);
        byMagnet.addMagnet(
                "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&tr=" + tracker.announceUrl(), magnetDownloads);
        // Both in the swarm before our seeder's first announce, which is where it learns of them.
        for (TransmissionDaemon daemon : List.of(byTorrent, byMagnet)) {
            assertThat(tracker.awaitQuery(q -> q.contains("&port=" + daemon.peerPort() + "&"), Duration.ofSeconds(10)))
                    .as("Transmission announced")
                    .isPresent();
        }

        client(seedFolder).add(metainfo);

        byTorrent.awaitSeeding(hash, BOUND);
        byMagnet.awaitSeeding(metainfo.infoHash().hex(), BOUND);
        assertThat(Files.readAllBytes(torrentDownloads.resolve("film.mkv"))).isEqualTo(content);
        assertThat(Files.readAllBytes(magnetDownloads.resolve("film.mkv"))).isEqualTo(content);
    }

    private TransmissionDaemon transmission() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(temp, "transmission");
        return track(TransmissionDaemon.start(home));
    }
}
