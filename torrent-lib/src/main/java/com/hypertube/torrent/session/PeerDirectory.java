package com.hypertube.torrent.session;

import com.hypertube.torrent.peer.PeerAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peers a torrent knows of (given, from trackers, or that connected to us) and when each may be
 * dialled: a peer we could not reach is tried again after 1 s, then 2, 4... up to a minute; one that left,
 * after 10 s. At most {@code capacity} addresses are kept — trackers, magnets and (one day) PEX would
 * otherwise grow the set without end —: beyond, those that failed most are forgotten first, then the longest
 * known (an address learned again counts as new). Peers connected or being dialled are never forgotten.
 * Seeds are remembered as such: a torrent that is complete does not dial them (two seeds have nothing to
 * say to each other). Guarded by the session's lock.
 */
final class PeerDirectory {

    private final int capacity;
    private final Set<PeerAddress> known = new LinkedHashSet<>(); // the longest known first
    private final Set<PeerAddress> dialing = new LinkedHashSet<>();
    private final Set<PeerAddress> connected = new HashSet<>();
    private final Set<PeerAddress> seeds = new HashSet<>();
    private final Map<PeerAddress, Long> retryAfter = new HashMap<>();
    private final Map<PeerAddress, Integer> failures = new HashMap<>();

    PeerDirectory(int capacity) {
        this.capacity = capacity;
    }

    void learn(List<PeerAddress> addresses) {
        for (PeerAddress address : addresses) {
            known.remove(address); // to the end: a tracker still lists it
            known.add(address);
        }
        if (known.size() > capacity) {
            forgetWorst(known.size() - capacity);
        }
    }

    int size() {
        return known.size();
    }

    boolean knows(PeerAddress address) {
        return known.contains(address);
    }

    /**
     * Peers to dial now, marked as being dialled, so that the connected and the dialled stay within {@code max}.
     * {@code complete}: we have every piece we want, so seeds are skipped.
     */
    List<PeerAddress> toDial(Set<PeerAddress> connectedPeers, int max, long now, boolean complete) {
        List<PeerAddress> chosen = new ArrayList<>();
        for (PeerAddress address : known) {
            if (connectedPeers.size() + dialing.size() >= max) {
                break;
            }
            if (!connectedPeers.contains(address)
                    && !dialing.contains(address)
                    && !(complete && seeds.contains(address))
                    && retryAfter.getOrDefault(address, 0L) <= now) {
                dialing.add(address);
                chosen.add(address);
            }
        }
        return chosen;
    }

    void connected(PeerAddress address) {
        if (known.add(address) && known.size() > capacity) {
            forgetWorst(known.size() - capacity);
        }
        connected.add(address);
        dialing.remove(address);
        failures.remove(address);
    }

    /** The peer has every piece. */
    void isSeed(PeerAddress address) {
        if (known.contains(address)) {
            seeds.add(address);
        }
    }

    void dialFailed(PeerAddress address, long now) {
        dialing.remove(address);
        if (!known.contains(address)) {
            return; // forgotten meanwhile
        }
        int count = failures.merge(address, 1, Integer::sum);
        retryAfter.put(address, now + Math.min(60_000L, 1_000L << Math.min(count - 1, 6)));
    }

    void left(PeerAddress address, long now) {
        connected.remove(address);
        if (known.contains(address)) {
            retryAfter.put(address, now + 10_000);
        }
    }

    /** A connection that ended before becoming a peer (refused as a duplicate, say). */
    void notDialling(PeerAddress address) {
        dialing.remove(address);
    }

    void forgetBackOff() {
        retryAfter.clear();
    }

    private void forgetWorst(int count) {
        List<PeerAddress> victims = known.stream()
                .filter(address -> !dialing.contains(address) && !connected.contains(address))
                .sorted(Comparator.comparingInt((PeerAddress address) -> failures.getOrDefault(address, 0))
                        .reversed()) // stable: among equals, the longest known first
                .limit(count)
                .toList();
        for (PeerAddress address : victims) {
            known.remove(address);
            seeds.remove(address);
            retryAfter.remove(address);
            failures.remove(address);
        }
    }
}
