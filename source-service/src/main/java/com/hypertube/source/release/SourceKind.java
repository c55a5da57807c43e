package com.hypertube.source.release;

/**
 * Where the video was taken from, roughly best first.
 *
 * <p>BDRip and BRRip count as {@link #BLURAY}: they are re-encodes of the same disc and a ranker cannot tell
 * them apart from a name. {@link #DVD} is a whole disc image (VIDEO_TS), unlike {@link #DVDRIP}, so it is
 * kept apart: a browser cannot play it at all.
 */
public enum SourceKind {
    REMUX,
    BLURAY,
    WEB_DL,
    WEBRIP,
    HDRIP,
    HDTV,
    DVD,
    DVDRIP,
    SCREENER,
    TELECINE,
    TELESYNC,
    CAM
}
