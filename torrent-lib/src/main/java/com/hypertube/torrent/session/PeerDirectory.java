package com.hypertube.torrent.session;

import com.hypertube.torrent.peer.PeerAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peers a torrent knows of (given, from trackers, or that connected to us) and when each may be
 * dialled: a peer we could not reach is tried again after 1 s, then 2, 4... up to a minute; one that left,
 * after 10 s. Guarded by the session's lock.
 */
final class PeerDirectory {

    private final Set<PeerAddress> known = new LinkedHashSet<>();
    private final Set<PeerAddress> dialing = new LinkedHashSet<>();
    private final Map<PeerAddress, Long> retryAfter = new HashMap<>();
    private final Map<PeerAddress, Integer> failures = new HashMap<>();

    void learn(List<PeerAddress> addresses) {
        known.addAll(addresses);
    }

    /** Peers to dial now, marked as being dialled, so that the connected and the dialled stay within {@code max}. */
    List<PeerAddress> toDial(Set<PeerAddress> connected, int max, long now) {
        List<PeerAddress> chosen = new ArrayList<>();
        for (PeerAddress address : known) {
            if (connected.size() + dialing.size() >= max) {
                break;
            }
            if (!connected.contains(address)
                    && !dialing.contains(address)
                    && retryAfter.getOrDefault(address, 0L) <= now) {
                dialing.add(address);
                chosen.add(address);
            }
        }
        return chosen;
    }

    void connected(PeerAddress address) {
        known.add(address);
        dialing.remove(address);
        failures.remove(address);
    }

    void dialFailed(PeerAddress address, long now) {
        dialing.remove(address);
        int count = failures.merge(address, 1, Integer::sum);
        retryAfter.put(address, now + Math.min(60_000L, 1_000L << Math.min(count - 1, 6)));
    }

    void left(PeerAddress address, long now) {
        retryAfter.put(address, now + 10_000);
    }

    /** A connection that ended before becoming a peer (refused as a duplicate, say). */
    void notDialling(PeerAddress address) {
        dialing.remove(address);
    }

    void forgetBackOff() {
        retryAfter.clear();
    }
}
