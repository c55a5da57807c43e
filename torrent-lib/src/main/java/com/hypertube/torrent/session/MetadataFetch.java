package com.hypertube.torrent.session;

import com.hypertube.torrent.extension.MetadataMessage;
import com.hypertube.torrent.metainfo.InfoHash;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Assembles a magnet's info dictionary from 16 KiB ut_metadata pieces, and accepts it only when its
 * SHA-1 is the info hash. The buffer, of the size the first peer announced (up to 16 MiB), is taken from the
 * client's {@link MemoryBudget} for metadata: many magnets pending at once would otherwise hold 16 MiB
 * each on a peer's word. Without room, the fetch waits (asks nobody) until another magnet's ends. Guarded by
 * the session's lock.
 */
final class MetadataFetch {

    private static final long ASK_AGAIN_AFTER_MILLIS = 5_000;

    private final InfoHash infoHash;
    private final MemoryBudget budget;
    private long announcedSize;
    private boolean finished;
    private byte[] data;
    private BitSet received;
    private long[] askedAt;
    private Object[] askedOf; // who was asked each piece last

    MetadataFetch(InfoHash infoHash, MemoryBudget budget) {
        this.infoHash = infoHash;
        this.budget = budget;
    }

    /**
     * Starts with the size a peer announced, if it is sane and nothing started yet. A size over the whole
     * budget could never be held: it is ignored like one over the protocol's cap, and another peer's awaited.
     */
    void sizeAnnounced(long size) {
        if (announcedSize == 0 && size > 0 && size <= Math.min(MetadataMessage.MAX_METADATA_SIZE, budget.limit())) {
            announcedSize = size;
        }
        startIfRoom();
    }

    private void startIfRoom() {
        if (finished || data != null || announcedSize == 0 || !budget.tryReserve(announcedSize)) {
            return;
        }
        long size = announcedSize;
        data = new byte[(int) size];
        int pieces = (int) ((size + MetadataMessage.PIECE_SIZE - 1) / MetadataMessage.PIECE_SIZE);
        received = new BitSet(pieces);
        askedAt = new long[pieces];
        askedOf = new Object[pieces];
        Arrays.fill(askedAt, Long.MIN_VALUE / 2);
    }

    long size() {
        return data == null ? 0 : data.length;
    }

    /** Whether the buffer is held: false while waiting for room in the budget (or for a size). */
    boolean started() {
        return data != null;
    }

    /**
     * Gives the buffer back to the budget (the torrent is paused, failed or removed); what was received is
     * lost. A fetch not finished starts again, when there is room, the next time it is asked.
     */
    void release() {
        if (data != null) {
            budget.release(data.length);
            data = null;
        }
    }

    /**
     * A piece to ask this peer for now, or -1. A piece unanswered for 5 s is asked again of another peer; of
     * the same one only after twice that, when no other took it: a peer that never answers (some clients
     * ignore ut_metadata requests) would otherwise be asked again and again while the others wait.
     */
    int nextToAsk(Object peer, long now) {
        startIfRoom();
        if (data == null) {
            return -1;
        }
        for (int piece = received.nextClearBit(0); piece < askedAt.length; piece = received.nextClearBit(piece + 1)) {
            long waited = now - askedAt[piece];
            boolean sameAsker = askedOf[piece] == peer;
            if (waited >= (sameAsker ? 2 * ASK_AGAIN_AFTER_MILLIS : ASK_AGAIN_AFTER_MILLIS)) {
                askedAt[piece] = now;
                askedOf[piece] = peer;
                return piece;
            }
        }
        return -1;
    }

    /**
     * Stores a piece; returns the whole info dictionary once complete and verified, otherwise null. A
     * complete dictionary whose hash is wrong is thrown away and fetched again.
     */
    byte[] accept(int piece, byte[] bytes) {
        if (data == null || piece >= askedAt.length) {
            return null;
        }
        int offset = piece * MetadataMessage.PIECE_SIZE;
        int expected = Math.min(MetadataMessage.PIECE_SIZE, data.length - offset);
        if (bytes.length != expected) {
            return null;
        }
        System.arraycopy(bytes, 0, data, offset, bytes.length);
        received.set(piece);
        if (received.cardinality() < askedAt.length) {
            return null;
        }
        if (!InfoHash.ofInfo(data).equals(infoHash)) {
            received.clear();
            Arrays.fill(askedAt, Long.MIN_VALUE / 2);
            Arrays.fill(askedOf, null);
            return null;
        }
        byte[] complete = data;
        release();
        finished = true;
        return complete;
    }
}
