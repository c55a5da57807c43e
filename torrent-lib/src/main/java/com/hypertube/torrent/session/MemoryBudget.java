package com.hypertube.torrent.session;

/**
 * Bytes that all the torrents of a client may hold at once for one purpose (piece buffers, magnets'
 * metadata being assembled). Without it the per-torrent limits multiply by the number of torrents: ten
 * torrents of 32 MiB pieces, four pieces in flight each, would want 1.25 GiB of heap. A reservation that
 * does not fit is refused, never waited for under a lock: the caller tries again later (the next tick).
 * Thread-safe; callers may hold their session's lock, this class never calls out.
 */
final class MemoryBudget {

    private final String purpose;
    private final long limit;
    private long used;
    private long peak;

    /** @param purpose what the bytes are for, for messages ("piece buffers") */
    MemoryBudget(String purpose, long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a budget for " + purpose + " must be positive: " + limit);
        }
        this.purpose = purpose;
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget if they fit; false (and nothing taken) if they do not. */
    synchronized boolean tryReserve(long bytes) {
        if (bytes < 0 || bytes > limit - used) {
            return false;
        }
        used += bytes;
        peak = Math.max(peak, used);
        return true;
    }

    synchronized void release(long bytes) {
        if (bytes < 0 || bytes > used) {
            throw new IllegalStateException("releasing " + bytes + " bytes of " + purpose + " with " + used + " held");
        }
        used -= bytes;
    }

    synchronized long used() {
        return used;
    }

    /** The most ever held at once: what tests check the budget by. */
    synchronized long peak() {
        return peak;
    }

    long limit() {
        return limit;
    }

    String purpose() {
        return purpose;
    }
}
