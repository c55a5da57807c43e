package com.hypertube.torrent.tracker;

import com.hypertube.torrent.peer.PeerAddress;
import java.time.Duration;
import java.util.List;

/**
 * A tracker's answer to an announce.
 *
 * @param seeders peers with the whole torrent, -1 when the tracker did not say
 * @param leechers peers still downloading, -1 when the tracker did not say
 * @param minInterval how often at most the tracker wants to be asked, or null when it did not say
 */
public record AnnounceResponse(
        Duration interval, List<PeerAddress> peers, int seeders, int leechers, Duration minInterval) {

    public AnnounceResponse {
        peers = List.copyOf(peers);
    }

    /** An answer without a min interval (UDP trackers have none). */
    public AnnounceResponse(Duration interval, List<PeerAddress> peers, int seeders, int leechers) {
        this(interval, peers, seeders, leechers, null);
    }
}
