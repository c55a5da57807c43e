package com.hypertube.torrent.session;

import com.hypertube.torrent.peer.PeerMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who we upload to. An interested peer is unchoked at once while a slot is free; every choking round the
 * interested peers that gave us the most (or, when we seed, took the most) keep all slots but one, and
 * the last goes to a random other interested peer (the optimistic unchoke), so that newcomers get a
 * start. Called under the session's lock.
 */
final class Choker {

    private final int uploadSlots;

    Choker(int uploadSlots) {
        this.uploadSlots = uploadSlots;
    }

    void unchokeIfSlotFree(Collection<Peer> peers, Peer peer) {
        long unchoked = peers.stream().filter(p -> !p.amChoking).count();
        if (peer.amChoking && unchoked < uploadSlots) {
            peer.amChoking = false;
            peer.connection.send(new PeerMessage.Unchoke());
        }
    }

    void choke(Peer peer) {
        peer.amChoking = true;
        peer.connection.send(new PeerMessage.Choke());
    }

    void rechoke(Collection<Peer> peers, boolean seeding, long now) {
        Comparator<Peer> mostUseful = Comparator.comparingLong(
                        (Peer p) -> seeding ? p.toPeer.rate(now) : p.fromPeer.rate(now))
                .reversed();
        List<Peer> interested = new ArrayList<>(
                peers.stream().filter(p -> p.peerInterested).sorted(mostUseful).toList());
        Set<Peer> keep = new LinkedHashSet<>(interested.subList(0, Math.min(interested.size(), uploadSlots - 1)));
        List<Peer> rest = interested.subList(keep.size(), interested.size());
        if (!rest.isEmpty()) {
            keep.add(rest.get(ThreadLocalRandom.current().nextInt(rest.size())));
        }
        for (Peer peer : peers) {
            if (keep.contains(peer) && peer.amChoking) {
                peer.amChoking = false;
                peer.connection.send(new PeerMessage.Unchoke());
            } else if (!keep.contains(peer) && !peer.amChoking) {
                choke(peer);
            }
        }
    }
}
