package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.PeerAddress;

/** What happened to a torrent, as its listeners are told. */
public sealed interface TorrentEvent {

    record MetadataReceived(TorrentInfo info) implements TorrentEvent {}

    record PieceVerified(int piece) implements TorrentEvent {}

    /** A piece failed its hash check: it is fetched again, and its senders are counted against. */
    record PieceFailed(int piece) implements TorrentEvent {}

    /** Every wanted piece is had. */
    record Completed() implements TorrentEvent {}

    record PeerConnected(PeerAddress peer) implements TorrentEvent {}

    record PeerDisconnected(PeerAddress peer, String reason) implements TorrentEvent {}

    /**
     * A piece could not be written for lack of disk space: the torrent paused itself, keeping what it has;
     * {@link TorrentHandle#resume()} goes on once there is room.
     */
    record DiskFull(String reason) implements TorrentEvent {}

    /** Something went wrong that the torrent cannot work around (a disk error, say). */
    record Failed(String reason) implements TorrentEvent {}
}
