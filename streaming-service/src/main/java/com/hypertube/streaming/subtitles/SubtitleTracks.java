package com.hypertube.streaming.subtitles;

import com.hypertube.streaming.playback.MediaProbe;
import com.hypertube.torrent.metainfo.TorrentFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The subtitle tracks of a video file: its embedded ones (from the probe) and the subtitle files of its torrent
 * that go with it — all of them when the torrent has one video, else those named like the video — ordered for
 * the viewer: the languages asked for first (English and theirs), a default track first within a language,
 * embedded before separate files (and those before OpenSubtitles').
 */
final class SubtitleTracks {

    static final Set<String> FILE_EXTENSIONS = Set.of("srt", "vtt", "ass", "ssa");
    private static final Set<String> TEXT_CODECS = Set.of("subrip", "srt", "ass", "ssa", "webvtt", "mov_text", "text");

    private SubtitleTracks() {}

    /** How much of a video is downloaded: nothing yet, its head (verified from its first byte on), or all of it. */
    enum VideoHere {
        NOTHING,
        HEAD,
        ALL
    }

    /**
     * @param video how much of the video is here: its own tracks can be read as far as that goes
     */
    static List<SubtitleTrack> of(
            MediaProbe probe, List<TorrentFile> files, int videoIndex, List<String> preferred, VideoHere video) {
        List<SubtitleTrack> tracks = new ArrayList<>();
        for (MediaProbe.Subtitle embedded : probe.subtitles()) {
            String language = Languages.of(embedded.language()).orElse("");
            boolean text = TEXT_CODECS.contains(embedded.codec());
            String label = label(language, embedded.title(), text ? "" : " (image, not shown)");
            tracks.add(new SubtitleTrack(
                    "embedded-" + embedded.index(),
                    language,
                    label,
                    "embedded",
                    embedded.forced(),
                    embedded.isDefault(),
                    text,
                    text && video != VideoHere.NOTHING,
                    text && video == VideoHere.ALL));
        }
        for (TorrentFile file : companions(files, videoIndex)) {
            String language = Languages.fromFileName(file.displayPath()).orElse("");
            tracks.add(new SubtitleTrack(
                    "file-" + file.index(),
                    language,
                    label(language, fileName(file.displayPath()), ""),
                    "torrent",
                    false,
                    false,
                    true,
                    true,
                    true));
        }
        tracks.sort(order(preferred));
        return tracks;
    }

    /**
     * The viewer's order: the languages asked for first, a default track first within a language, then embedded
     * tracks, the torrent's files, OpenSubtitles' (a stable sort keeps each source's own order).
     */
    static Comparator<SubtitleTrack> order(List<String> preferred) {
        return Comparator.comparingInt((SubtitleTrack track) -> rank(track.language(), preferred))
                .thenComparing(track -> !track.isDefault())
                .thenComparingInt(track -> switch (track.source()) {
                    case "embedded" -> 0;
                    case "torrent" -> 1;
                    default -> 2;
                });
    }

    /** The subtitle files of the torrent that go with the video file. */
    static List<TorrentFile> companions(List<TorrentFile> files, int videoIndex) {
        List<TorrentFile> subtitles = files.stream()
                .filter(file -> FILE_EXTENSIONS.contains(extension(file.displayPath())))
                .toList();
        List<TorrentFile> videos = files.stream()
                .filter(file -> com.hypertube.streaming.stream.MediaTypes.isVideo(file.displayPath()))
                .toList();
        if (videos.size() <= 1) {
            return subtitles;
        }
        String stem = stem(fileName(files.get(videoIndex).displayPath())).toLowerCase(Locale.ROOT);
        return subtitles.stream()
                .filter(file ->
                        fileName(file.displayPath()).toLowerCase(Locale.ROOT).startsWith(stem))
                .toList();
    }

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int rank(String language, List<String> preferred) {
        int at = preferred.indexOf(language);
        return at < 0 ? preferred.size() : at;
    }

    private static String label(String language, String title, String suffix) {
        String name = language.isEmpty() ? "Unknown language" : Languages.name(language);
        return (title == null || title.isBlank() ? name : name + " – " + title.strip()) + suffix;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String stem(String name) {
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }
}
