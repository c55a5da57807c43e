package com.hypertube.torrent.tracker;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.tracker.http.HttpTracker;
import com.hypertube.torrent.tracker.udp.UdpTracker;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tracker we can announce to and scrape, over HTTP(S) or UDP. */
public interface Tracker {

    AnnounceResponse announce(AnnounceRequest request) throws IOException, TrackerException;

    ScrapeResponse scrape(InfoHash infoHash) throws IOException, TrackerException;

    /**
     * The swarms of many torrents, asked in as few exchanges as the protocol allows. A torrent the tracker
     * does not know is absent from the answer (the caller decides what that means), never an error.
     * This default asks one at a time, for a tracker that has no batched form.
     */
    default Map<InfoHash, ScrapeResponse> scrape(List<InfoHash> infoHashes) throws IOException, TrackerException {
        Map<InfoHash, ScrapeResponse> swarms = new LinkedHashMap<>();
        for (InfoHash infoHash : infoHashes) {
            swarms.put(infoHash, scrape(infoHash));
        }
        return swarms;
    }

    /** The tracker at this announce URL, reached only at addresses the policy allows. */
    static Tracker at(URI announceUrl, AddressPolicy addresses) {
        return switch (announceUrl.getScheme().toLowerCase(Locale.ROOT)) {
            case "http", "https" -> new HttpTracker(announceUrl, addresses);
            case "udp" -> new UdpTracker(announceUrl, addresses);
            default -> throw new IllegalArgumentException("no tracker protocol for " + announceUrl);
        };
    }
}
