package com.hypertube.torrent.cli;

import com.hypertube.torrent.cli.HypertubeTorrent.CommandFailedException;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.session.TorrentClient;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;

/** The client a command runs, listening on the port it was given. */
final class Clients {

    private Clients() {}

    static TorrentClient open(int port, Path downloadRoot) throws CommandFailedException, IOException {
        return open(port, downloadRoot, null);
    }

    /** The same, listening on one address only when {@code bind} is given. */
    static TorrentClient open(int port, Path downloadRoot, InetAddress bind)
            throws CommandFailedException, IOException {
        // Trackers anywhere, loopback and LAN included: the CLI is a user's tool on their own machine, fed their
        // own links; the address policy guards a server that fetches what strangers submit.
        TorrentClient.Builder builder = TorrentClient.builder().port(port).trackerAddresses(AddressPolicy.allowAll());
        if (bind != null) {
            builder.bindAddress(bind);
        }
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
