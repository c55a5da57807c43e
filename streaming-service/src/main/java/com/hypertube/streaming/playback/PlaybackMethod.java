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
