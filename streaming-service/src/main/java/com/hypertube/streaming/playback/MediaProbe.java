package com.hypertube.streaming.playback;

import java.util.List;
import java.util.Optional;

/**
 * What ffprobe found in a file: its container, length and tracks. Only what the playback decision and the
 * player need; stored as JSON beside the download.
 *
 * @param container the container's short name: {@code mp4}, {@code mov}, {@code matroska}, {@code webm},
 *     {@code avi}, {@code mpegts}, or ffprobe's own name for anything else
 * @param durationSeconds the length, 0 when the container does not say
 * @param bitRate bits per second over the whole file, 0 when unknown
 */
public record MediaProbe(
        String container,
        double durationSeconds,
        long bitRate,
        List<Video> video,
        List<Audio> audio,
        List<Subtitle> subtitles) {

    public MediaProbe {
        video = List.copyOf(video);
        audio = List.copyOf(audio);
        subtitles = List.copyOf(subtitles);
    }

    /** A video track; {@code level} is the codec's level as ffprobe gives it (41 for H.264 level 4.1). */
    public record Video(
            int index,
            String codec,
            String profile,
            int level,
            int width,
            int height,
            int bitDepth,
            String pixelFormat) {}

    public record Audio(int index, String codec, String profile, int channels, String language, boolean isDefault) {}

    /**
     * An embedded subtitle track; text ones ({@code subrip}, {@code ass}, {@code webvtt}, {@code mov_text}) can
     * become WebVTT, image ones ({@code hdmv_pgs_subtitle}, {@code dvd_subtitle}) cannot.
     */
    public record Subtitle(int index, String codec, String language, String title, boolean forced, boolean isDefault) {}

    /** The video track a player shows: the first one (cover pictures are not video tracks here). */
    public Optional<Video> mainVideo() {
        return video.stream().findFirst();
    }

    /** The audio track a player plays: the one marked default, else the first. */
    public Optional<Audio> mainAudio() {
        return audio.stream().filter(Audio::isDefault).findFirst().or(() -> audio.stream()
                .findFirst());
    }
}
