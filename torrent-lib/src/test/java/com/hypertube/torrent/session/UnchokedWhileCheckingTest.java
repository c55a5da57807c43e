package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.storage.MemoryStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer can unchoke us before our check of the data on disk has ended (a fast seeder, a large resume
 * check). We cannot ask it for anything until the storage is open — and then we must ask at once, not at
 * the next once-a-second tick: that second was a player's whole wait for its first byte.
 */
class UnchokedWhileCheckingTest {

    @TempDir
    Path temp;

    @Test
    void aPeerThatUnchokedUsDuringTheCheckIsAskedAsSoonAsTheCheckEnds() throws Exception {
        Path file = Files.write(temp.resolve("film.mkv"), SwarmTest.random(16_384 * 4, 7));
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(file, List.of(), 16_384));
        CountDownLatch unchoked = new CountDownLatch(1);
        CountDownLatch checkMayEnd = new CountDownLatch(1);
        try (ScriptedPeer seeder = new ScriptedPeer(metainfo.infoHash(), peer -> {
                    Bitfield all = new Bitfield(4);
                    for (int piece = 0; piece < 4; piece++) {
                        all.set(piece);
                    }
                    peer.send(new PeerMessage.Bitfield(all.toWire()));
                    peer.send(new PeerMessage.Unchoke());
                    unchoked.countDown();
                });
                TorrentClient client = TorrentClient.builder()
                        .port(0)
                        .storage(info -> {
                            awaitUninterruptibly(checkMayEnd);
                            return new MemoryStorage(info.totalLength());
                        })
                        .build()) {
            TorrentHandle torrent = client.add(metainfo);
            torrent.addPeers(List.of(new PeerAddress("127.0.0.1", seeder.port())));
            assertThat(unchoked.await(10, TimeUnit.SECONDS)).isTrue();
            // our client reads the unchoke while its storage is still being opened
            await().atMost(Duration.ofSeconds(10))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> torrent.peerInfos().stream().anyMatch(peer -> !peer.peerChoking()));

            checkMayEnd.countDown();
            await().atMost(Duration.ofMillis(400))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .untilAsserted(() -> assertThat(askedForABlock(seeder))
                            .as("a request within 400 ms of the check's end")
                            .isTrue());
        }
    }

    private static boolean askedForABlock(ScriptedPeer peer) {
        return peer.received().stream().anyMatch(PeerMessage.Request.class::isInstance);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean done = false;
        while (!done) {
            try {
                done = latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
