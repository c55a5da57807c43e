package com.hypertube.torrent.picker;

import com.hypertube.torrent.peer.Bitfield;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * The state {@link PieceOrder} needs for every piece of a torrent: what we have, what we want and how
 * much, how many peers have each piece, which are begun, and the streaming deadlines. Not thread-safe:
 * the torrent session owns it under its lock.
 */
public final class PiecePicker {

    /** Priority of a piece we do not want at all. */
    public static final int SKIP = 0;

    public static final int NORMAL = 1;

    /** The first and last pieces of a selected video. */
    public static final int EDGE = 2;

    private final int pieceCount;
    private final BitSet have = new BitSet();
    private final BitSet begun = new BitSet();

    /**
     * The pieces we want and lack (priority not {@link #SKIP}, not had), kept as the others change: "is
     * there anything left?" and "does this peer have anything for us?" are asked after every piece.
     */
    private final BitSet wanted = new BitSet();

    private final int[] priority;
    private final int[] availability;
    private final long[] deadline;

    /** The pieces with a deadline: a player's window, a few pieces among thousands. */
    private final BitSet withDeadline = new BitSet();

    public PiecePicker(int pieceCount) {
        this.pieceCount = pieceCount;
        this.priority = new int[pieceCount];
        this.availability = new int[pieceCount];
        this.deadline = new long[pieceCount];
        Arrays.fill(priority, NORMAL);
        Arrays.fill(deadline, PieceOrder.Candidate.NO_DEADLINE);
        wanted.set(0, pieceCount);
    }

    public void setPriority(int piece, int value) {
        priority[piece] = value;
        wanted.set(piece, value != SKIP && !have.get(piece));
    }

    /** Raises a piece's priority, never lowers it (a piece shared by two files keeps the higher). */
    public void raisePriority(int piece, int value) {
        setPriority(piece, Math.max(priority[piece], value));
    }

    public int priority(int piece) {
        return priority[piece];
    }

    public void setHave(int piece) {
        have.set(piece);
        begun.clear(piece);
        wanted.clear(piece);
    }

    public void setBegun(int piece, boolean value) {
        begun.set(piece, value);
    }

    public boolean has(int piece) {
        return have.get(piece);
    }

    public void peerHas(int piece) {
        availability[piece]++;
    }

    public void peerHasAll(Bitfield bitfield) {
        for (int piece = 0; piece < pieceCount; piece++) {
            if (bitfield.has(piece)) {
                availability[piece]++;
            }
        }
    }

    public void peerLeft(Bitfield bitfield) {
        for (int piece = 0; piece < pieceCount; piece++) {
            if (bitfield.has(piece)) {
                availability[piece]--;
            }
        }
    }

    public void setDeadline(int piece, long at) {
        deadline[piece] = at;
        withDeadline.set(piece, at != PieceOrder.Candidate.NO_DEADLINE);
    }

    public void clearDeadline(int piece) {
        setDeadline(piece, PieceOrder.Candidate.NO_DEADLINE);
    }

    /** Whether any piece has a streaming deadline: without one, a begun piece always comes first. */
    public boolean hasDeadlines() {
        return !withDeadline.isEmpty();
    }

    public long deadline(int piece) {
        return deadline[piece];
    }

    /** Whether every piece we want is had. */
    public boolean isDone() {
        return wanted.isEmpty();
    }

    /** Whether the peer has any piece we want (begun or not): whether to be interested in it. */
    public boolean wantsAnyOf(Bitfield peerHas) {
        return peerHas.intersects(wanted);
    }

    public PieceOrder.Candidate candidate(int piece) {
        return new PieceOrder.Candidate(piece, deadline[piece], begun.get(piece), priority[piece], availability[piece]);
    }

    /** Whether any piece we want, not begun yet, is one the peer has: the first found ends the look. */
    public boolean anyToBegin(Bitfield peerHas) {
        for (int piece = wanted.nextSetBit(0); piece >= 0; piece = wanted.nextSetBit(piece + 1)) {
            if (canBegin(piece, peerHas)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The most urgent piece not yet begun that the peer has and we want: a pass over the pieces, cheaper
     * than keeping them sorted as availability keeps changing, and done once per piece begun. A piece with a
     * deadline outranks every piece without one, so while a player waits only its window is looked at.
     */
    public Optional<PieceOrder.Candidate> nextToBegin(Bitfield peerHas) {
        PieceOrder.Candidate best = mostUrgentToBegin(withDeadline, peerHas);
        return Optional.ofNullable(best != null ? best : mostUrgentToBegin(wanted, peerHas));
    }

    private PieceOrder.Candidate mostUrgentToBegin(BitSet among, Bitfield peerHas) {
        PieceOrder.Candidate best = null;
        for (int piece = among.nextSetBit(0); piece >= 0; piece = among.nextSetBit(piece + 1)) {
            if (canBegin(piece, peerHas)) {
                PieceOrder.Candidate candidate = candidate(piece);
                if (best == null || PieceOrder.MOST_URGENT_FIRST.compare(candidate, best) < 0) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private boolean canBegin(int piece, Bitfield peerHas) {
        return wanted.get(piece) && !begun.get(piece) && peerHas.has(piece);
    }
}
