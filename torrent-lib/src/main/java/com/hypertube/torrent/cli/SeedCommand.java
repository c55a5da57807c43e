package com.hypertube.torrent.cli;

import com.hypertube.torrent.cli.HypertubeTorrent.CommandFailedException;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import com.hypertube.torrent.time.TimeSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code seed}: serves torrents' data from a folder until stopped (Ctrl-C), optionally with a tracker of its
 * own for them ({@code --tracker-port}), so that a swarm on one machine — the demo library's — needs nothing else.
 */
final class SeedCommand {

    private final PrintStream out;
    private final PrintStream err;

    SeedCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException, CommandFailedException, InterruptedException {
        Arguments arguments =
                new Arguments(args, Set.of("--data", "--port", "--bind", "--tracker-port"), Set.of("--json"));
        List<TorrentSource> sources = new ArrayList<>();
        for (String text : arguments.positionals("the torrent file")) {
            TorrentSource source = TorrentSource.parse(text);
            if (source.metainfo() == null) {
                throw new UsageException("seed needs .torrent files: a magnet link has no data to serve");
            }
            sources.add(source);
        }
        String data = arguments.option("--data", null);
        if (data == null || !Files.isDirectory(Path.of(data))) {
            throw new UsageException("--data must name the folder that holds the torrents' files");
        }
        int port = (int) arguments.number("--port", 6881, 0, 65535);
        InetAddress bind = address(arguments.option("--bind", null));
        int trackerPort = (int) arguments.number("--tracker-port", -1, 0, 65535);
        boolean json = arguments.flag("--json");
        ProgressPrinter progress = new ProgressPrinter(json ? out : err, json);
        List<InfoHash> hashes =
                sources.stream().map(source -> source.metainfo().infoHash()).toList();
        try (SwarmTracker tracker = trackerPort < 0 ? null : tracker(bind, trackerPort, hashes);
                TorrentClient client = Clients.open(port, Path.of(data), bind)) {
            List<TorrentHandle> torrents = new ArrayList<>();
            for (TorrentSource source : sources) {
                torrents.add(checked(source.addTo(client), data));
            }
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("event", "ready");
            ready.put("port", client.port());
            if (tracker != null) {
                ready.put("tracker", tracker.announceUrl());
            }
            (json ? out : err)
                    .println(
                            json
                                    ? Json.object(ready)
                                    : "seeding " + torrents.size() + " torrent(s) on port " + client.port()
                                            + (tracker == null ? "" : ", tracker " + tracker.announceUrl()));
            while (true) {
                if (torrents.size() == 1) {
                    progress.show(torrents.getFirst().status());
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** The torrent once its data is checked; seeding what there is when some is missing, failing when unreadable. */
    private TorrentHandle checked(TorrentHandle torrent, String data)
            throws InterruptedException, CommandFailedException {
        while (torrent.state() == TorrentState.CHECKING) {
            Thread.sleep(100);
        }
        var status = torrent.status();
        if (status.state() == TorrentState.FAILED) {
            throw new CommandFailedException(status.failure());
        }
        if (status.state() != TorrentState.SEEDING) {
            err.printf(
                    "hypertube-torrent: only %.1f %% of %s is in %s; seeding that%n",
                    status.progress() * 100, torrent.infoHash().hex(), data);
        }
        return torrent;
    }

    private static SwarmTracker tracker(InetAddress bind, int port, List<InfoHash> hashes)
            throws CommandFailedException, IOException {
        InetAddress host = bind == null ? InetAddress.getLoopbackAddress() : bind;
        try {
            return new SwarmTracker(new InetSocketAddress(host, port), hashes, TimeSource.SYSTEM);
        } catch (BindException e) {
            throw new CommandFailedException("tracker port " + port + " is taken: choose another with --tracker-port");
        }
    }

    /** An IPv4 literal (the tracker's compact lists are IPv4), never a name to look up. */
    private static InetAddress address(String text) throws UsageException {
        if (text == null) {
            return null;
        }
        try {
            InetAddress address = InetAddress.ofLiteral(text);
            if (!(address instanceof Inet4Address) || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                throw new IllegalArgumentException();
            }
            return address;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--bind takes an IPv4 address such as 127.0.0.1, not '" + text + "'");
        }
    }
}
