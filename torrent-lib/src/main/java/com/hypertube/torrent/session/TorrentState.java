package com.hypertube.torrent.session;

public enum TorrentState {
    /** Waiting for the info dictionary from peers (a magnet). */
    FETCHING_METADATA,
    /** Verifying the data already on disk. */
    CHECKING,
    DOWNLOADING,
    /** Every wanted piece is had; serving peers. */
    SEEDING,
    /** Paused by the user, or by a full disk (which a resume retries). */
    PAUSED,
    /**
     * Stopped by an error the torrent cannot work around (a disk error, unusable metadata); its reason is in
     * {@link TorrentStatus#failure()}. Not a pause: the user did not ask for it. A resume tries again.
     */
    FAILED,
    /** Removed, or the client closed. */
    STOPPED
}
