package com.hypertube.torrent.tracker;

/** A tracker answered with a failure, or with something that is not a tracker answer. */
public final class TrackerException extends Exception {

    public TrackerException(String message) {
        super(message);
    }
}
