package com.hypertube.torrent.cli;

import com.hypertube.torrent.cli.HypertubeTorrent.CommandFailedException;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentEvent;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** {@code download}: fetches a torrent (or some of its files) into a folder, showing progress. */
final class DownloadCommand {

    private final PrintStream out;
    private final PrintStream err;

    DownloadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException, CommandFailedException, InterruptedException {
        Arguments arguments =
                new Arguments(args, Set.of("-o", "--file", "--peer", "--port", "--timeout"), Set.of("--json"));
        TorrentSource source = TorrentSource.parse(arguments.positional(0, "the torrent file or magnet link"));
        arguments.noMorePositionalsThan(1);
        Path folder = Path.of(arguments.option("-o", "."));
        int port = (int) arguments.number("--port", 6881, 0, 65535);
        long timeoutSeconds = arguments.number("--timeout", 60, 1, 86_400);
        var peers = TorrentSource.peers(arguments.all("--peer"));
        Set<Integer> files = new HashSet<>();
        for (String file : arguments.all("--file")) {
            try {
                files.add(Integer.parseInt(file));
            } catch (NumberFormatException e) {
                throw new UsageException("--file takes a file number (see 'info'), not '" + file + "'");
            }
        }
        ProgressPrinter progress = new ProgressPrinter(arguments.flag("--json") ? out : err, arguments.flag("--json"));

        try (TorrentClient client = Clients.open(port, folder)) {
            long started = System.currentTimeMillis();
            TorrentHandle torrent = source.addTo(client);
            CountDownLatch completed = new CountDownLatch(1);
            AtomicReference<String> failure = new AtomicReference<>();
            torrent.addListener(event -> {
                switch (event) {
                    case TorrentEvent.Completed ignored -> completed.countDown();
                    case TorrentEvent.Failed failed -> {
                        failure.set(failed.reason());
                        completed.countDown();
                    }
                    default -> {}
                }
            });
            torrent.addPeers(peers);
            TorrentInfo info = awaitMetadata(torrent, timeoutSeconds);
            for (int file : files) {
                if (file < 0 || file >= info.files().size()) {
                    throw new UsageException("no file " + file + ": the torrent has "
                            + info.files().size() + " (numbered from 0)");
                }
            }
            if (!files.isEmpty()) {
                torrent.select(files);
            }
            long lastActivity = System.currentTimeMillis();
            long lastVerified = -1;
            while (!completed.await(500, TimeUnit.MILLISECONDS)) {
                var status = torrent.status();
                if (status.state() == TorrentState.SEEDING) {
                    break;
                }
                progress.show(status);
                if (status.peers() > 0 || status.verifiedBytes() != lastVerified) {
                    lastActivity = System.currentTimeMillis();
                    lastVerified = status.verifiedBytes();
                }
                if (System.currentTimeMillis() - lastActivity > timeoutSeconds * 1000) {
                    throw new CommandFailedException("no peer could be reached for " + timeoutSeconds
                            + " s; the download stopped at " + Math.round(status.progress() * 100) + " %");
                }
            }
            if (failure.get() != null) {
                throw new CommandFailedException(failure.get());
            }
            progress.finish("done", torrent.status(), System.currentTimeMillis() - started);
            return 0;
        }
    }

    static TorrentInfo awaitMetadata(TorrentHandle torrent, long timeoutSeconds)
            throws CommandFailedException, InterruptedException {
        try {
            return torrent.metadata().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CommandFailedException("no peer sent the torrent's metadata within " + timeoutSeconds
                    + " s: are the peers or trackers reachable?");
        } catch (ExecutionException e) {
            throw new CommandFailedException(
                    "the torrent stopped: " + e.getCause().getMessage());
        }
    }
}
