package com.hypertube.torrent.tracker;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.peer.PeerAddress;
import java.util.List;

/** What the announcer needs of a torrent: its identity and progress, and where to send the peers found. */
public interface AnnounceTarget {

    InfoHash infoHash();

    Progress progress();

    void addPeers(List<PeerAddress> peers);

    /** The figures an announce reports. */
    record Progress(long downloaded, long uploaded, long left, boolean complete, boolean stopped) {}
}
