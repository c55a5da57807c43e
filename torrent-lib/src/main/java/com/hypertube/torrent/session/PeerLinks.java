package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.peer.PeerConnection;
import com.hypertube.torrent.peer.PeerProtocolException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client's connections to peers, both ways: dialled out for a torrent, or accepted on the client's port and
 * handed to the torrent whose info hash the peer's handshake names. Each connection is run on a virtual
 * thread of its own, by its torrent's session. (Out of {@link TorrentClient}, which keeps the torrents.)
 */
final class PeerLinks {

    private static final Logger log = Logger.getLogger(PeerLinks.class.getName());

    private PeerLinks() {}

    /** Dials the peer for the torrent; one that cannot be reached is tried again later, with back-off. */
    static void dial(TorrentSession session, PeerAddress address) {
        Thread.ofVirtual().name("peer-" + address).start(() -> {
            PeerConnection connection;
            try {
                connection = PeerConnection.connect(address, session.ourHandshake());
            } catch (IOException | PeerProtocolException | RuntimeException e) {
                session.dialFailed(address);
                return;
            }
            session.runPeer(connection);
        });
    }

    /** Accepts peers until the client is closed; runs on the client's accepting thread. */
    static void accept(ServerSocket server, BooleanSupplier closed, Function<InfoHash, TorrentHandle> torrents) {
        while (!closed.getAsBoolean()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed.getAsBoolean()) {
                    log.log(Level.WARNING, "accepting peers failed", e);
                }
                return;
            }
            Thread.ofVirtual()
                    .name("peer-in-" + socket.getRemoteSocketAddress())
                    .start(() -> {
                        try {
                            PeerConnection connection = PeerConnection.accept(socket, infoHash -> {
                                TorrentHandle handle = torrents.apply(infoHash);
                                return handle == null ? null : handle.session().ourHandshake();
                            });
                            TorrentHandle handle =
                                    torrents.apply(connection.remoteHandshake().infoHash());
                            if (handle == null) {
                                connection.close();
                            } else {
                                handle.session().runPeer(connection);
                            }
                        } catch (IOException | PeerProtocolException | RuntimeException e) {
                            // a stranger that is not a peer of ours: nothing to do
                        }
                    });
        }
    }
}
