package com.hypertube.torrent.cli;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentCreator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code create}: a .torrent of a file or folder. */
final class CreateCommand {

    private final PrintStream out;

    CreateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments arguments = new Arguments(args, Set.of("--tracker", "--piece-length", "-o"), Set.of());
        Path source = Path.of(arguments.positional(0, "the file or folder to make a torrent of"));
        arguments.noMorePositionalsThan(1);
        String output = arguments.option("-o", null);
        if (output == null) {
            throw new UsageException("say where to write the torrent with -o FILE");
        }
        if (!Files.exists(source)) {
            throw new UsageException("no such file or folder: " + source);
        }
        long pieceLength = arguments.number("--piece-length", 0, 16 * 1024, 64L * 1024 * 1024);
        List<URI> trackers = new ArrayList<>();
        for (String tracker : arguments.all("--tracker")) {
            try {
                URI uri = new URI(tracker);
                if (uri.getScheme() == null || !List.of("http", "https", "udp").contains(uri.getScheme())) {
                    throw new URISyntaxException(tracker, "not an http, https or udp URL");
                }
                trackers.add(uri);
            } catch (URISyntaxException e) {
                throw new UsageException("bad --tracker: " + e.getMessage());
            }
        }
        byte[] torrent = TorrentCreator.create(source, trackers, pieceLength);
        // Written beside the target and moved into place: never a half-written .torrent.
        Path target = Path.of(output).toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), ".hypertube-", ".partial");
        try {
            Files.write(partial, torrent);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        try {
            out.println(Metainfo.parse(torrent).infoHash().hex() + "  " + target);
        } catch (MetainfoException e) {
            throw new IllegalStateException("we made a torrent we cannot read", e);
        }
        return 0;
    }
}
