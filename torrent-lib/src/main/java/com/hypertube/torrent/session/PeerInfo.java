package com.hypertube.torrent.session;

import com.hypertube.torrent.peer.PeerAddress;

/**
 * What we know of one connected peer, for a debug view.
 *
 * @param client the client name the peer gave in its extension handshake, or empty
 * @param downloadRate bytes per second we receive from it
 * @param uploadRate bytes per second we send it
 * @param amChoking whether we refuse its requests
 * @param peerChoking whether it refuses ours
 * @param pieces how many pieces it has
 */
public record PeerInfo(
        PeerAddress address,
        String client,
        long downloadRate,
        long uploadRate,
        boolean amChoking,
        boolean amInterested,
        boolean peerChoking,
        boolean peerInterested,
        int pieces,
        int requestsInFlight) {}
