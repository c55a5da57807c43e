package com.hypertube.torrent.session;

import java.net.InetAddress;
import java.nio.file.Path;

/** Clients for the session tests: any free port, 127.0.0.1 only, files under the given folder. */
final class LoopbackClients {

    private LoopbackClients() {}

    static TorrentClient.Builder onLoopback(Path root) {
        return TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(root);
    }

    static TorrentClient client(Path root) throws Exception {
        return onLoopback(root).build();
    }
}
