package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.peer.PeerMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Peers that lie or send garbage are dropped or counted against, and the torrent completes anyway. */
class MisbehavingPeersTest {

    @TempDir
    Path temp;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void aPeerDeclaringAHugeMessageIsDroppedWithoutHarmingTheTorrent() throws Exception {
        Metainfo metainfo = seedTorrent(200_000);
        ScriptedPeer liar = peer(new ScriptedPeer(
                metainfo.infoHash(),
                peer -> peer.sendRaw(HexFormat.of().parseHex("7fffffff07" + "00".repeat(16))))); // a 2 GiB "piece"
        TorrentHandle leecher = leecher(metainfo);
        List<TorrentEvent> events = record(leecher);
        var done = leecher.completion();

        // The liar first, alone: with the seeder there too, 200 kB can be complete before the liar is even
        // heard, and a complete torrent has no reason to keep a peer.
        leecher.addPeers(List.of(new PeerAddress("127.0.0.1", liar.port())));
        SwarmTest.waitUpTo(Duration.ofSeconds(10), Duration.ofMillis(50), () -> events.stream()
                .anyMatch(event -> droppedOverTheCap(event, liar)));
        leecher.addPeers(List.of(seederAddress()));

        assertThat(done).succeedsWithin(Duration.ofSeconds(20));
        assertThat(events).anyMatch(event -> droppedOverTheCap(event, liar));
    }

    private static boolean droppedOverTheCap(TorrentEvent event, ScriptedPeer liar) {
        return event instanceof TorrentEvent.PeerDisconnected disconnected
                && disconnected.peer().port() == liar.port()
                && disconnected.reason().contains("over the cap");
    }

    @Test
    void aPeerSendingWrongDataFailsThePieceWhichIsFetchedAgainElsewhere() throws Exception {
        Metainfo metainfo = seedTorrent(16_384 * 4);
        ScriptedPeer corrupt = peer(new ScriptedPeer(metainfo.infoHash(), peer -> {
            Bitfield all = new Bitfield(4);
            for (int piece = 0; piece < 4; piece++) {
                all.set(piece);
            }
            peer.send(new PeerMessage.Bitfield(all.toWire()));
            peer.send(new PeerMessage.Unchoke());
            PeerMessage.Request request = peer.awaitRequest();
            peer.send(new PeerMessage.Piece(request.piece(), request.offset(), new byte[request.length()]));
        }));
        TorrentHandle leecher = leecher(metainfo);
        List<TorrentEvent> events = record(leecher);
        var done = leecher.completion();

        leecher.addPeers(List.of(new PeerAddress("127.0.0.1", corrupt.port())));
        SwarmTest.waitUpTo(Duration.ofSeconds(5), Duration.ofMillis(50), () -> events.stream()
                .anyMatch(TorrentEvent.PieceFailed.class::isInstance));
        leecher.addPeers(List.of(seederAddress()));

        assertThat(events).anyMatch(TorrentEvent.PieceFailed.class::isInstance);
        assertThat(done).succeedsWithin(Duration.ofSeconds(20));
    }

    @Test
    void aPeerSendingABitfieldOfTheWrongSizeIsDropped() throws Exception {
        Metainfo metainfo = seedTorrent(16_384 * 20);
        ScriptedPeer liar = peer(new ScriptedPeer(
                metainfo.infoHash(),
                peer -> peer.send(new PeerMessage.Bitfield(new byte[1])))); // 20 pieces need 3 bytes
        TorrentHandle leecher = leecher(metainfo);
        List<TorrentEvent> events = record(leecher);

        leecher.addPeers(List.of(new PeerAddress("127.0.0.1", liar.port())));

        SwarmTest.waitUpTo(Duration.ofSeconds(5), Duration.ofMillis(50), () -> events.stream()
                .anyMatch(TorrentEvent.PeerDisconnected.class::isInstance));
        assertThat(events)
                .anyMatch(event -> event instanceof TorrentEvent.PeerDisconnected disconnected
                        && disconnected.reason().contains("bitfield of 1 bytes for 20 pieces"));
    }

    private TorrentClient seeder;

    private Metainfo seedTorrent(int size) throws Exception {
        Path root = Files.createDirectories(temp.resolve("seed"));
        byte[] data = new byte[size];
        new java.util.Random(size).nextBytes(data);
        Files.write(root.resolve("video.mp4"), data);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(root.resolve("video.mp4"), List.of(), 16_384));
        seeder = client(TorrentClient.builder().downloadRoot(root));
        TorrentHandle handle = seeder.add(metainfo);
        SwarmTest.awaitState(handle, TorrentState.SEEDING);
        return metainfo;
    }

    private PeerAddress seederAddress() {
        return new PeerAddress("127.0.0.1", seeder.port());
    }

    private TorrentHandle leecher(Metainfo metainfo) throws Exception {
        return client(TorrentClient.builder().inMemoryStorage()).add(metainfo);
    }

    private TorrentClient client(TorrentClient.Builder builder) throws IOException {
        TorrentClient client =
                builder.port(0).bindAddress(InetAddress.getLoopbackAddress()).build();
        toClose.add(client);
        return client;
    }

    private ScriptedPeer peer(ScriptedPeer peer) {
        toClose.add(peer);
        return peer;
    }

    private static List<TorrentEvent> record(TorrentHandle handle) {
        List<TorrentEvent> events = new CopyOnWriteArrayList<>();
        handle.addListener(events::add);
        return events;
    }
}
