package com.hypertube.torrent.cli;

import com.hypertube.torrent.cli.HypertubeTorrent.CommandFailedException;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code selftest}: one client seeds a file of random bytes, another downloads it over 127.0.0.1, reading a
 * range at 70 % through the stream API on the way, and the copy is compared byte for byte. It checks that
 * this machine can run the engine, and it is the training run from which the package step builds the
 * CLI's AOT cache (every hot path of a download, a seed and a streamed read runs in it).
 */
final class SelfTestCommand {

    private static final long PIECE_LENGTH = 1024 * 1024;

    private final PrintStream out;

    SelfTestCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws UsageException, IOException, CommandFailedException, InterruptedException {
        Arguments arguments = new Arguments(args, Set.of("--size", "--timeout"), Set.of());
        arguments.noMorePositionalsThan(0);
        long sizeMib = arguments.number("--size", 64, 1, 4096);
        long timeoutSeconds = arguments.number("--timeout", 120, 1, 86_400);
        Path work = Files.createTempDirectory("hypertube-selftest");
        try {
            return run(work, sizeMib * 1024 * 1024, Duration.ofSeconds(timeoutSeconds));
        } catch (MetainfoException e) {
            throw new CommandFailedException("the torrent just created is not usable: " + e.getMessage());
        } finally {
            deleteTree(work);
        }
    }

    private int run(Path work, long size, Duration timeout)
            throws IOException, MetainfoException, CommandFailedException, InterruptedException {
        Path seedFolder = Files.createDirectories(work.resolve("seed"));
        Path file = seedFolder.resolve("selftest.bin");
        writeRandom(file, size);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(file, List.of(), PIECE_LENGTH));
        try (TorrentClient seeder =
                        TorrentClient.builder().port(0).downloadRoot(seedFolder).build();
                TorrentClient leecher = TorrentClient.builder()
                        .port(0)
                        .downloadRoot(work.resolve("download"))
                        .build()) {
            TorrentHandle seeding = seeder.add(metainfo);
            awaitSeeding(seeding, timeout);
            long started = System.nanoTime();
            TorrentHandle downloading = leecher.add(metainfo);
            downloading.addPeers(List.of(new PeerAddress("127.0.0.1", seeder.port())));
            long readMillis = readAt70Percent(downloading, size, timeout);
            awaitCompletion(downloading, timeout);
            double seconds = (System.nanoTime() - started) / 1e9;
            Path copy = downloading
                    .completedFile(0)
                    .orElseThrow(() -> new CommandFailedException("the download completed but its file is missing"));
            if (Files.mismatch(file, copy) != -1) {
                throw new CommandFailedException("the downloaded copy differs from the seeded file");
            }
            out.printf(
                    "selftest ok: %d MiB over 127.0.0.1 in %.2f s (%.0f MiB/s); a read at 70 %% waited %d ms%n",
                    size / (1024 * 1024), seconds, size / (1024.0 * 1024) / seconds, readMillis);
            return 0;
        }
    }

    private static void awaitSeeding(TorrentHandle torrent, Duration timeout)
            throws InterruptedException, CommandFailedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (torrent.state() != TorrentState.SEEDING) {
            if (System.nanoTime() > until) {
                throw new CommandFailedException("the seeder did not verify its own file in time");
            }
            Thread.sleep(20);
        }
    }

    private static long readAt70Percent(TorrentHandle torrent, long size, Duration timeout)
            throws IOException, CommandFailedException {
        long started = System.nanoTime();
        try (TorrentFileReader reader = torrent.openFile(0, timeout)) {
            reader.position(size * 7 / 10);
            if (reader.read(ByteBuffer.allocate(16 * 1024)) <= 0) {
                throw new CommandFailedException("the read at 70 % returned nothing");
            }
        } catch (TorrentFileReader.PieceTimeoutException e) {
            throw new CommandFailedException(e.getMessage());
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void awaitCompletion(TorrentHandle torrent, Duration timeout)
            throws InterruptedException, CommandFailedException {
        try {
            torrent.completion().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CommandFailedException("the download did not complete within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new CommandFailedException(
                    "the download failed: " + e.getCause().getMessage());
        }
    }

    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom();
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream output = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                output.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
