package com.hypertube.torrent.picker;

import java.util.Comparator;

/**
 * The order in which pieces are worth fetching; the first is the most urgent. This is the one answer to
 * "why is this piece next?":
 *
 * <ol>
 *   <li><b>A streaming deadline</b> (a reader's position and its readahead window): pieces with one come
 *       first, the earliest deadline first. A player waiting for bytes outranks everything.
 *   <li><b>Already begun</b>: a piece partly downloaded is finished before another is started, so that
 *       pieces complete (and can be verified, written and shared) rather than all crawl at once, and the
 *       memory of pieces in flight stays small.
 *   <li><b>File priority</b>: higher first. The first and last pieces of a selected video get a raised
 *       priority (an MP4's {@code moov} box and an MKV's cues live there, and a player reads them first).
 *   <li><b>Rarest first</b>: a piece fewer connected peers have is fetched before a common one, so that it
 *       is not lost when they leave and so that we have something others want.
 *   <li><b>Lowest index</b>: among equals, in order, which also suits a player reading forward.
 * </ol>
 */
public final class PieceOrder {

    /** The state of one piece that its place in the order depends on. */
    public record Candidate(int piece, long deadline, boolean begun, int priority, int availability) {

        /** No deadline: later than every real one. */
        public static final long NO_DEADLINE = Long.MAX_VALUE;
    }

    /**
     * The order above, field by field. Written out rather than chained from {@code Comparator.comparing…}:
     * it runs for every piece on every pick, and the chained form boxes and dispatches through five lambdas.
     */
    public static final Comparator<Candidate> MOST_URGENT_FIRST = (a, b) -> {
        if (a.deadline() != b.deadline()) {
            return Long.compare(a.deadline(), b.deadline());
        }
        if (a.begun() != b.begun()) {
            return a.begun() ? -1 : 1;
        }
        if (a.priority() != b.priority()) {
            return Integer.compare(b.priority(), a.priority());
        }
        if (a.availability() != b.availability()) {
            return Integer.compare(a.availability(), b.availability());
        }
        return Integer.compare(a.piece(), b.piece());
    };

    private PieceOrder() {}
}
