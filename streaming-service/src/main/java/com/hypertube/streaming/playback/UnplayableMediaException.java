package com.hypertube.streaming.playback;

/** A file ffmpeg cannot read: corrupt, truncated, or with nothing to play in it. */
public class UnplayableMediaException extends RuntimeException {
    public UnplayableMediaException(String reason) {
        super(reason);
    }
}
