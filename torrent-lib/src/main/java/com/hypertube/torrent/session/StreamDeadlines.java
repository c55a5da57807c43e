package com.hypertube.torrent.session;

import com.hypertube.torrent.picker.PieceOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time-critical windows of a torrent's readers: the piece under each reader's position and the
 * pieces ahead of it, with deadlines 100 ms apart so that the order within a window is reading order.
 * Guarded by the session's lock.
 */
final class StreamDeadlines {

    static final long SPACING_MILLIS = 100;

    private record Window(int first, int count, long setAt) {}

    private final Map<Object, Window> windows = new LinkedHashMap<>();

    void set(Object reader, int first, int count, long now) {
        Window current = windows.get(reader);
        // Moving forward within the same window keeps the original times: the reader is still behind.
        long setAt = current != null && current.first() == first ? current.setAt() : now;
        windows.put(reader, new Window(first, count, setAt));
    }

    void remove(Object reader) {
        windows.remove(reader);
    }

    long deadlineOf(int piece) {
        long best = PieceOrder.Candidate.NO_DEADLINE;
        for (Window window : windows.values()) {
            if (piece >= window.first() && piece < window.first() + window.count()) {
                best = Math.min(best, window.setAt() + (piece - window.first()) * SPACING_MILLIS);
            }
        }
        return best;
    }

    /** Each reader's window, in the order the readers opened them. */
    List<ReaderWindow> windows() {
        return windows.values().stream()
                .map(window -> new ReaderWindow(window.first(), window.count()))
                .toList();
    }
}
