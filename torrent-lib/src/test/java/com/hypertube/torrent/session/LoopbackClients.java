package com.hypertube.torrent.session;

import com.hypertube.torrent.net.AddressPolicy;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * Clients for the session tests: any free port, 127.0.0.1 only (trackers there allowed), files under the given
 * folder.
 */
final class LoopbackClients {

    private LoopbackClients() {}

    static TorrentClient.Builder onLoopback(Path root) {
        return TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .trackerAddresses(AddressPolicy.publicOnly().allowing("127.0.0.0/8"))
                .downloadRoot(root);
    }

    static TorrentClient client(Path root) throws Exception {
        return onLoopback(root).build();
    }
}
