package com.hypertube.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complete torrent dials the peers its trackers give it: a leecher that never dials (Transmission never
 * dials a loopback address; a peer behind NAT cannot be reached the other way) would otherwise get nothing.
 */
class SeederDialsTest {

    @TempDir
    Path temp;

    @Test
    void aSeederConnectsToALeecherThatNeverDialsAndTheLeecherFinishes() throws Exception {
        byte[] content = new byte[3_000_000];
        new Random(7).nextBytes(content);
        Path seedRoot = Files.createDirectories(temp.resolve("seed"));
        Path file = Files.write(seedRoot.resolve("film.mkv"), content);
        try (LoopbackTracker tracker = new LoopbackTracker();
                TorrentClient seederClient = client(seedRoot);
                TorrentClient leecherClient = client(temp.resolve("leech"))) {
            Metainfo withTracker =
                    Metainfo.parse(TorrentCreator.create(file, List.of(URI.create(tracker.announceUrl())), 65_536));
            // The leecher knows no tracker and no peer: it can only be found. The tracker lists it.
            TorrentHandle leecher = leecherClient.add(Metainfo.fromInfo(withTracker.rawInfo(), List.of()));
            var done = leecher.completion();
            tracker.list(
                    withTracker.infoHash().bytes(),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), leecherClient.port()));

            seederClient.add(withTracker);

            assertThat(done).as("the seeder dialled the leecher").succeedsWithin(Duration.ofSeconds(20));
            assertThat(Files.readAllBytes(temp.resolve("leech/film.mkv"))).isEqualTo(content);
        }
    }

    private static TorrentClient client(Path root) throws Exception {
        return TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .trackerAddresses(AddressPolicy.publicOnly().allowing("127.0.0.0/8"))
                .downloadRoot(root)
                .build();
    }
}
