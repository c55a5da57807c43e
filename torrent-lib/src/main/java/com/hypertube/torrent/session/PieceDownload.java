package com.hypertube.torrent.session;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A piece being fetched: its bytes so far, which 16 KiB blocks arrived, and who was asked for each. A
 * block may be asked of several peers at once (endgame, or a late piece a player is waiting for).
 */
final class PieceDownload {

    static final int BLOCK = 16 * 1024;

    final int piece;
    final byte[] data;
    private final int blockCount;
    private final BitSet received = new BitSet();

    /** Blocks neither received nor asked of anyone: what a peer's pipeline is filled from, in order. */
    private final BitSet unasked = new BitSet();

    private final List<List<Peer>> askedOf;
    private final long[] askedAt;
    final Set<Peer> senders = new HashSet<>();

    /**
     * The piece's SHA-1 so far. A piece a player is waiting for is hashed as its blocks arrive in order
     * (they nearly always do), so that it is verified at once when complete rather than after a pass over
     * all of it: readable as soon as its last block lands (a cold JVM hashed a first 1 MiB piece in 15-60 ms).
     * The others are hashed whole, on their verify threads, beside the peers' threads: hashing every block
     * on arrival, on the thread that reads the socket, cost a quarter of the throughput.
     */
    private final MessageDigest digest = TorrentSession.sha1();

    /** How many blocks, from the first, went into {@link #digest}. */
    private int hashedBlocks;

    /** @param data where the piece's bytes go: exactly the piece's length */
    PieceDownload(int piece, byte[] data) {
        this.piece = piece;
        this.data = data;
        int length = data.length;
        this.blockCount = (length + BLOCK - 1) / BLOCK;
        this.askedOf = new ArrayList<>(blockCount);
        for (int i = 0; i < blockCount; i++) {
            askedOf.add(new ArrayList<>(1));
        }
        this.askedAt = new long[blockCount];
        unasked.set(0, blockCount);
    }

    int blockCount() {
        return blockCount;
    }

    int blockOffset(int block) {
        return block * BLOCK;
    }

    int blockLength(int block) {
        return Math.min(BLOCK, data.length - block * BLOCK);
    }

    /** The first block nobody was asked for, or -1. */
    int firstUnaskedBlock() {
        return unasked.nextSetBit(0);
    }

    /**
     * A block still missing that others were asked for (at least {@code askedBefore}) but not this peer:
     * for endgame and for late critical pieces. -1 when there is none.
     */
    int blockToAskAgain(Peer peer, long askedBefore) {
        for (int block = 0; block < blockCount; block++) {
            List<Peer> asked = askedOf.get(block);
            if (!received.get(block) && !asked.isEmpty() && !asked.contains(peer) && askedAt[block] <= askedBefore) {
                return block;
            }
        }
        return -1;
    }

    void asked(int block, Peer peer, long now) {
        askedOf.get(block).add(peer);
        askedAt[block] = now;
        unasked.clear(block);
    }

    /** The peer will not answer this request (choked us, timed out, left). */
    void forget(int block, Peer peer) {
        List<Peer> asked = askedOf.get(block);
        asked.remove(peer);
        if (asked.isEmpty() && !received.get(block)) {
            unasked.set(block);
        }
    }

    boolean isReceived(int block) {
        return received.get(block);
    }

    /**
     * Stores a block; returns the other peers that were asked for it, whose requests can be cancelled.
     * {@code awaited}: a player waits for this piece, so what has arrived in order is hashed now.
     */
    List<Peer> receive(int block, byte[] bytes, Peer from, boolean awaited) {
        System.arraycopy(bytes, 0, data, blockOffset(block), bytes.length);
        received.set(block);
        unasked.clear(block);
        if (awaited) {
            hashBlocksReceivedInOrder();
        }
        senders.add(from);
        List<Peer> others = new ArrayList<>(askedOf.get(block));
        others.remove(from);
        askedOf.get(block).clear();
        return others;
    }

    boolean isComplete() {
        return received.cardinality() == blockCount;
    }

    /** The SHA-1 of the complete piece: what was not hashed on arrival (blocks out of order) is hashed now. */
    byte[] sha1() {
        hashBlocksReceivedInOrder();
        if (hashedBlocks < blockCount) {
            throw new IllegalStateException("piece " + piece + " is not complete");
        }
        return digest.digest();
    }

    private void hashBlocksReceivedInOrder() {
        while (hashedBlocks < blockCount && received.get(hashedBlocks)) {
            digest.update(data, blockOffset(hashedBlocks), blockLength(hashedBlocks));
            hashedBlocks++;
        }
    }

    /** Every peer asked for any block, to release them all when the piece is dropped. */
    Set<Peer> askedPeers() {
        Set<Peer> peers = new HashSet<>();
        askedOf.forEach(peers::addAll);
        return peers;
    }
}
