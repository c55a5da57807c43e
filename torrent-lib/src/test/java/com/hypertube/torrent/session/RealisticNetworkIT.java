package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.interop.ExternalPeer;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.net.LinkProxy;
import com.hypertube.torrent.net.ThreadFailures;
import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads over links that behave like the internet's ({@link LinkProxy}: 100–300 ms round trips, 1–5 MB/s
 * each), with peers that stall, hang up mid-piece, never answer the metadata request, or lie. Each ends
 * byte-exact within its stated bound, with no exception escaping a thread and nothing logged as a warning.
 */
class RealisticNetworkIT {

    private static final int SIZE = 8 * 1024 * 1024;
    private static final int PIECE = 256 * 1024;
    private static final int MB = 1_000_000;

    @RegisterExtension
    final ThreadFailures threadFailures = new ThreadFailures();

    @TempDir
    Path temp;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private byte[] content;
    private Path seedRoot;
    private Path torrentFile;
    private Metainfo metainfo;

    @BeforeEach
    void torrent() throws Exception {
        content = SwarmTest.random(SIZE, 42);
        seedRoot = Files.createDirectories(temp.resolve("seed"));
        Files.write(seedRoot.resolve("film.mkv"), content);
        byte[] torrent = TorrentCreator.create(seedRoot.resolve("film.mkv"), List.of(), PIECE);
        torrentFile = Files.write(temp.resolve("film.torrent"), torrent);
        metainfo = Metainfo.parse(torrent);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aMagnetFromFourSeedersAcrossSlowLinksGivesItsFirstByteThenTheWholeFile() throws Exception {
        // Three of ours and a libtorrent, each behind its own link: RTT 100, 150, 200, 300 ms; 1.5–4 MB/s.
        List<Integer> seeders = List.of(ourSeeder(), ourSeeder(), ourSeeder(), libtorrentSeeder());
        long[] delays = {50, 75, 100, 150};
        long[] rates = {4 * MB, 3 * MB, 2 * MB, 3 * MB / 2};
        StringBuilder magnet =
                new StringBuilder("magnet:?xt=urn:btih:" + metainfo.infoHash().hex());
        for (int i = 0; i < seeders.size(); i++) {
            LinkProxy link = link(LinkProxy.to(seeders.get(i))
                    .oneWayDelay(Duration.ofMillis(delays[i]))
                    .rate(rates[i], MB));
            magnet.append("&x.pe=127.0.0.1:").append(link.port());
        }
        long started = System.nanoTime();
        TorrentHandle leecher = leecher().add(MagnetLink.parse(magnet.toString()));
        var done = leecher.completion();

        leecher.metadata().get(10, TimeUnit.SECONDS);
        try (TorrentFileReader reader = leecher.openFile(0, Duration.ofSeconds(10))) {
            ByteBuffer first = ByteBuffer.allocate(16_384);
            reader.read(first);
            assertThat(Arrays.copyOf(first.array(), first.position()))
                    .isEqualTo(Arrays.copyOf(content, first.position()));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("to the first byte")
                .isLessThan(seconds(10));
        assertThat(done).as("the whole file within 25 s").succeedsWithin(seconds(25));
        assertByteExact(leecher);
        assertThat(leecher.peers())
                .as("every seeder, libtorrent included, took part")
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aPeerThatStallsMidPieceCostsNothingButItsShare() throws Exception {
        LinkProxy stalling = link(LinkProxy.to(ourSeeder())
                .oneWayDelay(Duration.ofMillis(50))
                .rate(3 * MB, MB)
                .stallAfter(1_000_003)); // inside a block, inside a piece
        LinkProxy healthy = link(
                LinkProxy.to(ourSeeder()).oneWayDelay(Duration.ofMillis(75)).rate(2 * MB, MB));
        TorrentHandle leecher = leecher().add(metainfo);
        var done = leecher.completion();

        leecher.addPeers(List.of(local(stalling.port()), local(healthy.port())));

        assertThat(done).as("complete within 20 s").succeedsWithin(seconds(20));
        assertThat(stalling.faulted()).as("the link stalled mid-download").isTrue();
        assertByteExact(leecher);
    }

    @Test
    void aPeerThatHangsUpMidPieceHasItsBlocksAskedOfAnother() throws Exception {
        LinkProxy cut = link(LinkProxy.to(ourSeeder())
                .oneWayDelay(Duration.ofMillis(50))
                .rate(3 * MB, MB)
                .cutAfter(1_000_003));
        LinkProxy healthy = link(
                LinkProxy.to(ourSeeder()).oneWayDelay(Duration.ofMillis(75)).rate(2 * MB, MB));
        TorrentHandle leecher = leecher().add(metainfo);
        var done = leecher.completion();

        leecher.addPeers(List.of(local(cut.port()), local(healthy.port())));

        assertThat(done).as("complete within 20 s").succeedsWithin(seconds(20));
        assertThat(cut.faulted()).as("the link was cut mid-download").isTrue();
        assertByteExact(leecher);
    }

    @Test
    void aPeerThatNeverAnswersTheMetadataRequestDoesNotHoldUpTheMagnet() throws Exception {
        int infoSize = metainfo.rawInfo().length;
        ScriptedPeer silent = track(new ScriptedPeer(
                metainfo.infoHash(),
                peer -> peer.send(new PeerMessage.Extended(
                        0,
                        ("d1:md11:ut_metadatai2ee13:metadata_sizei" + infoSize + "ee")
                                .getBytes(StandardCharsets.US_ASCII)))));
        LinkProxy silentLink = link(LinkProxy.to(silent.port()).oneWayDelay(Duration.ofMillis(50)));
        LinkProxy healthy = link(
                LinkProxy.to(ourSeeder()).oneWayDelay(Duration.ofMillis(100)).rate(4 * MB, MB));
        // The silent peer first, so that it is the one asked first.
        TorrentHandle leecher = leecher()
                .add(MagnetLink.parse(
                        "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + silentLink.port()));
        awaitPeer(leecher);
        var done = leecher.completion();
        leecher.addPeers(List.of(local(healthy.port())));

        // The metadata is asked again of another peer after 5 s.
        assertThat(leecher.metadata()).as("metadata within 15 s").succeedsWithin(seconds(15));
        assertThat(done).as("complete within 30 s").succeedsWithin(seconds(30));
        assertByteExact(leecher);
    }

    @Test
    void aPeerSendingCorruptPiecesFailsTheirCheckAndTheFileStillEndsExact() throws Exception {
        int pieces = metainfo.info().pieceCount();
        ScriptedPeer liar = track(new ScriptedPeer(metainfo.infoHash(), peer -> {
            Bitfield all = new Bitfield(pieces);
            for (int piece = 0; piece < pieces; piece++) {
                all.set(piece);
            }
            peer.send(new PeerMessage.Bitfield(all.toWire()));
            peer.send(new PeerMessage.Unchoke());
            for (int i = 0; i < 10_000; i++) { // bounded: far more than the torrent's blocks
                PeerMessage.Request request = peer.awaitRequest();
                peer.send(new PeerMessage.Piece(request.piece(), request.offset(), new byte[request.length()]));
            }
        }));
        LinkProxy liarLink = link(
                LinkProxy.to(liar.port()).oneWayDelay(Duration.ofMillis(50)).rate(4 * MB, MB));
        LinkProxy honest = link(
                LinkProxy.to(ourSeeder()).oneWayDelay(Duration.ofMillis(100)).rate(3 * MB, MB));
        TorrentHandle leecher = leecher().add(metainfo);
        CompletableFuture<Void> failedPiece = new CompletableFuture<>();
        leecher.addListener(event -> {
            if (event instanceof TorrentEvent.PieceFailed) {
                failedPiece.complete(null);
            }
        });
        var done = leecher.completion();

        leecher.addPeers(List.of(local(liarLink.port()), local(honest.port())));

        assertThat(failedPiece).as("a corrupt piece was caught").succeedsWithin(seconds(10));
        assertThat(done).as("complete within 25 s").succeedsWithin(seconds(25));
        assertByteExact(leecher);
    }

    private void assertByteExact(TorrentHandle leecher) throws Exception {
        byte[] stored = new byte[SIZE];
        leecher.session().storage().read(0, stored, 0, SIZE);
        assertThat(Arrays.equals(stored, content)).as("byte-exact").isTrue();
    }

    private static void awaitPeer(TorrentHandle handle) {
        HousekeepingTest.awaitPeer(handle);
    }

    private TorrentClient leecher() throws Exception {
        return track(LoopbackClients.onLoopback(temp.resolve("leech"))
                .inMemoryStorage()
                .build());
    }

    /** One of ours, seeding the file; returns its port. */
    private int ourSeeder() throws Exception {
        TorrentClient client = track(LoopbackClients.client(seedRoot));
        SwarmTest.awaitState(client.add(metainfo), TorrentState.SEEDING);
        return client.port();
    }

    private int libtorrentSeeder() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ExternalPeer seeder = track(
                ExternalPeer.libtorrent("seed", torrentFile.toString(), seedRoot.toString(), String.valueOf(port)));
        seeder.awaitLine(line -> line.startsWith("READY"), seconds(20));
        return port;
    }

    private LinkProxy link(LinkProxy.Builder builder) throws Exception {
        return track(builder.start());
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static PeerAddress local(int port) {
        return new PeerAddress("127.0.0.1", port);
    }

    private static Duration seconds(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
