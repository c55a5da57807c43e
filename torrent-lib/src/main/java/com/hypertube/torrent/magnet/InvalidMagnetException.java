package com.hypertube.torrent.magnet;

/** A magnet link we cannot use, with the reason in words a user can act on. */
public final class InvalidMagnetException extends Exception {

    public InvalidMagnetException(String message) {
        super(message);
    }
}
