package com.hypertube.torrent.session;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * The client's once-a-second housekeeping of every torrent. Each torrent is ticked apart from the others:
 * one ticker serves the whole process, so an exception escaping one torrent's tick would otherwise end
 * keep-alives, request time-outs, re-choking and new connections for every torrent at once.
 */
final class Housekeeping {

    private static final System.Logger log = System.getLogger(Housekeeping.class.getName());

    private Housekeeping() {}

    static void tickEach(Collection<TorrentHandle> torrents) {
        tickEach(torrents, handle -> handle.session().tick());
    }

    /** Ticks each torrent; one that throws is logged, and the others are ticked all the same. */
    static void tickEach(Collection<TorrentHandle> torrents, Consumer<TorrentHandle> tick) {
        for (TorrentHandle torrent : torrents) {
            try {
                tick.accept(torrent);
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.ERROR, "the housekeeping of " + torrent.infoHash() + " failed", e);
            }
        }
    }
}
