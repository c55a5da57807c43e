package com.hypertube.torrent.tracker;

import java.time.Duration;

/**
 * How soon to announce again while a torrent has no peer: a download whose first announce found nobody
 * (the tracker had not heard of the seeders yet, say) would otherwise wait the whole interval, 30 s or
 * more, before asking again. The waits grow 2 s, 4 s, 8 s… up to the tracker's interval; a tracker's
 * {@code min interval} is never undercut.
 */
final class NoPeersBackOff {

    static final Duration FIRST = Duration.ofSeconds(2);

    private Duration next = FIRST;

    /** The wait before the next announce after this answer, growing with each call. */
    Duration after(Duration interval, Duration minInterval) {
        Duration floor = minInterval == null ? Duration.ZERO : minInterval;
        Duration wait = clamp(next, floor, interval);
        next = next.multipliedBy(2).compareTo(interval) > 0 ? interval : next.multipliedBy(2);
        return wait;
    }

    /** The torrent has peers again: the next time it has none, waits start short again. */
    void reset() {
        next = FIRST;
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        Duration atLeast = value.compareTo(min) < 0 ? min : value;
        return atLeast.compareTo(max) > 0 ? max : atLeast;
    }
}
