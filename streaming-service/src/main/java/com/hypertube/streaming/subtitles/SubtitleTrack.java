package com.hypertube.streaming.subtitles;

/**
 * A subtitle track a player may show for a file.
 *
 * @param id {@code embedded-<stream index>}, {@code file-<file index of the torrent>} or
 *     {@code os-<OpenSubtitles file id>}
 * @param language ISO 639-1, or empty when nobody said
 * @param source {@code embedded} (in the video file), {@code torrent} (a subtitle file beside it) or
 *     {@code opensubtitles}
 * @param text whether it can be shown (image-based tracks, PGS or VobSub, cannot: they are listed, not offered)
 * @param ready whether its WebVTT can be had now: a track inside a video still downloading is listed as soon as the
 *     file's head is probed, and ready once the download is complete (it is spread over the whole file); a player
 *     asks for the list again meanwhile
 */
public record SubtitleTrack(
        String id,
        String language,
        String label,
        String source,
        boolean forced,
        boolean isDefault,
        boolean text,
        boolean ready) {}
