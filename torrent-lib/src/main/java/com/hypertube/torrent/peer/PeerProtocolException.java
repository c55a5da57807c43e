package com.hypertube.torrent.peer;

/** A peer broke the protocol: the connection is dropped, the torrent carries on. */
public final class PeerProtocolException extends Exception {

    public PeerProtocolException(String message) {
        super(message);
    }
}
