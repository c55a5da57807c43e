package com.hypertube.torrent.session;

import java.util.ArrayDeque;

/**
 * The arrays one torrent's pieces in flight are assembled in, taken from the client's {@link MemoryBudget}.
 * Full-length arrays are reused: a 1 GiB download would otherwise allocate a thousand 1 MiB arrays and keep a
 * small heap busy collecting them. A pooled array stays counted in the budget (it is heap all the same), so
 * the pool is small — at most 8 arrays and 8 MiB, none for pieces over 8 MiB —, emptied when the torrent
 * stops downloading, when it has not been drawn from for a tick (an idle torrent's pool would otherwise keep
 * others waiting), and when this torrent itself cannot get an array of another length (its last piece).
 * Guarded by the session's lock.
 */
final class PieceBuffers {

    private static final int MAX_POOLED = 8;
    private static final long MAX_POOLED_BYTES = 8L * 1024 * 1024;

    private final int pieceLength;
    private final int maxPooled;
    private final MemoryBudget budget;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private boolean drawnFrom;

    PieceBuffers(int pieceLength, MemoryBudget budget) {
        this.pieceLength = pieceLength;
        this.maxPooled = (int) Math.min(MAX_POOLED, MAX_POOLED_BYTES / pieceLength);
        this.budget = budget;
    }

    /** An array of {@code length} bytes, or null when the client's budget has no room for it now. */
    byte[] take(int length) {
        if (length == pieceLength && !free.isEmpty()) {
            drawnFrom = true;
            return free.pop();
        }
        if (budget.tryReserve(length)) {
            return new byte[length];
        }
        clear();
        return budget.tryReserve(length) ? new byte[length] : null;
    }

    /** The piece is done with its array: pooled, or its bytes go back to the budget. */
    void give(byte[] buffer) {
        if (buffer.length == pieceLength && free.size() < maxPooled) {
            free.push(buffer);
        } else {
            budget.release(buffer.length);
        }
    }

    /** Called once a tick: a pool not drawn from since the last is not needed now. */
    void trimIfIdle() {
        if (!drawnFrom) {
            clear();
        }
        drawnFrom = false;
    }

    /** Frees the pooled arrays: the torrent is not downloading now, and another may need the memory. */
    void clear() {
        while (!free.isEmpty()) {
            budget.release(free.pop().length);
        }
    }
}
