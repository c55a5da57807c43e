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
     * How many segments past the last one written a request may be and still wait for the running ffmpeg rather
     * than start a new run there. Copied video runs at a hundred times real time and more: waiting is always
     * cheaper. A transcode runs at 3–5 times real time on a small server, so each 4 s segment still to make costs
     * about a second, while a new run's first segment is there in about 0.4 s: only the segment being written is
     * waited for, anything further starts a new run (a seek ahead in the film).
     */
    int waitAheadSegments() {
        return this == TRANSCODE ? 0 : 4;
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
