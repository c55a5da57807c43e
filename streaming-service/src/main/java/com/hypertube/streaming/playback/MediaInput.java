package com.hypertube.streaming.playback;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where ffmpeg reads a file from: the file itself once the torrent has it all, else our loopback reader
 * (see {@link LoopbackFiles}). Never a name a user or a torrent chose, verbatim: a path is given with the
 * {@code file:} protocol so that a name starting with a dash or naming another protocol means nothing.
 *
 * @param selfDescribing whether the container describes its streams in its header (Matroska, MP4, WebM, QuickTime)
 */
public record MediaInput(String forFfmpeg, boolean complete, boolean selfDescribing) {

    private static final Set<String> SELF_DESCRIBING = Set.of("mkv", "mp4", "m4v", "webm", "mov");

    public static MediaInput file(Path path) {
        return new MediaInput(
                "file:" + path.toAbsolutePath(),
                true,
                selfDescribing(path.getFileName().toString()));
    }

    static MediaInput loopback(String url, String fileName) {
        return new MediaInput(url, false, selfDescribing(fileName));
    }

    /**
     * The input options that keep ffmpeg's first look at the streams short: one second and 2 MB for a container
     * whose header says it all (every byte read may be a piece still to download); ffmpeg's own default (5 s)
     * for the others (AVI, MPEG-TS), where a stream may show up only later.
     */
    List<String> analysisOptions() {
        return selfDescribing ? List.of("-analyzeduration", "1000000", "-probesize", "2000000") : List.of();
    }

    private static boolean selfDescribing(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && SELF_DESCRIBING.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
