package com.hypertube.torrent.tracker;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.tracker.http.HttpTracker;
import com.hypertube.torrent.tracker.udp.UdpTracker;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/** A tracker we can announce to and scrape, over HTTP(S) or UDP. */
public interface Tracker {

    AnnounceResponse announce(AnnounceRequest request) throws IOException, TrackerException;

    ScrapeResponse scrape(InfoHash infoHash) throws IOException, TrackerException;

    /** The tracker at this announce URL, reached only at addresses the policy allows. */
    static Tracker at(URI announceUrl, AddressPolicy addresses) {
        return switch (announceUrl.getScheme().toLowerCase(Locale.ROOT)) {
            case "http", "https" -> new HttpTracker(announceUrl, addresses);
            case "udp" -> new UdpTracker(announceUrl, addresses);
            default -> throw new IllegalArgumentException("no tracker protocol for " + announceUrl);
        };
    }
}
