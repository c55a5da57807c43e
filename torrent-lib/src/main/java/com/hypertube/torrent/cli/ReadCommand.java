package com.hypertube.torrent.cli;

import com.hypertube.torrent.cli.HypertubeTorrent.CommandFailedException;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code read}: streams a byte range of one file to stdout through the stream API, the way a player
 * would, and reports the time to the first byte on stderr.
 */
final class ReadCommand {

    private final PrintStream out;
    private final PrintStream err;

    ReadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException, CommandFailedException, InterruptedException {
        Arguments arguments = new Arguments(
                args, Set.of("--file", "--offset", "--length", "--peer", "-o", "--port", "--timeout"), Set.of());
        TorrentSource source = TorrentSource.parse(arguments.positional(0, "the torrent file or magnet link"));
        arguments.noMorePositionalsThan(1);
        int fileIndex = (int) arguments.number("--file", -1, 0, Integer.MAX_VALUE);
        long offset = arguments.number("--offset", -1, 0, Long.MAX_VALUE);
        long length = arguments.number("--length", -1, 1, Long.MAX_VALUE);
        if (fileIndex < 0 || offset < 0 || length < 0) {
            throw new UsageException("read needs --file N, --offset BYTES and --length BYTES");
        }
        int port = (int) arguments.number("--port", 0, 0, 65535);
        long timeoutSeconds = arguments.number("--timeout", 60, 1, 86_400);
        String folder = arguments.option("-o", null);
        var peers = TorrentSource.peers(arguments.all("--peer"));

        try (TorrentClient client = Clients.open(port, folder == null ? null : Path.of(folder))) {
            TorrentHandle torrent = source.addTo(client);
            long started = System.nanoTime();
            torrent.addPeers(peers);
            TorrentInfo info = DownloadCommand.awaitMetadata(torrent, timeoutSeconds);
            if (fileIndex >= info.files().size()) {
                throw new UsageException("no file " + fileIndex + ": the torrent has "
                        + info.files().size() + " (numbered from 0)");
            }
            long fileLength = info.files().get(fileIndex).length();
            if (offset >= fileLength) {
                throw new UsageException(
                        "--offset " + offset + " is past the end of the file (" + fileLength + " bytes)");
            }
            long toRead = Math.min(length, fileLength - offset);
            try (TorrentFileReader reader = torrent.openFile(fileIndex, Duration.ofSeconds(timeoutSeconds))) {
                reader.position(offset);
                ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
                long done = 0;
                long firstByteNanos = -1;
                while (done < toRead) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), toRead - done));
                    int read = reader.read(buffer);
                    if (read < 0) {
                        break;
                    }
                    if (firstByteNanos < 0) {
                        firstByteNanos = System.nanoTime() - started;
                    }
                    out.write(buffer.array(), 0, read);
                    done += read;
                }
                out.flush();
                long total = System.nanoTime() - started;
                err.printf("first byte after %.1f ms; %d bytes in %.1f ms%n", firstByteNanos / 1e6, done, total / 1e6);
            } catch (TorrentFileReader.PieceTimeoutException e) {
                throw new CommandFailedException(e.getMessage() + ": are the peers reachable?");
            }
            return 0;
        }
    }
}
