package com.hypertube.torrent.cli;

import com.hypertube.torrent.cli.HypertubeTorrent.CommandFailedException;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code seed}: serves a torrent's data from a folder until stopped (Ctrl-C). */
final class SeedCommand {

    private final PrintStream out;
    private final PrintStream err;

    SeedCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException, CommandFailedException, InterruptedException {
        Arguments arguments = new Arguments(args, Set.of("--data", "--port"), Set.of("--json"));
        TorrentSource source = TorrentSource.parse(arguments.positional(0, "the torrent file"));
        arguments.noMorePositionalsThan(1);
        if (source.metainfo() == null) {
            throw new UsageException("seed needs a .torrent file: a magnet link has no data to serve");
        }
        String data = arguments.option("--data", null);
        if (data == null || !Files.isDirectory(Path.of(data))) {
            throw new UsageException("--data must name the folder that holds the torrent's files");
        }
        int port = (int) arguments.number("--port", 6881, 0, 65535);
        boolean json = arguments.flag("--json");
        ProgressPrinter progress = new ProgressPrinter(json ? out : err, json);
        try (TorrentClient client = Clients.open(port, Path.of(data))) {
            TorrentHandle torrent = source.addTo(client);
            while (torrent.state() == TorrentState.CHECKING) {
                Thread.sleep(100);
            }
            var status = torrent.status();
            if (status.state() == TorrentState.FAILED) {
                throw new CommandFailedException(status.failure());
            }
            if (status.state() != TorrentState.SEEDING) {
                err.printf(
                        "hypertube-torrent: only %.1f %% of the data is in %s; seeding that%n",
                        status.progress() * 100, data);
            }
            String ready = "seeding " + torrent.infoHash().hex() + " on port " + client.port();
            (json ? out : err)
                    .println(json ? Json.object(java.util.Map.of("event", "ready", "port", client.port())) : ready);
            while (true) {
                progress.show(torrent.status());
                Thread.sleep(1_000);
            }
        }
    }
}
