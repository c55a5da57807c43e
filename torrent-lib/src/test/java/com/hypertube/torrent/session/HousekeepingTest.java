package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.hypertube.torrent.magnet.InvalidMagnetException;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The once-a-second housekeeping survives a torrent in any state, and one torrent's failure is its own. */
@org.junit.jupiter.api.Tag("security")
class HousekeepingTest {

    @TempDir
    Path temp;

    @Test
    void aMagnetWithAPeerButNoMetadataYetIsTickedWithoutFailing() throws Exception {
        try (TorrentClient client = LoopbackClients.client(temp);
                ScriptedPeer silent = new ScriptedPeer(hash(1), peer -> {})) {
            TorrentHandle magnet = client.add(magnetOf(1, silent.port()));
            awaitPeer(magnet);

            assertThatCode(() -> magnet.session().tick()).doesNotThrowAnyException();
        }
    }

    @Test
    void theClientsTickerGoesOnForOtherTorrentsWhileAMagnetWaitsForItsMetadata() throws Exception {
        // A "peer" that hangs up at once: each failed dial is retried by the ticker (after 1 s, then 2 s),
        // so connections beyond the first prove the ticker still runs.
        CountDownLatch dials = new CountDownLatch(3);
        try (TorrentClient client = LoopbackClients.client(temp);
                ScriptedPeer silent = new ScriptedPeer(hash(1), peer -> {});
                ServerSocket hangsUp = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!hangsUp.isClosed()) {
                    try (Socket socket = hangsUp.accept()) {
                        dials.countDown();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            awaitPeer(client.add(magnetOf(1, silent.port())));
            client.add(magnetOf(2, hangsUp.getLocalPort()));

            assertThat(dials.await(10, TimeUnit.SECONDS))
                    .as("the second torrent's peer dialled again by the ticker")
                    .isTrue();
        }
    }

    @Test
    void oneTorrentsFailingTickDoesNotStopTheOthers() throws Exception {
        try (TorrentClient client = LoopbackClients.client(temp)) {
            TorrentHandle broken = client.add(magnetOf(1, 1));
            TorrentHandle healthy = client.add(magnetOf(2, 1));
            List<TorrentHandle> ticked = new ArrayList<>();

            Housekeeping.tickEach(List.of(broken, healthy), handle -> {
                if (handle == broken) {
                    throw new IllegalStateException("a bug in one torrent");
                }
                ticked.add(handle);
            });

            assertThat(ticked).containsExactly(healthy);
        }
    }

    static void awaitPeer(TorrentHandle handle) {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        handle.addListener(event -> {
            if (event instanceof TorrentEvent.PeerConnected) {
                connected.complete(null);
            }
        });
        if (!handle.peers().isEmpty()) {
            connected.complete(null);
        }
        assertThat(connected).succeedsWithin(Duration.ofSeconds(10));
    }

    static InfoHash hash(int n) {
        return InfoHash.fromHex(String.format("%040x", n));
    }

    static MagnetLink magnetOf(int n, int port) throws InvalidMagnetException {
        return MagnetLink.parse("magnet:?xt=urn:btih:" + String.format("%040x", n) + "&x.pe=127.0.0.1:" + port);
    }
}
