package com.hypertube.torrent.session;

import java.util.BitSet;

/**
 * A snapshot of a torrent's progress.
 *
 * @param wantedBytes the bytes of the selected files' pieces
 * @param verifiedBytes how many of those we have, verified
 * @param downloadRate bytes per second received, over the last seconds
 * @param uploadRate bytes per second sent
 * @param etaSeconds seconds left at the current rate, -1 when unknown
 * @param pieces which pieces we have (empty until the metadata is known)
 * @param failure why the torrent failed when its state is {@link TorrentState#FAILED}, else null
 */
public record TorrentStatus(
        TorrentState state,
        long wantedBytes,
        long verifiedBytes,
        long downloadedBytes,
        long uploadedBytes,
        long downloadRate,
        long uploadRate,
        long etaSeconds,
        int peers,
        int pieceCount,
        BitSet pieces,
        String failure) {

    /** Progress from 0 to 1. */
    public double progress() {
        return wantedBytes == 0 ? (state == TorrentState.SEEDING ? 1 : 0) : (double) verifiedBytes / wantedBytes;
    }
}
