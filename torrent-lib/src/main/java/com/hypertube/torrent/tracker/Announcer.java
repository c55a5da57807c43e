package com.hypertube.torrent.tracker;

import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.net.ForbiddenAddressException;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.time.TimeSource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces a torrent to its trackers, on a virtual thread of its own: {@code started} first (once the data
 * on disk is checked, so that {@code left} is true), {@code completed} when the download finishes during
 * this session (never for data that was complete from the start: BEP 3), then at the interval the tracker
 * asks, sooner while the torrent has no peer ({@link NoPeersBackOff}), and {@code stopped} at the end.
 * Trackers are tried tier by tier (BEP 12), the first that answers moving to the front of its tier.
 */
public final class Announcer {

    private static final Logger log = Logger.getLogger(Announcer.class.getName());

    /** We do not announce more often than this, whatever a tracker says, unless the torrent has no peer. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);

    /** After every tracker failed, we try again after this. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(60);

    /** The first announce waits for the check of the data on disk at most this long (about 30 GB). */
    static final Duration AWAIT_CHECK_AT_MOST = Duration.ofSeconds(30);

    /** How often the waiting announcer looks at the torrent. */
    private static final long LOOK_EVERY_MILLIS = 250;

    private final AnnounceTarget target;
    private final List<List<URI>> tiers;
    private final byte[] peerId;
    private final IntSupplier port;
    private final TimeSource time;
    private final Function<URI, AddressPolicy> addresses;
    private final NoPeersBackOff backOff = new NoPeersBackOff();
    private volatile boolean running = true;
    private Thread thread;

    /**
     * @param tiers the trackers in tiers (BEP 12): a tier is tried only when every tracker before failed
     * @param addresses where trackers may be (a magnet's trackers are anyone's to choose)
     */
    public Announcer(
            AnnounceTarget target,
            List<List<URI>> tiers,
            byte[] peerId,
            IntSupplier port,
            TimeSource time,
            AddressPolicy addresses) {
        this(target, tiers, peerId, port, time, tracker -> addresses);
    }

    /**
     * @param addresses where each tracker may be: trackers the administrator chose may be trusted beyond the
     *     rules that hold for those a magnet or a .torrent names
     */
    public Announcer(
            AnnounceTarget target,
            List<List<URI>> tiers,
            byte[] peerId,
            IntSupplier port,
            TimeSource time,
            Function<URI, AddressPolicy> addresses) {
        this.addresses = addresses;
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
        try {
            awaitCheck();
            AnnounceRequest.Event event = AnnounceRequest.Event.STARTED;
            boolean completedSent = false;
            while (running) {
                AnnounceResponse answer = announce(event);
                event = AnnounceRequest.Event.NONE;
                long announced = time.millis();
                long regular = waitAfter(answer).toMillis();
                long soon = answer == null
                        ? regular
                        : backOff.after(waitAfter(answer), answer.minInterval()).toMillis();
                while (running) {
                    long waited = time.millis() - announced;
                    if (!completedSent && target.progress().completedHere()) {
                        completedSent = true;
                        event = AnnounceRequest.Event.COMPLETED;
                        break;
                    }
                    boolean needsPeers = target.needsPeers();
                    if (!needsPeers) {
                        backOff.reset();
                    }
                    if (waited >= regular || (needsPeers && waited >= soon)) {
                        break;
                    }
                    Thread.sleep(LOOK_EVERY_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    // A torrent that starts complete announces started with left=0, not its whole size then completed.
    private void awaitCheck() throws InterruptedException {
        long until = time.millis() + AWAIT_CHECK_AT_MOST.toMillis();
        while (running && target.progress().checking() && time.millis() < until) {
            Thread.sleep(LOOK_EVERY_MILLIS / 5);
        }
    }

    /** One announce, tier by tier; returns how long to wait before the next. */
    Duration announceOnce(AnnounceRequest.Event event) {
        return waitAfter(announce(event));
    }

    private static Duration waitAfter(AnnounceResponse answer) {
        if (answer == null) {
            return RETRY_AFTER_FAILURE;
        }
        return answer.interval().compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : answer.interval();
    }

    /** One announce, tier by tier; returns the first answer, or null when every tracker failed. */
    private AnnounceResponse announce(AnnounceRequest.Event event) {
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
                    AnnounceResponse response =
                            Tracker.at(url, addresses.apply(url)).announce(request);
                    synchronized (tier) {
                        tier.remove(url);
                        tier.addFirst(url);
                    }
                    List<PeerAddress> peers = response.peers();
                    if (!peers.isEmpty() && event != AnnounceRequest.Event.STOPPED) {
                        target.addPeers(peers);
                    }
                    return response;
                } catch (IOException | TrackerException | RuntimeException e) {
                    // A refused address is the operator's business to know of; a tracker down is everyday.
                    log.log(
                            e instanceof ForbiddenAddressException ? Level.WARNING : Level.FINE,
                            "announce to " + url + " failed: " + e.getMessage(),
                            e instanceof ForbiddenAddressException ? null : e);
                }
            }
        }
        return null;
    }
}
