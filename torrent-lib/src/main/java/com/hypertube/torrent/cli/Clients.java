package com.hypertube.torrent.cli;

import com.hypertube.torrent.cli.HypertubeTorrent.CommandFailedException;
import com.hypertube.torrent.session.TorrentClient;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;

/** The client a command runs, listening on the port it was given. */
final class Clients {

    private Clients() {}

    static TorrentClient open(int port, Path downloadRoot) throws CommandFailedException, IOException {
        TorrentClient.Builder builder = TorrentClient.builder().port(port);
        if (downloadRoot == null) {
            builder.inMemoryStorage();
        } else {
            builder.downloadRoot(downloadRoot);
        }
        try {
            return builder.build();
        } catch (BindException e) {
            throw new CommandFailedException("port " + port + " is taken: choose another with --port (0: any)");
        }
    }
}
