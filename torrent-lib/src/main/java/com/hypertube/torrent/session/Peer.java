package com.hypertube.torrent.session;

import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.PeerConnection;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a session knows of one connected peer. Guarded by the session's lock. */
final class Peer {

    /** Requests in flight are kept between these bounds, scaled to how fast the peer delivers. */
    static final int MIN_PIPELINE = 16;

    static final int MAX_PIPELINE = 512;

    /** The most 16 KiB blocks a piece has: pieces are at most 256 MiB (the metainfo parser's cap). */
    static final int MAX_BLOCKS_PER_PIECE = 1 << 14;

    final PeerConnection connection;
    Bitfield has;
    byte[] earlyBitfield;
    boolean amChoking = true;
    boolean amInterested;
    boolean peerChoking = true;
    boolean peerInterested;
    int strikes;
    int pipelineDepth = 64;

    /**
     * The most requests the peer queues (its {@code reqq}, BEP 10); the pipeline never goes deeper, for a
     * peer may drop requests beyond it silently, and a block it dropped is only asked again after a time-out.
     */
    int maxRequests = MAX_PIPELINE;

    /** Our requests in flight, by block key, with when they were sent. */
    final Map<Long, Long> requested = new LinkedHashMap<>();

    final RateMeter fromPeer = new RateMeter();
    final RateMeter toPeer = new RateMeter();

    /** The peer's id for ut_metadata messages (BEP 10), 0 when it does not speak it. */
    int metadataExtensionId;

    /** The client name from the peer's extension handshake. */
    String client = "";

    Peer(PeerConnection connection, int pieceCount) {
        this.connection = connection;
        this.has = new Bitfield(pieceCount);
    }

    /**
     * One number for a block of a piece. Packed so that a map of them hashes well: {@code piece << 32 | block}
     * made {@code Long.hashCode} (high bits XOR low) collide for every piece/block pair with the same XOR,
     * and the pipeline's map degraded into tree bins.
     */
    static long key(int piece, int block) {
        return ((long) piece << 14) | block;
    }

    static int pieceOf(long key) {
        return (int) (key >>> 14);
    }

    static int blockOf(long key) {
        return (int) (key & (MAX_BLOCKS_PER_PIECE - 1));
    }

    /** Enough requests queued to keep the peer busy for about a second at the rate it is delivering. */
    void adaptPipeline(long now) {
        long rate = fromPeer.rate(now);
        pipelineDepth = Math.min(maxRequests, (int) Math.clamp(rate / PieceDownload.BLOCK, MIN_PIPELINE, MAX_PIPELINE));
    }

    /** The peer told its {@code reqq}: 0 (not said) leaves our own bounds. */
    void limitRequestsTo(int reqq) {
        maxRequests = reqq > 0 ? Math.min(reqq, MAX_PIPELINE) : MAX_PIPELINE;
        pipelineDepth = Math.min(pipelineDepth, maxRequests);
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
