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
 *     file's head is probed, and ready as soon as some of the file is downloaded
 * @param complete whether its WebVTT covers the whole film: a track inside a video still downloading is spread over
 *     the whole file, so its WebVTT goes as far as the download has got (from the start), and grows with it; a
 *     player asks for it again while it is not complete
 */
public record SubtitleTrack(
        String id,
        String language,
        String label,
        String source,
        boolean forced,
        boolean isDefault,
        boolean text,
        boolean ready,
        boolean complete) {}
