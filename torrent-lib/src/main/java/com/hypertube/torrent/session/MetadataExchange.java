package com.hypertube.torrent.session;

import com.hypertube.torrent.extension.MetadataMessage;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.peer.PeerMessage;
import java.util.Arrays;

/**
 * ut_metadata (BEP 9) for one torrent: asking peers for the pieces of the info dictionary a magnet lacks,
 * and serving ours to peers that lack it. Called under the session's lock.
 */
final class MetadataExchange {

    private final MetadataFetch fetch;

    MetadataExchange(InfoHash infoHash, MemoryBudget budget) {
        this.fetch = new MetadataFetch(infoHash, budget);
    }

    /** Frees the metadata being assembled, for other magnets (see {@link MetadataFetch#release()}). */
    void release() {
        fetch.release();
    }

    /** A peer told us the metadata's size in its extension handshake. */
    void sizeAnnounced(long size) {
        fetch.sizeAnnounced(size);
    }

    void askFor(Peer peer, long now) {
        if (peer.metadataExtensionId == 0) {
            return;
        }
        int piece = fetch.nextToAsk(peer, now);
        if (piece >= 0) {
            peer.connection.send(new PeerMessage.Extended(
                    peer.metadataExtensionId, MetadataMessage.request(piece).encode()));
        }
    }

    /** Stores a piece a peer sent; returns the whole, verified info dictionary once it is complete. */
    byte[] received(MetadataMessage message) {
        return fetch.accept(message.piece(), message.data());
    }

    /** Answers a peer's request with the piece, or a refusal when we do not have the metadata. */
    void serve(Peer peer, int piece, byte[] rawInfo) {
        if (peer.metadataExtensionId == 0) {
            return;
        }
        int offset = piece * MetadataMessage.PIECE_SIZE;
        MetadataMessage answer = rawInfo == null || offset >= rawInfo.length
                ? MetadataMessage.reject(piece)
                : MetadataMessage.data(
                        piece,
                        rawInfo.length,
                        Arrays.copyOfRange(
                                rawInfo, offset, Math.min(rawInfo.length, offset + MetadataMessage.PIECE_SIZE)));
        peer.connection.send(new PeerMessage.Extended(peer.metadataExtensionId, answer.encode()));
    }
}
