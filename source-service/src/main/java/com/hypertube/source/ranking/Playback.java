package com.hypertube.source.ranking;

/** What the streaming service has to do before a browser plays a source, cheapest first. */
public enum Playback {
    /** The file plays as it is (H.264, AV1 or VP9 with AAC, MP3 or Opus, in MP4 or WebM). */
    DIRECT,
    /** The streams play, the container does not (MKV, AVI, TS): repackaged on the fly, cheaply. */
    REMUX,
    /** A stream must be re-encoded (HEVC, 10-bit H.264, AC-3, DTS, TrueHD...): costly and slower to start. */
    CONVERT;

    /** The lower-case form the API shows. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
