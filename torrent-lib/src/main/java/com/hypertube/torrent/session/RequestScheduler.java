package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.picker.PieceOrder;
import com.hypertube.torrent.picker.PiecePicker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What we ask each peer for: the pieces in flight, their 16 KiB blocks and who was asked for each. Blocks
 * are chosen by {@link PieceOrder}; a peer's requests are pipelined to the depth its rate earns; in
 * endgame, and for a late piece a reader waits on, a block is asked of a second peer too. Guarded by the
 * session's lock.
 */
final class RequestScheduler {

    /** A request unanswered this long is given up and asked of someone else. */
    static final long REQUEST_TIMEOUT_MILLIS = 20_000;

    /** A block of a piece with a deadline, unanswered this long, is also asked of a second peer. */
    static final long CRITICAL_ASK_AGAIN_MILLIS = 800;

    /** The memory allowed for pieces in flight; it bounds how many pieces are begun at once. */
    static final long IN_FLIGHT_BUDGET_BYTES = 12L * 1024 * 1024;

    private final TorrentInfo info;
    private final PiecePicker picker;
    private final PieceBuffers buffers;
    private final Map<Integer, PieceDownload> downloads = new LinkedHashMap<>();

    /** Pieces complete and being hashed and written: they still hold memory. */
    private int verifying;

    /** @param memory the client's budget for piece buffers, shared by all its torrents */
    RequestScheduler(TorrentInfo info, PiecePicker picker, MemoryBudget memory) {
        if (info.pieceLength() > (long) Peer.MAX_BLOCKS_PER_PIECE * PieceDownload.BLOCK) {
            throw new IllegalArgumentException("pieces of " + info.pieceLength() + " bytes have too many blocks");
        }
        this.info = info;
        this.picker = picker;
        this.buffers = new PieceBuffers((int) info.pieceLength(), memory);
    }

    /** Whether the peer has a piece we want. */
    boolean wantsFrom(Peer peer) {
        return picker.wantsAnyOf(peer.has);
    }

    /** Tops the peer's pipeline up with the most urgent blocks it can give. */
    void fill(Peer peer, long now) {
        // Topped up a batch at a time, not one request per block received: each refill wakes the peer's
        // writer and costs a send, and a pipeline an eighth below its depth still keeps the peer busy.
        if (peer.requested.size() > peer.pipelineDepth - Math.max(1, peer.pipelineDepth / 8)) {
            return;
        }
        while (peer.requested.size() < peer.pipelineDepth) {
            Optional<BlockToAsk> next = nextBlock(peer, now);
            if (next.isEmpty()) {
                return;
            }
            PieceDownload download = downloads.get(next.get().piece());
            request(peer, download, next.get().block(), now);
            // The rest of the chosen piece's free blocks follow: the order cannot change in between, and
            // choosing again for every 16 KiB block costs more than the blocks themselves on loopback.
            int block;
            while (peer.requested.size() < peer.pipelineDepth && (block = download.firstUnaskedBlock()) >= 0) {
                request(peer, download, block, now);
            }
        }
    }

    /**
     * Stores a block; returns the piece when it is complete (to be verified), else null. A block nobody
     * asked for, or already had, is ignored; the others asked for it are sent a cancel. A piece whose
     * deadline has passed (a player waits for it) is hashed as its blocks come.
     */
    PieceDownload receive(Peer peer, PeerMessage.Piece message, long now) {
        int block = message.offset() / PieceDownload.BLOCK;
        if (block >= Peer.MAX_BLOCKS_PER_PIECE) {
            return null; // no piece has such a block: nobody asked for it
        }
        long key = Peer.key(message.piece(), block);
        peer.requested.remove(key);
        PieceDownload download = downloads.get(message.piece());
        if (download == null
                || message.offset() % PieceDownload.BLOCK != 0
                || block >= download.blockCount()
                || message.block().length != download.blockLength(block)
                || download.isReceived(block)) {
            return null;
        }
        boolean awaited = picker.deadline(download.piece) <= now;
        for (Peer other : download.receive(block, message.block(), peer, awaited)) {
            other.requested.remove(key);
            other.connection.send(new PeerMessage.Cancel(message.piece(), message.offset(), message.block().length));
        }
        if (!download.isComplete()) {
            return null;
        }
        downloads.remove(message.piece());
        verifying++;
        return download;
    }

    /** A complete piece was verified (or failed): its memory is free again; a failed one is fetched anew. */
    void done(PieceDownload download, boolean good) {
        verifying--;
        if (!good) {
            picker.setBegun(download.piece, false);
        }
        buffers.give(download.data);
    }

    /**
     * Drops the pieces in flight and frees their memory for other torrents: this one is paused, failed,
     * stopped or complete, and its peers are gone (or going: their requests are forgotten as they leave).
     * Pieces being verified free theirs when done.
     */
    void dropAll() {
        for (PieceDownload download : downloads.values()) {
            picker.setBegun(download.piece, false);
            download.askedPeers()
                    .forEach(peer -> peer.requested.keySet().removeIf(key -> Peer.pieceOf(key) == download.piece));
            buffers.give(download.data);
        }
        downloads.clear();
        buffers.clear();
    }

    /** Once a tick: pooled buffers not used lately go back to the client's budget. */
    void trimBuffers() {
        buffers.trimIfIdle();
    }

    /** The peer will answer none of its requests (it choked us, or left). */
    void forgetRequestsOf(Peer peer) {
        peer.requested.keySet().forEach(key -> forget(peer, key));
        peer.requested.clear();
    }

    /** Gives up requests unanswered for too long, so that their blocks go to someone else. */
    void expire(Peer peer, long now) {
        List<Long> expired = peer.requested.entrySet().stream()
                .filter(entry -> now - entry.getValue() > REQUEST_TIMEOUT_MILLIS)
                .map(Map.Entry::getKey)
                .toList();
        for (long key : expired) {
            peer.requested.remove(key);
            forget(peer, key);
        }
    }

    private void forget(Peer peer, long key) {
        PieceDownload download = downloads.get(Peer.pieceOf(key));
        if (download != null) {
            download.forget(Peer.blockOf(key), peer);
        }
    }

    private static void request(Peer peer, PieceDownload download, int block, long now) {
        download.asked(block, peer, now);
        peer.requested.put(Peer.key(download.piece, block), now);
        peer.connection.send(
                new PeerMessage.Request(download.piece, download.blockOffset(block), download.blockLength(block)));
    }

    /** A block of a piece in flight to ask a peer for: its piece, and its index within the piece. */
    private record BlockToAsk(int piece, int block) {}

    /** The block this peer should be asked for next, by {@link PieceOrder}. */
    private Optional<BlockToAsk> nextBlock(Peer peer, long now) {
        PieceDownload best = null;
        for (PieceDownload download : downloads.values()) {
            if (peer.has.has(download.piece)
                    && download.firstUnaskedBlock() >= 0
                    && (best == null || moreUrgent(picker.candidate(download.piece), best))) {
                best = download;
            }
        }
        // A piece not begun outranks a begun one only by an earlier deadline: without any, skip the scan.
        boolean freshMayWin = best == null || picker.hasDeadlines();
        if (freshMayWin && downloads.size() + verifying < maxPiecesInFlight()) {
            Optional<PieceOrder.Candidate> fresh = picker.nextToBegin(peer.has);
            byte[] buffer;
            // No room in the client's budget: the piece is begun later (a tick, or a piece of ours done).
            if (fresh.isPresent()
                    && (best == null || moreUrgent(fresh.get(), best))
                    && (buffer = buffers.take(info.pieceLength(fresh.get().piece()))) != null) {
                int piece = fresh.get().piece();
                best = new PieceDownload(piece, buffer);
                downloads.put(piece, best);
                picker.setBegun(piece, true);
            }
        }
        if (best != null) {
            return Optional.of(new BlockToAsk(best.piece, best.firstUnaskedBlock()));
        }
        // A reader waits on a piece whose blocks were asked of a slow peer: ask this one too.
        for (PieceDownload download : downloads.values()) {
            if (peer.has.has(download.piece) && picker.deadline(download.piece) != PieceOrder.Candidate.NO_DEADLINE) {
                int block = download.blockToAskAgain(peer, now - CRITICAL_ASK_AGAIN_MILLIS);
                if (block >= 0) {
                    return Optional.of(new BlockToAsk(download.piece, block));
                }
            }
        }
        // Endgame: nothing left to begin, every missing block asked of someone: ask again in parallel. (Asked
        // after every block received while the pieces in flight are at their budget: a cheap look, not a pick.)
        if (!picker.anyToBegin(peer.has)) {
            for (PieceDownload download : downloads.values()) {
                int block = peer.has.has(download.piece) ? download.blockToAskAgain(peer, now) : -1;
                if (block >= 0) {
                    return Optional.of(new BlockToAsk(download.piece, block));
                }
            }
        }
        return Optional.empty();
    }

    private boolean moreUrgent(PieceOrder.Candidate candidate, PieceDownload than) {
        return PieceOrder.MOST_URGENT_FIRST.compare(candidate, picker.candidate(than.piece)) < 0;
    }

    private int maxPiecesInFlight() {
        return (int) Math.clamp(IN_FLIGHT_BUDGET_BYTES / info.pieceLength(), 4, 256);
    }
}
