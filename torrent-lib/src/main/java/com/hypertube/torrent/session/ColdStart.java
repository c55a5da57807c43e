package com.hypertube.torrent.session;

import com.hypertube.torrent.extension.ExtensionHandshake;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.peer.PeerProtocolException;
import com.hypertube.torrent.peer.PeerWireCodec;
import com.hypertube.torrent.picker.PieceOrder;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pays the one-time costs of a cold JVM when a client starts, rather than between a player's first request
 * and its first byte. Measured on the path from "peer known" to the first 16 KiB (~200 ms cold): the first
 * piece hashed in the interpreter (~100 ms for 1 MiB, at ~10 MB/s), and the first use of each record's
 * equals/hashCode and of each pattern switch, which the JVM links on first call (tens of ms for the
 * extension handshake and the wire codec; a peer address, the first map key, has its own plain ones).
 */
final class ColdStart {

    private static final Logger log = Logger.getLogger(ColdStart.class.getName());

    /** Where the warm-up's results go, so that none of its work can be skipped as unused. */
    @SuppressWarnings("unused")
    private static volatile long result;

    private ColdStart() {}

    /** Starts the warm-up on a background thread and returns at once. */
    static void warmUpInBackground() {
        // A platform thread: a busy virtual one would hold one of the few carriers the peers' threads run on.
        Thread.ofPlatform().daemon().name("cold-start").start(ColdStart::warmUp);
    }

    private static void warmUp() {
        try {
            Thread.ofVirtual().start(() -> {}); // the virtual-thread scheduler, which every peer runs on
            List<PeerMessage> everyMessage = List.of(
                    new PeerMessage.KeepAlive(),
                    new PeerMessage.Choke(),
                    new PeerMessage.Unchoke(),
                    new PeerMessage.Interested(),
                    new PeerMessage.NotInterested(),
                    new PeerMessage.Have(1),
                    new PeerMessage.Bitfield(new byte[1]),
                    new PeerMessage.Request(1, 0, 16 * 1024),
                    new PeerMessage.Piece(1, 0, new byte[16]),
                    new PeerMessage.Cancel(1, 0, 16 * 1024),
                    new PeerMessage.Port(6881),
                    new PeerMessage.Extended(0, ExtensionHandshake.ours(1, 6881).encode()));
            long sink = PieceOrder.MOST_URGENT_FIRST.compare(
                    new PieceOrder.Candidate(0, 0, false, 1, 1), new PieceOrder.Candidate(1, 0, true, 1, 1));
            for (PeerMessage message : everyMessage) {
                sink += PeerWireCodec.decode(ByteBuffer.wrap(PeerWireCodec.encode(message)))
                        .hashCode();
            }
            sink += ExtensionHandshake.decode(ExtensionHandshake.ours(1, 6881).encode())
                    .hashCode();
            // 2 MiB through SHA-1 gets the hash loop compiled before the first piece arrives.
            MessageDigest digest = TorrentSession.sha1();
            byte[] block = new byte[16 * 1024];
            for (int i = 0; i < 128; i++) {
                digest.update(block);
            }
            sink += digest.digest()[0];
            result = sink;
        } catch (PeerProtocolException | RuntimeException e) {
            // Only a warm-up: whatever went wrong here will show, with its context, where it matters.
            log.log(Level.FINE, "warming up failed", e);
        }
    }
}
