package com.hypertube.torrent.tracker;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.peer.PeerAddress;
import java.util.List;

/** What the announcer needs of a torrent: its identity and progress, and where to send the peers found. */
public interface AnnounceTarget {

    InfoHash infoHash();

    Progress progress();

    void addPeers(List<PeerAddress> peers);

    /** Whether the torrent is downloading (or fetching its metadata) with no peer connected: then it is announced sooner. */
    default boolean needsPeers() {
        return false;
    }

    /**
     * The figures an announce reports.
     *
     * @param complete every wanted piece is had
     * @param checking the data on disk is being verified: {@code left} is not known yet
     * @param completedHere the download finished during this session (not: it was complete when it started)
     */
    record Progress(
            long downloaded,
            long uploaded,
            long left,
            boolean complete,
            boolean stopped,
            boolean checking,
            boolean completedHere) {}
}
