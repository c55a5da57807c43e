package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.storage.Storage;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our own clients on 127.0.0.1: seeders and leechers over both storage back-ends. */
class SwarmTest {

    @TempDir
    Path temp;

    private final List<TorrentClient> clients = new java.util.ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TorrentClient::close);
    }

    @Test
    void aLeecherInMemoryDownloadsAMultiFileTorrentFromAFileSeeder() throws Exception {
        Path seedRoot = Files.createDirectories(temp.resolve("seed"));
        Path content = Files.createDirectories(seedRoot.resolve("pack"));
        byte[] a = random(700_001, 1);
        byte[] b = random(123_457, 2);
        Files.write(content.resolve("a.mkv"), a);
        Files.write(content.resolve("b.srt"), b);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(content, List.of(), 49_152)); // odd: 3 x 16 KiB

        TorrentHandle seeder =
                client(TorrentClient.builder().port(0).downloadRoot(seedRoot)).add(metainfo);
        awaitState(seeder, TorrentState.SEEDING);
        TorrentClient leecherClient = client(TorrentClient.builder().port(0).inMemoryStorage());
        TorrentHandle leecher = leecherClient.add(metainfo);
        var completed = leecher.completion();
        leecher.addPeers(List.of(new PeerAddress("127.0.0.1", seederPort())));

        assertThat(completed).as("download completed").succeedsWithin(Duration.ofSeconds(30));
        Storage storage = leecher.session().storage();
        assertThat(read(storage, 0, a.length)).isEqualTo(a);
        assertThat(read(storage, a.length, b.length)).isEqualTo(b);
        assertThat(leecher.status().state()).isEqualTo(TorrentState.SEEDING);
        assertThat(leecher.status().progress()).isEqualTo(1.0);
    }

    @Test
    void aMagnetGetsItsMetadataFromThePeerAndThenTheData() throws Exception {
        Path seedRoot = Files.createDirectories(temp.resolve("seed"));
        byte[] movie = random(300_000, 3);
        Files.write(seedRoot.resolve("movie.mp4"), movie);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(seedRoot.resolve("movie.mp4"), List.of(), 16_384));
        TorrentHandle seeder =
                client(TorrentClient.builder().port(0).downloadRoot(seedRoot)).add(metainfo);
        awaitState(seeder, TorrentState.SEEDING);

        Path leechRoot = temp.resolve("leech");
        TorrentHandle leecher = client(TorrentClient.builder().port(0).downloadRoot(leechRoot))
                .add(MagnetLink.parse(
                        "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + seederPort()));
        var completed = leecher.completion();

        TorrentInfo info = leecher.metadata().get(20, TimeUnit.SECONDS);
        assertThat(info.files()).hasSize(1);
        assertThat(completed).succeedsWithin(Duration.ofSeconds(30));
        assertThat(Files.readAllBytes(leechRoot.resolve("movie.mp4"))).isEqualTo(movie);
    }

    @Test
    void aReaderGetsBytesFromTheMiddleOfAFileBeforeTheRestArrives() throws Exception {
        Path seedRoot = Files.createDirectories(temp.resolve("seed"));
        byte[] movie = random(4_000_000, 4);
        Files.write(seedRoot.resolve("movie.mkv"), movie);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(seedRoot.resolve("movie.mkv"), List.of(), 65_536));
        TorrentHandle seeder =
                client(TorrentClient.builder().port(0).downloadRoot(seedRoot)).add(metainfo);
        awaitState(seeder, TorrentState.SEEDING);
        TorrentHandle leecher =
                client(TorrentClient.builder().port(0).inMemoryStorage()).add(metainfo);
        leecher.metadata().get(5, TimeUnit.SECONDS);
        awaitState(leecher, TorrentState.DOWNLOADING);

        try (TorrentFileReader reader = leecher.openFile(0, Duration.ofSeconds(20))) {
            reader.position(2_800_000); // 70 %
            leecher.addPeers(List.of(new PeerAddress("127.0.0.1", seederPort())));
            ByteBuffer buffer = ByteBuffer.allocate(100_000);
            while (buffer.hasRemaining()) {
                assertThat(reader.read(buffer)).isPositive();
            }
            assertThat(buffer.array()).isEqualTo(java.util.Arrays.copyOfRange(movie, 2_800_000, 2_900_000));
            assertThat(leecher.readerWindows()).hasSize(1);
        }
        assertThat(leecher.readerWindows()).isEmpty();
    }

    private int seederPort() {
        return clients.getFirst().port();
    }

    private TorrentClient client(TorrentClient.Builder builder) throws IOException {
        TorrentClient client =
                builder.bindAddress(java.net.InetAddress.getLoopbackAddress()).build();
        clients.add(client);
        return client;
    }

    static void awaitState(TorrentHandle handle, TorrentState state) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(handle.status().state()).isEqualTo(state));
    }

    /**
     * Waits up to {@code bound} for the condition, looking every {@code poll}, and returns either way: for a
     * wait that only sets the scene, whose test's own assertions after it say what, if anything, is missing.
     */
    static void waitUpTo(Duration bound, Duration poll, Callable<Boolean> condition) {
        try {
            await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(poll).until(condition);
        } catch (ConditionTimeoutException e) {
            // not within the bound: the assertions after the wait report it
        }
    }

    private static byte[] read(Storage storage, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        storage.read(offset, bytes, 0, length);
        return bytes;
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
