package com.hypertube.torrent.tracker;

import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.session.TimeSource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces a torrent to its trackers, on a virtual thread of its own: {@code started} first,
 * {@code completed} when it completes, then at the interval the tracker asks, and {@code stopped} at the
 * end. Trackers are tried tier by tier (BEP 12), the first that answers moving to the front of its tier.
 */
public final class Announcer {

    private static final Logger log = Logger.getLogger(Announcer.class.getName());

    /** We do not announce more often than this, whatever a tracker says. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);

    /** After every tracker failed, we try again after this. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(60);

    private final AnnounceTarget target;
    private final List<List<URI>> tiers;
    private final byte[] peerId;
    private final IntSupplier port;
    private final TimeSource time;
    private volatile boolean running = true;
    private Thread thread;

    /** @param tiers the trackers in tiers (BEP 12): a tier is tried only when every tracker before failed */
    public Announcer(AnnounceTarget target, List<List<URI>> tiers, byte[] peerId, IntSupplier port, TimeSource time) {
        this.target = target;
        this.tiers = new ArrayList<>();
        tiers.forEach(tier -> this.tiers.add(new ArrayList<>(tier)));
        this.peerId = peerId.clone();
        this.port = port;
        this.time = time;
    }

    public void start() {
        thread = Thread.ofVirtual().name("announce-" + target.infoHash()).start(this::run);
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        Thread.ofVirtual().start(() -> announceOnce(AnnounceRequest.Event.STOPPED));
    }

    private void run() {
        AnnounceRequest.Event event = AnnounceRequest.Event.STARTED;
        boolean completedSent = target.progress().complete();
        while (running) {
            Duration wait = announceOnce(event);
            event = AnnounceRequest.Event.NONE;
            long until = time.millis() + wait.toMillis();
            while (running && time.millis() < until) {
                if (!completedSent && target.progress().complete()) {
                    completedSent = true;
                    event = AnnounceRequest.Event.COMPLETED;
                    break;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One announce, tier by tier; returns how long to wait before the next. */
    Duration announceOnce(AnnounceRequest.Event event) {
        AnnounceTarget.Progress progress = target.progress();
        AnnounceRequest request = new AnnounceRequest(
                target.infoHash(),
                peerId,
                Math.max(port.getAsInt(), 0),
                progress.uploaded(),
                progress.downloaded(),
                progress.left(),
                event,
                event == AnnounceRequest.Event.STOPPED ? 0 : 50);
        for (List<URI> tier : tiers) {
            for (URI url : List.copyOf(tier)) {
                try {
                    AnnounceResponse response = Tracker.at(url).announce(request);
                    synchronized (tier) {
                        tier.remove(url);
                        tier.addFirst(url);
                    }
                    List<PeerAddress> peers = response.peers();
                    if (!peers.isEmpty() && event != AnnounceRequest.Event.STOPPED) {
                        target.addPeers(peers);
                    }
                    return response.interval().compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : response.interval();
                } catch (IOException | TrackerException | RuntimeException e) {
                    log.log(Level.FINE, "announce to " + url + " failed", e);
                }
            }
        }
        return RETRY_AFTER_FAILURE;
    }
}
