package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.storage.MemoryStorage;
import com.hypertube.torrent.storage.Storage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk pauses the torrent (it is not a failure) and a resume finishes the job. */
class DiskFullTest {

    @TempDir
    Path temp;

    @Test
    void aFullDiskPausesTheTorrentWhichFinishesAfterAResume() throws Exception {
        byte[] content = new byte[1_000_000];
        new Random(3).nextBytes(content);
        Path seedRoot = Files.createDirectories(temp.resolve("seed"));
        Files.write(seedRoot.resolve("film.mkv"), content);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(seedRoot.resolve("film.mkv"), List.of(), 16_384));
        AtomicBoolean full = new AtomicBoolean();
        MemoryStorage memory = new MemoryStorage(content.length);

        try (TorrentClient seeder = TorrentClient.builder()
                        .port(0)
                        .bindAddress(InetAddress.getLoopbackAddress())
                        .downloadRoot(seedRoot)
                        .uploadLimit(400_000)
                        .build();
                TorrentClient leecher = TorrentClient.builder()
                        .port(0)
                        .bindAddress(InetAddress.getLoopbackAddress())
                        .storage(info -> new FillingDisk(memory, full))
                        .build()) {
            SwarmTest.awaitState(seeder.add(metainfo), TorrentState.SEEDING);
            TorrentHandle handle = leecher.add(metainfo);
            List<TorrentEvent> events = new CopyOnWriteArrayList<>();
            handle.addListener(events::add);
            var done = handle.completion();
            handle.addPeers(List.of(new PeerAddress("127.0.0.1", seeder.port())));

            SwarmTest.waitUpTo(
                    Duration.ofSeconds(5),
                    Duration.ofMillis(25),
                    () -> handle.status().verifiedBytes() >= 200_000);
            full.set(true); // the disk fills up mid-download
            await().atMost(Duration.ofSeconds(5))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(25))
                    .untilAsserted(() -> assertThat(handle.status().state()).isEqualTo(TorrentState.PAUSED));
            // Listeners hear of it after the state changed, outside the session's lock: wait for the event too.
            await().atMost(Duration.ofSeconds(5))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(25))
                    .until(() -> events.stream().anyMatch(TorrentEvent.DiskFull.class::isInstance));

            assertThat(events)
                    .filteredOn(TorrentEvent.DiskFull.class::isInstance)
                    .hasSize(1);
            assertThat(events).noneMatch(TorrentEvent.Failed.class::isInstance);
            assertThat(done).isNotDone();

            full.set(false); // room again
            handle.resume();
            handle.addPeers(List.of(new PeerAddress("127.0.0.1", seeder.port())));

            assertThat(done).succeedsWithin(Duration.ofSeconds(30));
            byte[] stored = new byte[content.length];
            memory.read(0, stored, 0, stored.length);
            assertThat(stored).isEqualTo(content);
        }
    }

    /** A storage whose disk is full while {@code full} is set: writes fail as ENOSPC does. */
    private record FillingDisk(Storage inner, AtomicBoolean full) implements Storage {
        @Override
        public void read(long offset, byte[] into, int at, int length) throws IOException {
            inner.read(offset, into, at, length);
        }

        @Override
        public void write(long offset, byte[] from, int at, int length) throws IOException {
            if (full.get()) {
                throw new IOException("No space left on device");
            }
            inner.write(offset, from, at, length);
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
