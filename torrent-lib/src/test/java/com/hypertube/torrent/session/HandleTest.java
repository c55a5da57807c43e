package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handle's promises that need no peer: timeouts, seeking, removal. */
class HandleTest {

    @TempDir
    Path temp;

    @Test
    void aReadWithNoPeerTimesOutWithAClearErrorAndTheWindowMovesOnSeek() throws Exception {
        Metainfo metainfo = torrentOf(Files.write(temp.resolve("film.mkv"), new byte[5_000_000]));
        try (TorrentClient client = LoopbackClients.client(temp.resolve("downloads"))) {
            TorrentHandle handle = client.add(metainfo);
            SwarmTest.awaitState(handle, TorrentState.DOWNLOADING);
            try (TorrentFileReader reader = handle.openFile(0, Duration.ofMillis(300))) {
                reader.position(4_000_000);
                assertThat(handle.readerWindows()).singleElement().satisfies(window -> assertThat(window.firstPiece())
                        .isEqualTo(4_000_000 / 65_536));

                long started = System.nanoTime();
                assertThatThrownBy(() -> reader.read(ByteBuffer.allocate(10)))
                        .isInstanceOf(TorrentFileReader.PieceTimeoutException.class)
                        .hasMessageContaining("did not arrive within 300 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

                reader.position(0);
                assertThat(handle.readerWindows()).singleElement().satisfies(w -> assertThat(w.firstPiece())
                        .isZero());
            }
            assertThat(handle.readerWindows()).isEmpty();
            assertThatThrownBy(() -> handle.openFile(3, Duration.ofSeconds(1))).hasMessageContaining("no file 3");
        }
    }

    @Test
    void removingWithDataDeletesTheFilesAndForgetsTheTorrent() throws Exception {
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        Path film = Files.write(downloads.resolve("film.mkv"), new byte[100_000]);
        Metainfo metainfo = torrentOf(film);
        try (TorrentClient client = LoopbackClients.client(downloads)) {
            TorrentHandle handle = client.add(metainfo);
            SwarmTest.awaitState(handle, TorrentState.SEEDING);

            handle.remove(true);

            assertThat(film).doesNotExist();
            assertThat(client.find(metainfo.infoHash())).isEmpty();
            assertThat(handle.status().state()).isEqualTo(TorrentState.STOPPED);
        }
    }

    @Test
    void pauseStopsAndResumeGoesOn() throws Exception {
        Metainfo metainfo = torrentOf(Files.write(temp.resolve("film.mkv"), new byte[70_000]));
        try (TorrentClient client = LoopbackClients.client(temp.resolve("downloads"))) {
            TorrentHandle handle = client.add(metainfo);
            SwarmTest.awaitState(handle, TorrentState.DOWNLOADING);

            handle.pause();
            assertThat(handle.status().state()).isEqualTo(TorrentState.PAUSED);
            handle.resume();
            assertThat(handle.status().state()).isEqualTo(TorrentState.DOWNLOADING);
        }
    }

    @Test
    void pausingWakesAWaitingReaderWithAClearErrorAtOnce() throws Exception {
        Metainfo metainfo = torrentOf(Files.write(temp.resolve("film.mkv"), new byte[500_000]));
        try (TorrentClient client = LoopbackClients.client(temp.resolve("downloads"))) {
            TorrentHandle handle = client.add(metainfo);
            SwarmTest.awaitState(handle, TorrentState.DOWNLOADING);
            try (TorrentFileReader reader = handle.openFile(0, Duration.ofSeconds(30))) {
                AtomicReference<Thread> readerThread = new AtomicReference<>();
                var waiting = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    readerThread.set(Thread.currentThread());
                    try {
                        reader.read(ByteBuffer.allocate(10));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                // the reader is waiting for piece 0, which no peer will bring: parked in its timed wait
                await().atMost(Duration.ofSeconds(10))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> readerThread.get() != null
                                && readerThread.get().getState() == Thread.State.TIMED_WAITING);

                long paused = System.nanoTime();
                handle.pause();

                assertThat(waiting)
                        .failsWithin(Duration.ofSeconds(3))
                        .withThrowableThat()
                        .havingRootCause()
                        .isInstanceOf(TorrentFileReader.TorrentPausedException.class)
                        .withMessageContaining("paused");
                assertThat(Duration.ofNanos(System.nanoTime() - paused)).isLessThan(Duration.ofSeconds(3));
                // A read on a paused torrent fails at once too, instead of waiting out its timeout.
                assertThatThrownBy(() -> reader.read(ByteBuffer.allocate(10)))
                        .isInstanceOf(TorrentFileReader.TorrentPausedException.class);
            }
        }
    }

    @Test
    void theVerifiedPrefixOfAFileEndsAtItsFirstMissingPiece() throws Exception {
        // Two files of 16 KiB pieces: the second starts inside piece 36 (600,000 / 16,384 = 36.6).
        byte[] first = SwarmTest.random(600_000, 1);
        byte[] second = SwarmTest.random(400_000, 2);
        Metainfo metainfo = ResumeTest.twoEpisodes(temp.resolve("seed/show"), first, second);
        // On disk before the start: e1 whole but for its piece 10; e2's first 100,000 bytes, then zeros.
        Path leech = Files.createDirectories(temp.resolve("leech/show"));
        byte[] damaged = first.clone();
        damaged[10 * 16_384 + 5] ^= 1;
        Files.write(leech.resolve("e1.mkv"), damaged);
        byte[] partial = new byte[400_000];
        System.arraycopy(second, 0, partial, 0, 100_000);
        Files.write(leech.resolve("e2.mkv"), partial);

        try (TorrentClient client = LoopbackClients.client(temp.resolve("leech"))) {
            TorrentHandle handle = client.add(metainfo);
            SwarmTest.awaitState(handle, TorrentState.DOWNLOADING);

            assertThat(handle.verifiedPrefix(0)).isEqualTo(10 * 16_384);
            // Piece 36 holds e1's tail and e2's head, both right; e2's prefix runs to the last piece whole in its
            // first 100,000 bytes, whatever e1's missing piece 10.
            long e2Start = 600_000;
            long lastGoodEnd = (e2Start + 100_000) / 16_384 * 16_384;
            assertThat(handle.verifiedPrefix(1)).isEqualTo(lastGoodEnd - e2Start);
            assertThat(handle.verifiedPrefix(2)).isZero();
        }
        try (TorrentClient client = LoopbackClients.client(temp.resolve("seed"))) {
            TorrentHandle complete = client.add(metainfo);
            SwarmTest.awaitState(complete, TorrentState.SEEDING);
            assertThat(complete.verifiedPrefix(0)).isEqualTo(600_000);
            assertThat(complete.verifiedPrefix(1)).isEqualTo(400_000);
        }
    }

    private Metainfo torrentOf(Path file) throws Exception {
        return Metainfo.parse(TorrentCreator.create(file, List.of(), 65_536));
    }
}
