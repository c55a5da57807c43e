package com.hypertube.torrent.tracker;

import com.hypertube.torrent.metainfo.InfoHash;

/** What we tell a tracker in an announce. */
public record AnnounceRequest(
        InfoHash infoHash,
        byte[] peerId,
        int port,
        long uploaded,
        long downloaded,
        long left,
        Event event,
        int wanted) {

    public enum Event {
        NONE,
        COMPLETED,
        STARTED,
        STOPPED
    }
}
