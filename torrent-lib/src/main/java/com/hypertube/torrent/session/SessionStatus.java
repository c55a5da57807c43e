package com.hypertube.torrent.session;

import com.hypertube.torrent.picker.PiecePicker;
import com.hypertube.torrent.tracker.AnnounceTarget;
import java.util.BitSet;
import java.util.List;

/**
 * What a torrent reports: its status for the handle, each peer's figures, its progress for the trackers.
 * Reads only; every method is called under the session's monitor, so that a report is one consistent
 * moment of the torrent (the bytes wanted and verified, and the bitfield, from the same piece counts).
 */
final class SessionStatus {

    private final TorrentSession session;

    SessionStatus(TorrentSession session) {
        this.session = session;
    }

    TorrentStatus snapshot() {
        long now = session.time.millis();
        long wanted = 0;
        long verified = 0;
        if (session.info != null) {
            for (int piece = 0; piece < session.info.pieceCount(); piece++) {
                if (session.picker.priority(piece) != PiecePicker.SKIP) {
                    wanted += session.info.pieceLength(piece);
                    if (session.have.has(piece)) {
                        verified += session.info.pieceLength(piece);
                    }
                }
            }
        }
        long rate = session.downloaded.rate(now);
        long eta = rate > 0 ? (wanted - verified) / rate : (wanted == verified && session.info != null ? 0 : -1);
        return new TorrentStatus(
                session.state(),
                wanted,
                verified,
                session.downloaded.total(),
                session.uploaded.total(),
                rate,
                session.uploaded.rate(now),
                eta,
                session.peers.size(),
                session.info == null ? 0 : session.info.pieceCount(),
                session.have == null ? new BitSet() : session.have.toBitSet(),
                session.failure());
    }

    List<PeerInfo> peerInfos() {
        long now = session.time.millis();
        return session.peers.values().stream()
                .map(peer -> new PeerInfo(
                        peer.connection.address(),
                        peer.client,
                        peer.fromPeer.rate(now),
                        peer.toPeer.rate(now),
                        peer.amChoking,
                        peer.amInterested,
                        peer.peerChoking,
                        peer.peerInterested,
                        peer.has.count(),
                        peer.requested.size()))
                .toList();
    }

    AnnounceTarget.Progress progress() {
        TorrentStatus status = snapshot();
        return new AnnounceTarget.Progress(
                status.downloadedBytes(),
                status.uploadedBytes(),
                session.info == null ? TorrentSession.LEFT_UNKNOWN : status.wantedBytes() - status.verifiedBytes(),
                session.state() == TorrentState.SEEDING,
                session.isHalted(),
                session.state() == TorrentState.CHECKING,
                session.completedHere);
    }

    /** Downloading (or fetching the metadata) with no peer: the trackers are asked sooner. */
    boolean needsPeers() {
        TorrentState state = session.state();
        return session.peers.isEmpty()
                && (state == TorrentState.FETCHING_METADATA
                        || state == TorrentState.CHECKING
                        || state == TorrentState.DOWNLOADING);
    }
}
