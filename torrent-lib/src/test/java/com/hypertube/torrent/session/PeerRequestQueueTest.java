package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.extension.ExtensionHandshake;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.peer.PeerMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer's {@code reqq} (BEP 10: the most requests it keeps queued) caps our pipeline to it. Transmission
 * drops requests beyond its 512 silently: a block asked past the cap never arrives.
 */
class PeerRequestQueueTest {

    private static final int REQQ = 4;

    @TempDir
    Path temp;

    @Test
    void weNeverKeepMoreRequestsInFlightThanThePeersReqqAndSendOursWithOurPort() throws Exception {
        byte[] content = SwarmTest.random(40 * 16_384, 9);
        Path file = Files.write(temp.resolve("film.mkv"), content);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(file, List.of(), 4 * 16_384));
        TorrentInfo info = metainfo.info();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger mostOutstanding = new AtomicInteger();
        CompletableFuture<byte[]> ourHandshake = new CompletableFuture<>();
        BlockingQueue<PeerMessage.Request> queue = new LinkedBlockingQueue<>();

        // A seeder that queues at most REQQ requests and drops the rest, as Transmission does.
        try (TorrentClient client = LoopbackClients.onLoopback(temp.resolve("downloads"))
                        .inMemoryStorage()
                        .build();
                ScriptedPeer seeder = new ScriptedPeer(metainfo.infoHash(), peer -> {
                    peer.send(new PeerMessage.Extended(0, handshakeWithReqq()));
                    Bitfield all = new Bitfield(info.pieceCount());
                    for (int piece = 0; piece < info.pieceCount(); piece++) {
                        all.set(piece);
                    }
                    peer.send(new PeerMessage.Bitfield(all.toWire()));
                    peer.send(new PeerMessage.Unchoke());
                    Thread.ofVirtual().start(() -> answer(peer, queue, outstanding, content, info));
                    while (true) {
                        switch (peer.awaitMessage()) {
                            case PeerMessage.Extended extended
                            when extended.extensionId() == 0 -> ourHandshake.complete(extended.payload());
                            case PeerMessage.Request request -> {
                                int now = outstanding.incrementAndGet();
                                mostOutstanding.accumulateAndGet(now, Math::max);
                                if (now > REQQ) {
                                    outstanding.decrementAndGet(); // dropped, never answered
                                } else {
                                    queue.add(request);
                                }
                            }
                            default -> {}
                        }
                    }
                })) {
            TorrentHandle handle = client.add(metainfo);
            var done = handle.completion();
            handle.addPeers(List.of(new PeerAddress("127.0.0.1", seeder.port())));

            ExtensionHandshake ours = ExtensionHandshake.decode(ourHandshake.get(5, TimeUnit.SECONDS));
            assertThat(ours.maxRequests()).isEqualTo(ExtensionHandshake.OUR_MAX_REQUESTS);
            assertThat(ours.listenPort()).isEqualTo(client.port());
            assertThat(done).as("every block asked arrives").succeedsWithin(Duration.ofSeconds(10));
            assertThat(mostOutstanding)
                    .as("requests queued at the peer at once")
                    .hasValueLessThanOrEqualTo(REQQ);
            byte[] stored = new byte[content.length];
            handle.session().storage().read(0, stored, 0, stored.length);
            assertThat(stored).isEqualTo(content);
        }
    }

    private static byte[] handshakeWithReqq() {
        return ("d1:md11:ut_metadatai2ee4:reqqi" + REQQ + "e1:v4:Fakee").getBytes(StandardCharsets.US_ASCII);
    }

    private static void answer(
            ScriptedPeer peer,
            BlockingQueue<PeerMessage.Request> queue,
            AtomicInteger outstanding,
            byte[] content,
            TorrentInfo info) {
        try {
            while (true) {
                PeerMessage.Request request = queue.take();
                long at = info.pieceOffset(request.piece()) + request.offset();
                byte[] block = Arrays.copyOfRange(content, (int) at, (int) at + request.length());
                outstanding.decrementAndGet(); // before sending: our client may ask again the moment it arrives
                peer.send(new PeerMessage.Piece(request.piece(), request.offset(), block));
            }
        } catch (Exception e) {
            // the client hung up
        }
    }

    @Test
    void theHandshakeCarriesReqqAndPortBothWays() throws Exception {
        ExtensionHandshake ours = ExtensionHandshake.ours(1234, 6881);
        ExtensionHandshake decoded = ExtensionHandshake.decode(ours.encode());

        assertThat(decoded.maxRequests()).isEqualTo(ExtensionHandshake.OUR_MAX_REQUESTS);
        assertThat(decoded.listenPort()).isEqualTo(6881);
        assertThat(decoded.metadataSize()).isEqualTo(1234);
        assertThat(ExtensionHandshake.decode("d1:md11:ut_metadatai3eee".getBytes(StandardCharsets.US_ASCII))
                        .maxRequests())
                .as("absent")
                .isZero();
    }
}
