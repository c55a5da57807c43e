package com.hypertube.streaming.stream;

import java.util.Locale;
import java.util.Map;

/** What a file is, from its extension: its MIME type, and whether it is a video we stream. */
public final class MediaTypes {

    private static final Map<String, String> VIDEO = Map.of(
            "mp4", "video/mp4",
            "m4v", "video/mp4",
            "webm", "video/webm",
            "mkv", "video/x-matroska",
            "mov", "video/quicktime",
            "avi", "video/x-msvideo");

    private static final Map<String, String> OTHER = Map.of(
            "srt", "application/x-subrip",
            "vtt", "text/vtt",
            "txt", "text/plain",
            "nfo", "text/plain",
            "jpg", "image/jpeg",
            "png", "image/png");

    private MediaTypes() {}

    static String of(String path) {
        String extension = extension(path);
        return VIDEO.getOrDefault(extension, OTHER.getOrDefault(extension, "application/octet-stream"));
    }

    public static boolean isVideo(String path) {
        return VIDEO.containsKey(extension(path));
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
