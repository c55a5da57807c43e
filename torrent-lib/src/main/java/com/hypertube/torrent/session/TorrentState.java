package com.hypertube.torrent.session;

public enum TorrentState {
    /** Waiting for the info dictionary from peers (a magnet). */
    FETCHING_METADATA,
    /** Verifying the data already on disk. */
    CHECKING,
    DOWNLOADING,
    /** Every wanted piece is had; serving peers. */
    SEEDING,
    PAUSED,
    /** Removed, or the client closed. */
    STOPPED
}
