package com.hypertube.streaming.playback;

import java.util.Locale;

/** Jellyfin's ladder, cheapest first. Every method but {@link #DIRECT} is served as HLS. */
public enum PlaybackMethod {
    /** The browser plays the file as it is: plain Range requests. */
    DIRECT,
    /** Codecs the browser plays in a container it does not: repackaged, nothing re-encoded. */
    REMUX,
    /** The video is copied, the audio converted to AAC. */
    AUDIO_TRANSCODE,
    /** Video the browser cannot decode: converted to H.264 (and the audio to AAC when needed). */
    TRANSCODE;

    /**
     * How far past the last segment written (seconds of film) a request may be and still wait for the running
     * ffmpeg rather than start a new run there. Copied video runs at a hundred times real time and more: waiting
     * is cheaper than a new run for 16 s ahead (a copied segment may be as long as the film's keyframe interval).
     * A transcode runs at 3–5 times real time on a small server, so each segment still to make costs about half a
     * second, as much as a new run's first segment: only the segment being written is waited for, anything further
     * starts a new run (a seek ahead in the film).
     */
    double waitAheadSeconds() {
        return this == TRANSCODE ? 0 : 16;
    }

    /** The name in URLs and JSON: {@code direct}, {@code remux}, {@code audio-transcode}, {@code transcode}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static PlaybackMethod fromSlug(String slug) {
        for (PlaybackMethod method : values()) {
            if (method.slug().equals(slug)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Unknown playback method '" + slug + "'.");
    }
}
