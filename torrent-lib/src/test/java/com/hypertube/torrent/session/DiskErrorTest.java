package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.storage.MemoryStorage;
import com.hypertube.torrent.storage.Storage;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk error (not a full disk) fails the torrent, with its reason: it is not a pause nor a cancel. */
@org.junit.jupiter.api.Tag("security")
class DiskErrorTest {

    @TempDir
    Path temp;

    @Test
    void aWriteErrorFailsTheTorrentWithItsReasonAndReadersAreToldSo() throws Exception {
        byte[] content = new byte[300_000];
        new Random(5).nextBytes(content);
        Path seedRoot = Files.createDirectories(temp.resolve("seed"));
        Files.write(seedRoot.resolve("film.mkv"), content);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(seedRoot.resolve("film.mkv"), List.of(), 16_384));

        try (TorrentClient seeder = LoopbackClients.client(seedRoot);
                TorrentClient leecher = LoopbackClients.onLoopback(temp.resolve("unused"))
                        .storage(info -> new BrokenDisk(new MemoryStorage(info.totalLength())))
                        .build()) {
            SwarmTest.awaitState(seeder.add(metainfo), TorrentState.SEEDING);
            TorrentHandle handle = leecher.add(metainfo);
            List<TorrentEvent> events = new CopyOnWriteArrayList<>();
            CompletableFuture<TorrentEvent.Failed> failed = new CompletableFuture<>();
            handle.addListener(events::add);
            handle.addListener(event -> {
                if (event instanceof TorrentEvent.Failed f) {
                    failed.complete(f);
                }
            });
            var done = handle.completion();
            handle.addPeers(List.of(new PeerAddress("127.0.0.1", seeder.port())));

            assertThat(failed).succeedsWithin(Duration.ofSeconds(10));
            assertThat(handle.state()).isEqualTo(TorrentState.FAILED);
            assertThat(handle.status().failure()).contains("Input/output error");
            assertThat(handle.failure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("cannot write"));
            assertThat(done).failsWithin(Duration.ofSeconds(1));
            assertThat(handle.completion()).as("asked after the failure").isCompletedExceptionally();
            assertThat(events).noneMatch(TorrentEvent.DiskFull.class::isInstance);
            try (TorrentFileReader reader = handle.openFile(0, Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> reader.read(ByteBuffer.allocate(10)))
                        .isInstanceOf(TorrentFileReader.TorrentFailedException.class)
                        .hasMessageContaining("Input/output error");
            }
        }
    }

    /** A storage whose every write fails as a failing disk does (EIO). */
    private record BrokenDisk(Storage inner) implements Storage {
        @Override
        public void read(long offset, byte[] into, int at, int length) throws IOException {
            inner.read(offset, into, at, length);
        }

        @Override
        public void write(long offset, byte[] from, int at, int length) throws IOException {
            throw new IOException("Input/output error");
        }

        @Override
        public boolean mayHoldData(long offset, long length) throws IOException {
            return inner.mayHoldData(offset, length);
        }

        @Override
        public void flush() throws IOException {
            inner.flush();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
