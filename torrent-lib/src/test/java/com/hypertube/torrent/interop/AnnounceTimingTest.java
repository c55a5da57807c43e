package com.hypertube.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When we announce, and what: sooner while we have no peer; {@code completed} only for a real completion. */
class AnnounceTimingTest {

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
    void aDownloadWhoseFirstAnnounceFoundNobodyAsksAgainSoonAndFindsTheSeederThatCameLater() throws Exception {
        LoopbackTracker tracker = track(new LoopbackTracker());
        Metainfo metainfo = torrent(tracker, 1_000_000);
        TorrentClient leecherClient = client(temp.resolve("leech"));
        TorrentHandle leecher = leecherClient.add(metainfo);
        var done = leecher.completion();
        assertThat(tracker.awaitQuery(fromPort(leecherClient).and(q -> q.contains("event=started")), seconds(5)))
                .as("the leecher's first announce, to an empty swarm")
                .isPresent();

        TorrentClient seederClient = client(temp.resolve("seed"));
        TorrentHandle seeder = seederClient.add(metainfo);

        // Without the back-off the leecher would ask again only after 30 s.
        assertThat(done).as("downloaded through the tracker").succeedsWithin(seconds(10));
        assertThat(tracker.awaitQuery(
                        fromPort(leecherClient).and(q -> q.contains("event=completed") && q.contains("left=0&")),
                        seconds(5)))
                .as("the leecher tells it completed")
                .isPresent();
        assertThat(seeder.state()).isEqualTo(TorrentState.SEEDING);
    }

    @Test
    void aSeederThatStartsCompleteAnnouncesStartedWithNothingLeftAndNeverCompleted() throws Exception {
        LoopbackTracker tracker = track(new LoopbackTracker());
        Metainfo metainfo = torrent(tracker, 8_000_000);
        TorrentClient seederClient = client(temp.resolve("seed"));
        TorrentHandle seeder = seederClient.add(metainfo);
        CompletableFuture<Void> seeding = seeder.completion();

        String first = tracker.awaitQuery(fromPort(seederClient), seconds(10)).orElseThrow();
        assertThat(first).contains("event=started").contains("left=0&");
        assertThat(seeding).succeedsWithin(seconds(10));
        // The bug sent "completed" within a second of the check; give it twice that to show up.
        assertThat(tracker.awaitQuery(q -> q.contains("event=completed"), seconds(2)))
                .as("no completed for data complete from the start")
                .isEmpty();
    }

    @Test
    void aMagnetWithoutItsMetadataDoesNotAnnounceNothingLeft() throws Exception {
        LoopbackTracker tracker = track(new LoopbackTracker());
        Metainfo metainfo = torrent(tracker, 100_000);
        TorrentClient client = client(temp.resolve("magnet"));
        client.add(com.hypertube.torrent.magnet.MagnetLink.parse(
                "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&tr=" + tracker.announceUrl()));

        String first = tracker.awaitQuery(fromPort(client), seconds(10)).orElseThrow();
        assertThat(first).as("left=0 reads as a seed").doesNotContain("left=0&").contains("left=16384&");
    }

    private static java.util.function.Predicate<String> fromPort(TorrentClient client) {
        return query -> query.contains("&port=" + client.port() + "&");
    }

    private Metainfo torrent(LoopbackTracker tracker, int size) throws Exception {
        Path seedRoot = Files.createDirectories(temp.resolve("seed"));
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = Files.write(seedRoot.resolve("film.mkv"), content);
        return Metainfo.parse(TorrentCreator.create(file, List.of(URI.create(tracker.announceUrl())), 65_536));
    }

    private TorrentClient client(Path root) throws Exception {
        TorrentClient client = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .trackerAddresses(AddressPolicy.publicOnly().allowing("127.0.0.0/8"))
                .downloadRoot(root)
                .build();
        toClose.add(client);
        return client;
    }

    private LoopbackTracker track(LoopbackTracker tracker) {
        toClose.add(tracker);
        return tracker;
    }

    private static Duration seconds(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
